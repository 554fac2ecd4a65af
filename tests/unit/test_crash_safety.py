"""Killing a process that is logging sets (SIGKILL) loses no set it reported as saved:
20 kills here, 200 in `make soak`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).parents[2] / "bench" / "soak.py"


def test_every_reported_set_survives_twenty_kills(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SOAK), "--kills", "20", "--db", str(tmp_path / "soak.sqlite3")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "20 kills: integrity ok after each" in result.stdout
    saved = int(result.stdout.split("all ")[1].split()[0])
    assert saved >= 20
