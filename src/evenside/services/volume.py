"""The volume rule as the session applies it: which side is weak in an exercise (the
measurement verdict beyond noise, else the non-dominant side), how much each side has done,
and whether a set would take the strong side past the weak side."""

from __future__ import annotations

from collections.abc import Sequence

from evenside.domain.library import Exercise
from evenside.domain.profile import Settings
from evenside.domain.sides import Side
from evenside.domain.training import SessionExercise, SetRecord, WorkoutSession
from evenside.domain.units import Unit
from evenside.domain.volume_rule import VolumeMatch, VolumeRefused, over_volume, volume_match
from evenside.services import verdicts
from evenside.services.store import Store


def body_load(exercise: Exercise, settings: Settings) -> float | None:
    """The part of body mass a bodyweight exercise moves, when the body mass is known."""
    basis = verdicts.score_basis(exercise, settings)
    return None if basis.body_mass_kg is None else basis.body_mass_kg * basis.share


def weak_side_in_session(store: Store, current: WorkoutSession, exercise_id: int) -> Side:
    """The side the rule protects: the weaker side when the verdict from earlier sessions
    finds one beyond noise, else the non-dominant side (the side the session starts with)."""
    judged = verdicts.exercise_verdict(
        store,
        current.profile_id,
        exercise_id,
        before=current.started_at,
        exclude_session_id=current.id,
        verdict_only=True,
    )
    return judged.verdict.start


def _records(exercise: SessionExercise) -> list[SetRecord]:
    return [s.record for s in exercise.sets]


def match_for(
    exercise: SessionExercise, lib: Exercise, settings: Settings, weak: Side
) -> VolumeMatch:
    """Each side's volume so far in this exercise of the session."""
    return volume_match(
        _records(exercise), lib.load_basis, weak, body_load=body_load(lib, settings)
    )


def refusal(
    logged: Sequence[SetRecord],
    record: SetRecord,
    lib: Exercise,
    settings: Settings,
    weak: Side,
    *,
    unit: Unit = Unit.KG,
) -> VolumeRefused | None:
    """The refusal for ``record`` when it would take the strong side past the weak side
    (its words in the profile's ``unit``)."""
    if not lib.laterality.per_side:
        return None
    return over_volume(
        logged, record, lib.load_basis, weak, body_load=body_load(lib, settings), unit=unit
    )
