"""Whole-process figures, each run through the minimal launcher on a fresh copy of the
database, app and floor interleaved: first paint and cold start through the real entry
point (``python -m evenside --db COPY``, watched by bench/entry_probe), and peak memory
with the Progress page open, from each child's own rusage."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from databases import discard, fresh_copy
from measure import PROBE_PATH, Ratio, isolated_env, spawn

HERE = Path(__file__).resolve().parent
FLOORS = str(HERE / "floors.py")
PY = sys.executable


def _probe_env(home: Path, mode: str) -> dict[str, str]:
    paths = [str(PROBE_PATH), *filter(None, [os.environ.get("PYTHONPATH")])]
    return isolated_env(home, PYTHONPATH=os.pathsep.join(paths), EVENSIDE_BENCH_PROBE=mode)


def app_run(db: Path, work: Path, mode: str) -> dict[str, float]:
    """``python -m evenside --db <fresh copy>``; its backups, logs and window state stay in
    the copy's own temporary folder."""
    copy = fresh_copy(db, work)
    try:
        return spawn([PY, "-m", "evenside", "--db", str(copy)], _probe_env(copy.parent, mode))
    finally:
        discard(copy)


def floor_run(work: Path, *args: str, db: Path | None = None) -> dict[str, float]:
    copy = None if db is None else fresh_copy(db, work)
    home = Path(work) / "floor-home"
    try:
        return spawn([PY, FLOORS, *args, *([] if copy is None else [str(copy)])],
                     isolated_env(home))  # fmt: skip
    finally:
        if copy is not None:
            discard(copy)


def start_up(db: Path, size: str, pairs: int, work: Path) -> list[Ratio]:
    """App, bare window, Core window, app, ...: two ratios from the same app runs."""
    ours_paint, ours_usable, bare, core = [], [], [], []
    cpu_ours, cpu_core = [], []
    for _ in range(pairs):
        found = app_run(db, work, "start")
        ours_paint.append(found["elapsed painted"])
        ours_usable.append(found["elapsed usable"])
        cpu_ours.append(found["cpu"] * 1000)
        bare.append(floor_run(work, "paint")["elapsed painted"])
        floor = floor_run(work, "core-window", db=db)
        core.append(floor["elapsed painted"])
        cpu_core.append(floor["cpu"] * 1000)
    return [
        Ratio("first paint, real entry point (vs a bare window)", size, ours_paint, bare, 1.8),
        Ratio(
            "cold start to a painted, usable Session page (vs PySide6 + SQLAlchemy Core)",
            size,
            ours_usable,
            core,
            1.5,
        ),
        Ratio(
            "  the same, CPU time of the whole process (not judged)",
            size,
            cpu_ours,
            cpu_core,
            1.5,
            note=" cpu",
        ),  # fmt: skip
    ]


def progress_memory(db: Path, size: str, pairs: int, work: Path) -> list[Ratio]:
    """Peak resident memory with Progress open, against the Core window plotting as many
    points as Progress's charts do."""
    ours, floor = [], []
    for _ in range(pairs):
        found = app_run(db, work, "progress")
        ours.append(found["maxrss MiB"])
        points = int(found.get("points", 0))
        floor.append(_plot_floor(db, work, points))
    return [Ratio("peak memory, Progress open", size, ours, floor, 1.3, unit="MiB")]


def _plot_floor(db: Path, work: Path, points: int) -> float:
    copy = fresh_copy(db, work)
    try:
        found = spawn([PY, FLOORS, "plot-memory", str(copy), str(points)],
                      isolated_env(work / "floor-home"))  # fmt: skip
    finally:
        discard(copy)
    return found["maxrss MiB"]
