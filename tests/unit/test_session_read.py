"""The session summary reads its session through a plain cursor: the session it gets is
the one the ORM read gives, every field of every set included."""

from __future__ import annotations

from datetime import datetime

import pytest

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord, StretchStatus
from evenside.services import library, supersets, workout
from evenside.services.store import Store
from evenside.storage import session_read, session_repo

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def test_the_plain_read_gives_the_session_the_orm_read_gives(
    store: Store, profile: Profile
) -> None:
    session = workout.start_session(store, profile.id, "Legs")
    squat = workout.add_exercise(store, session.id, _exercise(store, "Back squat"))
    row = workout.add_exercise(store, session.id, _exercise(store, "One-arm dumbbell row"))
    workout.log_set(store, squat, SetRecord(Side.BOTH, 60.0, 5, kind=SetKind.WARM_UP))
    workout.log_set(store, squat, SetRecord(Side.BOTH, 100.0, 5, rpe=8.5, notes="belt"))
    workout.log_set(store, row, SetRecord(Side.LEFT, 30.0, 8, rir=2.0))
    workout.log_set(store, row, SetRecord(Side.RIGHT, 32.5, 8, kind=SetKind.FAILURE))
    workout.set_exercise_notes(store, row, "elbow in")
    workout.record_stretch(store, row, StretchStatus.DONE)
    supersets.group(store, [squat, row])
    workout.finish_session(store, session.id)
    with store.transaction() as tx:
        plain = session_read.read_session(tx, session.id)
        orm = session_repo.get_session(tx, session.id)
    assert plain == orm
    assert plain.name == "Legs" and isinstance(plain.ended_at, datetime)
    squat_read, row_read = plain.exercises
    assert [(s.record.weight_kg, s.record.kind) for s in squat_read.sets] == [
        (60.0, SetKind.WARM_UP),
        (100.0, SetKind.WORKING),
    ]
    assert squat_read.sets[1].record.rpe == 8.5 and squat_read.sets[1].record.notes == "belt"
    assert (row_read.notes, row_read.stretch_status) == ("elbow in", StretchStatus.DONE)
    assert squat_read.superset_group is not None  # done back to back: one group
    assert row_read.superset_group == squat_read.superset_group
    assert [(s.side, s.record.rir) for s in row_read.sets] == [(Side.LEFT, 2.0), (Side.RIGHT, None)]
