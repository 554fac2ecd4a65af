"""Progress lists the exercises the profile has logged working sets of: not an exercise
with warm-ups alone, not another profile's."""

from __future__ import annotations

import pytest

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, progress, workout
from evenside.services.store import Store

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL


def _log(store: Store, profile: Profile, name: str, kind: SetKind) -> None:
    exercise = next(e.id for e in library.all_exercises(store) if e.name == name)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, exercise)
    workout.log_set(store, se_id, SetRecord(Side.BOTH, 60.0, 5, kind=kind))
    workout.finish_session(store, session.id)


def test_only_exercises_with_working_sets_of_this_profile(store: Store, profile: Profile) -> None:
    _log(store, profile, "Back squat", SetKind.WORKING)
    _log(store, profile, "Bench press", SetKind.WARM_UP)  # warm-ups alone: not listed
    other = profiles.create_profile(store, "Sam", Side.LEFT, Unit.KG)
    _log(store, other, "Deadlift", SetKind.WORKING)
    names = [e.name for e in progress.exercises_with_history(store, profile.id)]
    assert names == ["Back squat"]
    assert [e.name for e in progress.exercises_with_history(store, other.id)] == ["Deadlift"]
