"""Undo of a deleted workout session puts back exactly what was stored: the same row ids,
every column of the session, its exercises and their sets (routine day, stretch time,
import key, effort, notes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord, StretchStatus
from evenside.services import library, routines, workout
from evenside.services.store import Store
from fakes import FakeClock

SESSION_COLUMNS = "id, profile_id, routine_day_id, name, notes, started_at, ended_at, source_key"
EXERCISE_COLUMNS = (
    "id, session_id, exercise_id, position, first_side, stretch_status, stretch_at, notes"
)
SET_COLUMNS = (
    "id, session_exercise_id, position, side, weight_kg, reps, duration_seconds, rpe, rir, "
    "kind, logged_at"
)


def _rows(db_path: Path) -> tuple[list[tuple[object, ...]], ...]:
    with sqlite3.connect(db_path) as db:
        return (
            db.execute(f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY id").fetchall(),
            db.execute(f"SELECT {EXERCISE_COLUMNS} FROM session_exercises ORDER BY id").fetchall(),
            db.execute(f"SELECT {SET_COLUMNS} FROM sets ORDER BY id").fetchall(),
        )


def _logged_session(store: Store, clock: FakeClock, profile: Profile, db_path: Path) -> int:
    """A session from a routine day: two exercises, three sets, a stretch, notes, an
    import key; finished 35 minutes after it started."""
    exercises = {e.name: e.id for e in library.all_exercises(store)}
    routine = routines.create_routine(store, profile.id, "Legs", "Day A")
    day_id = routine.days[0].id
    routines.add_item(store, day_id, exercises["Bulgarian split squat"])
    routines.add_item(store, day_id, exercises["Bench press"])
    started = routines.start_session_from_day(store, profile.id, day_id)
    squat, bench = (e.id for e in started.session.exercises)
    workout.log_set(store, squat, SetRecord(Side.LEFT, 20.0, 8, rpe=8.5))
    workout.log_set(store, squat, SetRecord(Side.RIGHT, 20.0, 9, rir=2.0))
    clock.advance(minutes=5)
    workout.record_stretch(store, squat, StretchStatus.DONE)
    workout.set_exercise_notes(store, squat, "left knee fine")
    workout.log_set(store, bench, SetRecord(Side.BOTH, 40.0, 10, SetKind.WARM_UP))
    workout.set_session_notes(store, started.id, notes="good day")
    clock.advance(minutes=30)
    workout.finish_session(store, started.id)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE sessions SET source_key = 'strong:legs-1' WHERE id = ?", (started.id,))
    return started.id


def test_undo_of_a_deleted_session_restores_every_column_and_row_by_id(
    store: Store, clock: FakeClock, profile: Profile, db_path: Path
) -> None:
    session_id = _logged_session(store, clock, profile, db_path)
    before = _rows(db_path)

    deleted = workout.delete_session(store, session_id)
    assert _rows(db_path) == ([], [], [])
    assert deleted.changes.sessions and deleted.changes.session_ids == frozenset({session_id})

    changes = workout.restore_session(store, deleted.stored)
    assert changes.session_ids == frozenset({session_id})
    sessions, exercises, sets = _rows(db_path)
    assert (sessions, exercises, sets) == before

    [session] = sessions
    assert session[0] == session_id
    assert session[1] == profile.id
    assert session[2] is not None  # the routine day it was started from
    assert session[3] == "Legs: Day A"
    assert session[4] == "good day"
    assert str(session[5]).startswith("2026-11-02 18:00:00")
    assert str(session[6]).startswith("2026-11-02 18:35:00")
    assert session[7] == "strong:legs-1"

    squat, bench = exercises
    assert squat[1:6] == (session_id, squat[2], 0, "left", "done")
    assert str(squat[6]).startswith("2026-11-02 18:05:00")  # when the stretch was done
    assert squat[7] == "left knee fine"
    assert bench[3:8] == (1, None, "pending", None, "")

    assert [s[2:10] for s in sets] == [
        (0, "left", 20.0, 8, None, 8.5, None, "working"),
        (1, "right", 20.0, 9, None, None, 2.0, "working"),
        (0, "both", 40.0, 10, None, None, None, "warm-up"),
    ]
    assert [s[1] for s in sets] == [squat[0], squat[0], bench[0]]
    assert all(str(s[10]).startswith("2026-11-02 18:0") for s in sets)


def test_undo_after_the_routine_day_was_deleted_keeps_the_session_without_its_day(
    store: Store, clock: FakeClock, profile: Profile, db_path: Path
) -> None:
    session_id = _logged_session(store, clock, profile, db_path)
    deleted = workout.delete_session(store, session_id)
    assert deleted.stored.routine_day_id is not None
    routines.delete_day(store, deleted.stored.routine_day_id)

    workout.restore_session(store, deleted.stored)
    [session], exercises, sets = _rows(db_path)
    assert session[0] == session_id and session[2] is None and session[7] == "strong:legs-1"
    assert (len(exercises), len(sets)) == (2, 3)
