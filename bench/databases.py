"""The benchmark databases: built once by Evenside's demo generator (seeded, with a fixed
last day, so every build is identical) and cached in bench/data/. Every measured run works
on a fresh copy (``fresh_copy``), in a folder of its own, so nothing a run writes (the
write-ahead log, the daily backup beside the file) reaches the cached database.

    python bench/databases.py 30          # build bench/data/bench-30y.sqlite3
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("EVENSIDE_BENCH_DATA", HERE / "data"))
LAST_DAY = date(2026, 6, 26)  # fixed: a build does not depend on the day it runs
SESSIONS_PER_WEEK = 5
WEEKS_PER_YEAR = 52


def name_for(years: float) -> str:
    return f"bench-{years:g}y.sqlite3"


def build(path: Path, years: float) -> None:
    """Fill a new database at ``path`` with ``years`` of demo history (about 12,300 sets a
    year), in this process."""
    from evenside.services.demo import fill_demo
    from evenside.services.store import open_store

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = open_store(partial)
    try:
        weeks = max(1, round(years * WEEKS_PER_YEAR))
        fill_demo(store, weeks=weeks, end=LAST_DAY, sessions_per_week=SESSIONS_PER_WEEK)
    finally:
        store.close()
    connection = sqlite3.connect(partial)  # one self-contained file, read without a -wal
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)


def database(years: float) -> Path:
    """The cached ``years``-year database, built in a child process on first use."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / name_for(years)
    if not path.exists():
        subprocess.run([sys.executable, __file__, f"{years:g}"], check=True)
    return path


def sets_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return int(connection.execute("SELECT count(*) FROM sets").fetchone()[0])


def fresh_copy(path: Path, parent: Path | None = None) -> Path:
    """A copy of ``path`` alone in a new temporary folder (under ``parent`` if given)."""
    folder = Path(tempfile.mkdtemp(prefix="evenside-bench-", dir=parent))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return copy


def discard(copy: Path) -> None:
    shutil.rmtree(copy.parent, ignore_errors=True)


if __name__ == "__main__":
    wanted = float(sys.argv[1])
    DATA.mkdir(parents=True, exist_ok=True)
    build(DATA / name_for(wanted), wanted)
