"""A monotonic clock the timers read; tests replace it with one they move by hand."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
monotonic: Clock = time.monotonic


def format_seconds(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
