"""In-process figures beside raw sqlite3 with the app's pragmas, interleaved pair by pair,
each on a fresh copy of the database: logging one set (on the real disk and on tmpfs), one
exercise's series, the overview, a Strong import; and the import's memory, in fresh
processes through the launcher."""

from __future__ import annotations

import sys
from pathlib import Path

import floors
from databases import discard, fresh_copy
from import_memory import write_strong_export
from measure import Ratio, interleave, isolated_env, spawn, timed

HERE = Path(__file__).resolve().parent
PY = sys.executable
BENCH_EXERCISE = "Bulgarian split squat"
TMPFS = Path("/dev/shm")


def _open(copy: Path):  # type: ignore[no-untyped-def]
    from evenside.services import library, profiles
    from evenside.services.store import open_store

    store = open_store(copy)
    profile = profiles.current_profile(store)
    assert profile is not None
    exercise = next(e for e in library.all_exercises(store) if e.name == BENCH_EXERCISE)
    return store, profile, exercise


def log_one_set(db: Path, size: str, pairs: int, work: Path) -> list[Ratio]:
    places = [("real disk", work)]
    if TMPFS.is_dir():
        places.append(("tmpfs", TMPFS))
    figures = []
    for place, parent in places:
        ours, floor = _log_pairs(db, parent, pairs)
        figures.append(Ratio(f"log one set, {place} (vs raw sqlite3)", size, ours, floor, 1.5))
    return figures


def _log_pairs(db: Path, parent: Path, pairs: int) -> tuple[list[float], list[float]]:
    """The app's log_set and the raw insert, in turns, on one fresh copy in ``parent``."""
    from evenside.domain.sides import Side
    from evenside.domain.training import SetRecord
    from evenside.services import workout

    copy = fresh_copy(db, parent)
    try:
        store, profile, exercise = _open(copy)
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, exercise.id)
        raw = floors.raw_connection(copy)
        record = SetRecord(Side.LEFT, 20.0, 8)
        try:
            return interleave(
                lambda: timed(lambda: workout.log_set(store, se_id, record)),
                lambda: timed(lambda: floors.log_set(raw, se_id)),
                pairs,
            )
        finally:
            raw.close()
            store.close()
    finally:
        discard(copy)


def series_and_overview(db: Path, size: str, pairs: int, work: Path) -> list[Ratio]:
    from evenside.services import progress

    copy = fresh_copy(db, work)
    try:
        store, profile, exercise = _open(copy)
        raw = floors.raw_connection(copy)
        series = interleave(
            lambda: timed(lambda: progress.exercise_progress(store, profile.id, exercise.id)),
            lambda: timed(lambda: floors.series_shown(raw, profile.id, exercise.id)),
            pairs,
        )
        overview = interleave(
            lambda: timed(lambda: progress.overview(store, profile.id)),
            lambda: timed(lambda: floors.overview(raw, profile.id)),
            pairs,
        )
        raw.close()
        store.close()
    finally:
        discard(copy)
    return [
        Ratio("one exercise's series, all history (vs its three queries)", size, *series, 1.5),
        Ratio("overview (vs its one-sided-sets query)", size, *overview, 2.0),
    ]


def template(work: Path, with_profile: bool) -> Path:
    """An empty Evenside database (the app's schema and library), with a profile or not."""
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.services import profiles
    from evenside.services.store import open_store

    path = work / f"template-{'profile' if with_profile else 'empty'}.sqlite3"
    if not path.exists():
        store = open_store(path)
        if with_profile:
            profiles.create_profile(store, "Bench", Side.RIGHT, Unit.KG)
        store.close()
        import sqlite3

        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def app_import(source: Path, database: Path) -> float:
    """Read, check and write ``source`` into ``database``, as the Import dialog does (ms)."""
    from evenside.domain.units import Unit
    from evenside.services import profiles, transfer
    from evenside.services.store import open_store

    store = open_store(database)
    try:
        profile = profiles.current_profile(store)
        assert profile is not None

        def run() -> None:
            parsed = transfer.read_import(source, unit=Unit.KG)
            mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
            transfer.commit_import(store, profile.id, parsed, mapping)

        return timed(run)
    finally:
        store.close()


def import_time(pairs: int, work: Path, rows: int) -> list[Ratio]:
    source = work / f"strong-{rows}.csv"
    write_strong_export(source, rows)
    blank = template(work, with_profile=True)

    def ours() -> float:
        copy = fresh_copy(blank, work)
        try:
            return app_import(source, copy)
        finally:
            discard(copy)

    def floor() -> float:
        copy = fresh_copy(blank, work)
        try:
            return timed(lambda: floors.import_csv(source, copy))
        finally:
            discard(copy)

    ours()  # statement caches and library lookups: paid once a program, not per import
    a, b = interleave(ours, floor, pairs)
    return [Ratio(f"Strong import, {rows:,} rows (vs csv + executemany)", "–", a, b, 3.0)]


def import_memory(pairs: int, work: Path, rows: int) -> list[Ratio]:
    """Peak memory of a whole import process against the floor's whole process."""
    source = work / f"strong-{rows}.csv"
    write_strong_export(source, rows)
    home = work / "import-home"
    ours, floor = [], []
    for _ in range(pairs):
        # Both import into a fresh copy of the same database with a profile: creating the
        # file (the migrations, Alembic: 14 MiB) is no part of an import.
        target = fresh_copy(template(work, with_profile=True), work)
        ours.append(
            spawn(
                [PY, str(HERE / "import_memory.py"), "--child", str(source), str(target)],
                isolated_env(home),
            )["maxrss MiB"]  # fmt: skip
        )
        discard(target)
        copy = fresh_copy(template(work, with_profile=True), work)
        floor.append(
            spawn(
                [PY, str(HERE / "floors.py"), "import", str(source), str(copy)], isolated_env(home)
            )["maxrss MiB"]  # fmt: skip
        )
        discard(copy)
    return [Ratio(f"import memory, {rows:,} rows (vs csv + executemany)", "–", ours, floor, 1.5,
                  unit="MiB")]  # fmt: skip
