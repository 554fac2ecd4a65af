"""The routine generator's constraints, checked from the rules as a coach states them: each
day within its time, each muscle group within its weekly set range (or a reason), no
exercise twice in a day, the asymmetric exercises in with their weak-side sets, lower-body
work off upper-body days, holds and carries in seconds, and the checker's findings fixed or
explained."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.fakes import FakeClock

from evenside.domain.balance_check import check_routine
from evenside.domain.generator import EQUIPMENT_PRESETS, GeneratorChoice, GeneratorRules, generate
from evenside.domain.library import Exercise, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup as M
from evenside.domain.profile import Profile
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import Routine, weekly_sets
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import library, routines, workout
from evenside.services.store import Store, open_store

# The ranges as stated in the issue and the module's sources (Schoenfeld et al. 2017: 10-20
# sets for large groups; Israetel: at least 6 for calves and side delts).
RANGES = {
    M.QUADS: (10, 20), M.HAMSTRINGS: (10, 20), M.GLUTES: (10, 20), M.CHEST: (10, 20),
    M.UPPER_BACK: (10, 20), M.LATS: (10, 20), M.SIDE_DELTS: (6, 16), M.CALVES: (6, 16),
    M.REAR_DELTS: (6, 16), M.BICEPS: (6, 16), M.TRICEPS: (6, 16), M.FRONT_DELTS: (0, 12),
    M.ABS: (4, 16), M.OBLIQUES: (4, 16), M.LOWER_BACK: (4, 12), M.ADDUCTORS: (4, 12),
    M.ABDUCTORS: (4, 12), M.EXTERNAL_ROTATORS: (2, 10), M.INTERNAL_ROTATORS: (0, 10),
}  # fmt: skip
LOWER_BODY = {M.QUADS, M.HAMSTRINGS, M.GLUTES, M.ADDUCTORS, M.ABDUCTORS, M.CALVES}
CORE = {M.ABS, M.OBLIQUES, M.LOWER_BACK}
REST_BETWEEN_SIDES = 15


@pytest.fixture(scope="module")
def exercises(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Exercise]:
    path = Path(tmp_path_factory.mktemp("library")) / "library.sqlite3"
    store = open_store(path)
    try:
        return {e.id: e for e in library.all_exercises(store, include_archived=True)}
    finally:
        store.close()


def _seconds(exercise: Exercise, sets: int, extra: int, top: int, rest: int) -> int:
    """The time an exercise takes, by the stated assumptions: 4 s a rep (holds and carries
    by their seconds), both sides with 15 s between them, the rest after each set, 60 s to
    set up, each stretch held per side."""
    timed = exercise.load_basis is LoadBasis.TIME or "carry" in exercise.name.lower()
    work = top if timed else top * 4
    if exercise.laterality is Laterality.BILATERAL:
        per_set = work + rest
    else:
        per_set = work + REST_BETWEEN_SIDES + work + rest
    stretch = sum(s.hold_seconds * (2 if s.one_sided else 1) for s in exercise.stretches)
    return sets * per_set + extra * (work + rest) + 60 + stretch


def _rules() -> GeneratorRules:
    return GeneratorRules(10.0, 15.0, REST_BETWEEN_SIDES)


@pytest.mark.parametrize("equipment", ["full", "dumbbells", "bodyweight"])
@pytest.mark.parametrize("minutes", [30, 45, 60, 90])
@pytest.mark.parametrize("days", [2, 3, 4, 5, 6])
def test_generated_routine_keeps_to_its_constraints(
    exercises: dict[int, Exercise], days: int, minutes: int, equipment: str
) -> None:
    made = generate(
        GeneratorChoice(days, minutes, EQUIPMENT_PRESETS[equipment]), exercises, {}, _rules()
    )
    routine = made.routine
    assert len(routine.days) == days
    for day in routine.days:
        used = sum(
            _seconds(
                exercises[i.exercise_id],
                i.target_sets,
                i.extra_weak_side_sets,
                i.rep_high,
                i.rest_seconds if i.rest_seconds is not None else 90,
            )
            for i in day.items
        )
        assert used <= minutes * 60, f"{day.name} takes {used} s"
        ids = [i.exercise_id for i in day.items]
        assert len(ids) == len(set(ids)), f"{day.name} has an exercise twice"
        if day.name.startswith("Upper"):
            for i in day.items:
                lead = exercises[i.exercise_id].primary
                assert lead[0] in CORE or not set(lead) & LOWER_BODY, exercises[i.exercise_id].name
        for i in day.items:
            exercise = exercises[i.exercise_id]
            if exercise.load_basis is LoadBasis.TIME or "carry" in exercise.name.lower():
                assert i.rep_low >= 20, f"{exercise.name} target is {i.rep_low} (seconds?)"
    _every_group_in_range_or_explained(routine, exercises, made.reasons)
    _findings_fixed_or_explained(routine, exercises, made.reasons, equipment)


def _every_group_in_range_or_explained(
    routine: Routine, exercises: dict[int, Exercise], reasons: tuple[str, ...]
) -> None:
    sets = weekly_sets(routine, exercises)
    for muscle, (low, high) in RANGES.items():
        have = sets.get(muscle, 0.0)
        if not low <= have <= high:
            assert any(r.startswith(f"{muscle.label}: {have:g} sets a week") for r in reasons), (
                f"{muscle.value} at {have} with no reason"
            )


def _findings_fixed_or_explained(
    routine: Routine, exercises: dict[int, Exercise], reasons: tuple[str, ...], equipment: str
) -> None:
    findings = check_routine(routine, exercises, {}, notice_percent=10.0, warning_percent=15.0)
    for finding in findings:
        assert any(r.startswith(finding.message) for r in reasons), finding.message


def test_a_long_full_gym_week_meets_every_range(exercises: dict[int, Exercise]) -> None:
    """Six 90-minute days with a full gym: no reason for any muscle group to fall short."""
    made = generate(GeneratorChoice(6, 90, EQUIPMENT_PRESETS["full"]), exercises, {}, _rules())
    sets = weekly_sets(made.routine, exercises)
    short = [m.value for m, (low, high) in RANGES.items() if not low <= sets.get(m, 0) <= high]
    assert short == []


def test_equipment_missing_is_the_stated_reason(exercises: dict[int, Exercise]) -> None:
    by_name = {e.name: e.id for e in exercises.values()}
    gap = {by_name["Single-leg leg press"]: CurrentAsymmetry(20.0, Side.LEFT, False)}
    made = generate(
        GeneratorChoice(4, 60, EQUIPMENT_PRESETS["bodyweight"]), exercises, gap, _rules()
    )
    assert (
        "Single-leg leg press (20 % gap, L weaker) is left out: it needs machines, which is "
        "not at hand." in made.reasons
    )


def _log(
    store: Store, clock: FakeClock, exercise_id: int, left: SetRecord, right: SetRecord
) -> None:
    started = workout.start_session(store, _profile_id(store))
    se_id = workout.add_exercise(store, started.session.id, exercise_id)
    workout.log_set(store, se_id, left)
    workout.log_set(store, se_id, right)
    workout.finish_session(store, started.session.id)
    clock.advance(days=3)


def _profile_id(store: Store) -> int:
    from evenside.services import profiles

    current = profiles.current_profile(store)
    assert current is not None
    return current.id


def test_asymmetric_history_puts_those_exercises_in_with_weak_side_sets(
    store: Store, profile: Profile, clock: FakeClock
) -> None:
    """Side plank held 25 s on the left against 45 s on the right in four sessions: the left
    is 44 % weaker, past the warning threshold (15 %): two extra left sets. The one-arm row
    at 25 kg left and 22 kg right for 8 reps at RPE 9: the right is 12 % weaker, past the
    notice threshold (10 %) only: one extra right set."""
    ids = {e.name: e.id for e in library.all_exercises(store)}
    clock.moment = datetime(2026, 10, 1, 18, 0) - timedelta(days=0)
    for _session in range(4):
        _log(
            store,
            clock,
            ids["Side plank"],
            SetRecord(Side.LEFT, None, None, duration_seconds=25),
            SetRecord(Side.RIGHT, None, None, duration_seconds=45),
        )
        _log(
            store,
            clock,
            ids["One-arm dumbbell row"],
            SetRecord(Side.LEFT, 25.0, 8, rpe=9.0),
            SetRecord(Side.RIGHT, 22.0, 8, rpe=9.0),
        )
    made = routines.generate_and_save(
        store, profile.id, "Four days", GeneratorChoice(4, 60, EQUIPMENT_PRESETS["full"])
    )
    routine = routines.get_routine(store, made.routine_id)
    extra = {
        i.exercise_id: i.extra_weak_side_sets
        for _d, i in routine.items()
        if i.exercise_id in (ids["Side plank"], ids["One-arm dumbbell row"])
    }
    assert extra == {ids["Side plank"]: 2, ids["One-arm dumbbell row"]: 1}
    plank = next(i for _d, i in routine.items() if i.exercise_id == ids["Side plank"])
    assert (plank.rep_low, plank.rep_high) == (30, 45)  # seconds held
