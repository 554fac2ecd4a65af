"""Logging, editing and deleting a set through the kept connection: each call's set is on
disk (seen by another connection) when it returns, with every column the ORM path stored;
an edit keeps the time and a "logged anyway" mark; a deletion gives back the set to undo."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.errors import NotFound
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.services import library, workout
from evenside.services.store import Store
from fakes import FakeClock

COLUMNS = (
    "position, side, weight_kg, reps, duration_seconds, rpe, rir, kind, logged_at, "
    "volume_override, sides_unrecorded, notes, distance_m, source_key"
)


def _on_disk(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as other:
        rows = other.execute(f"SELECT {COLUMNS} FROM sets ORDER BY id").fetchall()
    other.close()
    return rows


def _row_exercise(store: Store, profile: Profile) -> int:
    session = workout.start_session(store, profile.id)
    exercise = next(e for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    return workout.add_exercise(store, session.id, exercise.id)


def _first_side(db_path: Path, se_id: int) -> str | None:
    with sqlite3.connect(db_path) as other:
        row = other.execute("SELECT first_side FROM session_exercises WHERE id = ?", (se_id,))
        value = row.fetchone()[0]
    other.close()
    return value


def test_a_logged_set_is_on_disk_with_every_column_when_the_call_returns(
    store: Store, db_path: Path, profile: Profile, clock: FakeClock
) -> None:
    se_id = _row_exercise(store, profile)
    clock.moment = datetime(2026, 11, 2, 18, 0, 5)
    first = workout.log_set(store, se_id, SetRecord(Side.RIGHT, 22.5, 8, rpe=8.5))
    assert _on_disk(db_path) == [
        (0, "right", 22.5, 8, None, 8.5, None, "working", "2026-11-02 18:00:05.000000",
         0, 0, "", None, None),
    ]  # fmt: skip
    assert first.logged.position == 0 and first.changes.exercises  # the exercise row changed
    assert _first_side(db_path, se_id) == "right"  # the side actually logged first
    second = workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 10, SetKind.DROP))
    assert second.logged.position == 1 and not second.changes.exercises
    assert _first_side(db_path, se_id) == "right"
    assert len(_on_disk(db_path)) == 2


def test_an_edit_keeps_the_time_and_the_logged_anyway_mark(
    store: Store, db_path: Path, profile: Profile, clock: FakeClock
) -> None:
    se_id = _row_exercise(store, profile)
    clock.moment = datetime(2026, 11, 2, 18, 0, 0)
    marked = SetRecord(Side.RIGHT, 30.0, 8, volume_override=True)
    logged = workout.log_set(store, se_id, marked).logged
    clock.moment = datetime(2026, 11, 2, 18, 9, 0)
    workout.update_set(store, logged.id, SetRecord(Side.RIGHT, 27.5, 6, rir=2.0))
    assert _on_disk(db_path) == [
        (0, "right", 27.5, 6, None, None, 2.0, "working", "2026-11-02 18:00:00.000000",
         1, 0, "", None, None),
    ]  # fmt: skip
    with pytest.raises(NotFound, match="That set no longer exists"):
        workout.update_set(store, logged.id + 1, SetRecord(Side.LEFT, 20.0, 8))


def test_a_deleted_set_comes_back_under_its_own_id_and_place(
    store: Store, db_path: Path, profile: Profile, clock: FakeClock
) -> None:
    se_id = _row_exercise(store, profile)
    clock.moment = datetime(2026, 11, 2, 18, 0, 0)
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 8))
    middle = workout.log_set(store, se_id, SetRecord(Side.RIGHT, 22.0, 7, rpe=9.0)).logged
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 8))
    before = _on_disk(db_path)
    deleted = workout.delete_set(store, middle.id)
    assert deleted.session_exercise_id == se_id
    assert deleted.logged.record == SetRecord(
        Side.RIGHT, 22.0, 7, rpe=9.0, logged_at=datetime(2026, 11, 2, 18, 0, 0)
    )
    assert len(_on_disk(db_path)) == 2
    workout.restore_set(store, deleted.session_exercise_id, deleted.logged)
    assert _on_disk(db_path) == before
    with pytest.raises(NotFound, match="That set no longer exists"):
        workout.delete_set(store, 10_000)


def test_closing_the_store_closes_the_kept_connection(store: Store, profile: Profile) -> None:
    se_id = _row_exercise(store, profile)
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 8))
    assert store.database.engine.pool.checkedout() == 1  # the kept connection
    store.database.engine.dispose()  # connections are remade: the kept one too
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 8))
    store.close()
    assert store.database.engine.pool.checkedout() == 0
