"""How the benchmarks measure: interleaved pairs, whole processes through a minimal
launcher, and the figures' rows with min / median / max and met / missed."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAUNCH = HERE / "launch.py"
PROBE_PATH = HERE / "entry_probe"


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds ``fn`` took."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def interleave(
    ours: Callable[[], float], floor: Callable[[], float], pairs: int
) -> tuple[list[float], list[float]]:
    """A B A B ...: each pair runs the app, then its floor, under the same conditions."""
    a, b = [], []
    for _ in range(pairs):
        a.append(ours())
        b.append(floor())
    return a, b


def isolate_this_process(home: Path) -> None:
    """Give this process's in-process runs their own per-user folders too: a window opened
    here restores no window size or splitter saved by the user's own use of Evenside (a
    saved 1024x600 window changed the page times), and writes no state or log there."""
    os.environ.update({k: v for k, v in isolated_env(home).items() if k.startswith("XDG_")})


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a whole-process run: offscreen, and every per-user folder (logs,
    window state, the data folder) in ``home`` so no run writes outside its own folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENSIDE_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def spawn(args: list[str], env: dict[str, str], timeout: float = 180) -> dict[str, float]:
    """Run ``args`` through the launcher; every "name value" line it and the child print,
    as floats, plus "elapsed <name>" (ms from the spawn to each printed stamp)."""
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(LAUNCH), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    found: dict[str, float] = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        try:
            found[name] = float(value)
        except ValueError:
            continue
    if result.returncode != 0 or "maxrss" not in found:
        raise RuntimeError(f"{args[1:3]} failed ({result.returncode}): {result.stderr[-1500:]}")
    for name in ("painted", "usable"):
        if name in found:
            found[f"elapsed {name}"] = (found[name] - found["start"]) * 1000
    found["maxrss MiB"] = found["maxrss"] / 1024
    return found


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Ratio:
    """A figure beside its floor, from interleaved pairs."""

    name: str
    size: str
    ours: list[float]
    floor: list[float]
    target: float
    unit: str = "ms"
    note: str = ""

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.floor, strict=True) if b > 0]

    @property
    def met(self) -> bool:
        return bool(self.ratios) and median(self.ratios) <= self.target

    def row(self) -> str:
        r = self.ratios
        return (
            f"| {self.name} | {self.size} | {median(self.ours):.1f} {self.unit} | "
            f"{median(self.floor):.1f} {self.unit} | "
            f"{min(r):.2f} / **{median(r):.2f}** / {max(r):.2f} | ≤ {self.target:g} x | "
            f"{'met' if self.met else 'missed'} | {len(r)}{self.note} |"
        )


RATIO_HEADER = (
    "| figure | history | Evenside (median) | floor (median) | ratio min / **median** / max "
    "| target | | pairs |\n|---|---|---|---|---|---|---|---|"
)


@dataclass
class Absolute:
    """A time a user feels, at each history size, against an absolute target."""

    name: str
    target_ms: float
    by_size: dict[str, list[float]] = field(default_factory=dict)

    def met(self) -> bool:
        return all(median(v) <= self.target_ms for v in self.by_size.values())

    def row(self, sizes: list[str]) -> str:
        cells = []
        for size in sizes:
            values = self.by_size.get(size)
            cells.append(
                "–" if not values else f"{median(values):.0f} ({min(values):.0f}–{max(values):.0f})"
            )
        first, last = self.by_size.get(sizes[0]), self.by_size.get(sizes[-1])
        growth = "–"
        if first and last and len(sizes) > 1:
            growth = f"{median(last) / median(first):.2f} x"
        verdict = "met" if self.met() else "missed"
        target = f"≤ {self.target_ms:g} ms"
        return f"| {self.name} | {' | '.join(cells)} | {growth} | {target} | {verdict} |"


def absolute_header(sizes: list[str]) -> str:
    return (
        f"| figure (ms, median (min–max)) | {' | '.join(sizes)} | growth {sizes[0]} → {sizes[-1]} "
        f"| target | |\n|---|{'---|' * len(sizes)}---|---|---|"
    )


def machine_line() -> str:
    from PySide6 import __version__ as pyside

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {model}; Python {platform.python_version()}, "
        f"PySide6 {pyside}, SQLite {sqlite3.sqlite_version}; {platform.system()} "
        f"{platform.release()}; load average {load} (1, 5, 15 min) when the run ended"
    )
