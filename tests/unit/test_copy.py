"""`evenside copy`: a history goes from an SQLite file to a PostgreSQL server and back
exactly, every table row for row, and a target that holds a history is never written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store
from fakes import FakeClock

pytestmark = pytest.mark.postgres
ROW = "One-arm dumbbell row"


def _history(path: Path, clock: FakeClock) -> None:
    store = open_store(path, clock=clock)
    try:
        alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
        profiles.create_profile(store, "Sam", Side.LEFT, Unit.LB)
        row = next(e.id for e in library.all_exercises(store) if e.name == ROW)
        for left, right in ((20, 22.5), (21, 22.5)):
            session = workout.start_session(store, alex.id)
            entry = workout.add_exercise(store, session.id, row)
            workout.log_set(store, entry, SetRecord(Side.LEFT, left, 8, rpe=9))
            workout.log_set(store, entry, SetRecord(Side.RIGHT, right, 8, rpe=8))
            workout.finish_session(store, session.id)
    finally:
        store.close()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as SQLite stores it."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}


def test_a_history_goes_to_the_server_and_back_row_for_row(
    tmp_path: Path, postgres_url: str, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    original, back = tmp_path / "laptop.sqlite3", tmp_path / "back.sqlite3"
    _history(original, clock)
    assert main(["copy", str(original), postgres_url]) == 0
    out = capsys.readouterr().out
    # 2 profiles, 2 sessions, 2 exercise entries and 4 sets, counted on both sides.
    for line in ("  profiles: 2 -> 2", "  sessions: 2 -> 2", "  sets: 4 -> 4"):
        assert line in out.splitlines()
    assert main(["copy", postgres_url, str(back)]) == 0
    capsys.readouterr()
    assert _dump(back) == _dump(original)
    # The server's id counters moved past the copied rows: logging goes on there.
    store = open_store(postgres_url, clock=clock)
    try:
        alex = next(p for p in profiles.list_profiles(store) if p.name == "Alex")
        row = next(e.id for e in library.all_exercises(store) if e.name == ROW)
        session = workout.start_session(store, alex.id)
        assert session.id == 3
        entry = workout.add_exercise(store, session.id, row)
        workout.log_set(store, entry, SetRecord(Side.LEFT, 22, 8))
    finally:
        store.close()


def test_a_target_that_holds_a_history_is_refused_and_left_alone(
    tmp_path: Path, postgres_url: str, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    _history(first, clock)
    _history(second, clock)
    before = _dump(second)
    assert main(["copy", str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"evenside: {second} already holds a history (profiles,")
    assert err.endswith(
        "nothing was copied. Copy into a new, empty database, or pass --merge to add what "
        "it lacks.\n"
    )
    assert _dump(second) == before
    assert main(["copy", str(first), postgres_url]) == 0
    assert main(["copy", str(second), postgres_url]) == 2
    assert "already holds a history" in capsys.readouterr().err
