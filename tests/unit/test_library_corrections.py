"""The shipped library's corrections, checked against the data itself."""

from __future__ import annotations

import re

import pytest

from evenside.domain.entry import SetInput, parse_set
from evenside.domain.library import (
    ExerciseSpec,
    Laterality,
    LoadBasis,
    reps_or_time,
    stretches_for,
)
from evenside.domain.muscles import MuscleGroup
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.library_file import read_library
from evenside.resources_locator import resource

LIBRARY = read_library(resource("library"))
BY_NAME = {e.name: e for e in LIBRARY.exercises}
STRETCHES = {s.name: s for s in LIBRARY.stretches}


def _linked(spec: ExerciseSpec) -> list[str]:
    return [
        s.name
        for s in stretches_for(spec.primary, spec.secondary, LIBRARY.stretches, spec.stretch_keys)
    ]


@pytest.mark.parametrize(
    "name",
    ["Suitcase carry", "One-arm overhead carry", "Farmer's carry", "Plank", "Side plank"],
)
def test_carries_and_holds_are_timed(name: str) -> None:
    assert BY_NAME[name].load_basis is LoadBasis.TIME


def test_every_carry_and_plank_is_timed() -> None:
    timed_words = ("carry", "plank", "hold")
    movements = [e for e in LIBRARY.exercises if any(w in e.name.lower() for w in timed_words)]
    assert len(movements) >= 6
    for exercise in movements:
        if exercise.name == "Side plank hip abduction":  # leg lifts in a side plank: reps
            continue
        assert exercise.load_basis is LoadBasis.TIME, exercise.name


def test_dumbbell_pullover_is_one_dumbbell_in_total() -> None:
    pullover = BY_NAME["Dumbbell pullover"]
    assert pullover.load_basis is LoadBasis.TOTAL
    assert "one dumbbell" in pullover.equipment


def test_every_per_hand_exercise_has_one_implement_per_hand() -> None:
    for exercise in LIBRARY.exercises:
        if exercise.load_basis is not LoadBasis.PER_HAND:
            continue
        kit = exercise.equipment.lower()
        if exercise.laterality is Laterality.BILATERAL:
            # Both hands loaded: two dumbbells or kettlebells, or a cable per hand.
            assert any(w in kit for w in ("dumbbells", "kettlebells", "cables")), exercise.name
        else:
            assert any(w in kit for w in ("dumbbell", "kettlebell", "cable")), exercise.name


def test_bear_crawl_is_whole_body_not_per_side() -> None:
    assert BY_NAME["Bear crawl"].laterality is Laterality.BILATERAL


def _parse(spec: ExerciseSpec, entry: SetInput) -> tuple[int | None, int | None]:
    record = parse_set(
        entry,
        side=Side.LEFT,
        kind=SetKind.WORKING,
        unit=Unit.KG,
        load_basis=spec.load_basis,
        reps_or_time=reps_or_time(spec.laterality, spec.load_basis),
    )
    return record.reps, record.duration_seconds


def test_every_contralateral_exercise_takes_reps_or_a_time() -> None:
    contralateral = [e for e in LIBRARY.exercises if e.laterality is Laterality.CONTRALATERAL]
    assert {"Bird dog", "Dead bug"} <= {e.name for e in contralateral}
    for spec in contralateral:
        assert _parse(spec, SetInput(weight="10", reps="8")) == (8, None), spec.name
        assert _parse(spec, SetInput(weight="10", duration="0:40")) == (None, 40), spec.name


def test_the_suitcase_and_overhead_carries_credit_the_opposite_obliques() -> None:
    for name in ("Suitcase carry", "One-arm overhead carry"):
        assert BY_NAME[name].opposite_side == (MuscleGroup.OBLIQUES,), name
    # A side plank is held up by the obliques of the side that is down.
    assert BY_NAME["Side plank"].opposite_side == ()


@pytest.mark.parametrize("group", list(MuscleGroup))
def test_every_muscle_group_has_a_one_sided_option(group: MuscleGroup) -> None:
    assert any(e.laterality.per_side and group in e.primary for e in LIBRARY.exercises)


def test_one_sided_lower_back_and_upper_body_led_contralateral_options() -> None:
    assert BY_NAME["Single-leg back extension"].laterality is Laterality.UNILATERAL
    assert MuscleGroup.LOWER_BACK in BY_NAME["Single-leg back extension"].primary
    upper_body_led = [
        e
        for e in LIBRARY.exercises
        if e.laterality is Laterality.CONTRALATERAL
        and e.primary[0] in (MuscleGroup.UPPER_BACK, MuscleGroup.LATS, MuscleGroup.CHEST)
    ]
    assert "Split-stance contralateral dumbbell row" in {e.name for e in upper_body_led}


def test_every_stretch_follows_at_least_one_exercise() -> None:
    linked = {name for spec in LIBRARY.exercises for name in _linked(spec)}
    assert linked == set(STRETCHES)


@pytest.mark.parametrize("spec", LIBRARY.exercises, ids=lambda e: e.key)
def test_the_stretches_cover_every_primary_group(spec: ExerciseSpec) -> None:
    stretched = {m for name in _linked(spec) for m in STRETCHES[name].muscles}
    for group in spec.primary:
        assert group in stretched, f"{spec.name}: {group} not stretched"


@pytest.mark.parametrize(
    "name",
    [
        "Deadlift",
        "Romanian deadlift",
        "Good morning",
        "Back extension",
        "Single-leg back extension",
        "Single-leg Romanian deadlift",
        "Contralateral single-leg Romanian deadlift",
    ],
)
def test_hinges_end_with_a_lower_back_stretch(name: str) -> None:
    assert any(MuscleGroup.LOWER_BACK in STRETCHES[s].muscles for s in _linked(BY_NAME[name]))


def test_the_deadlift_stretches_hamstrings_glutes_and_lower_back() -> None:
    assert _linked(BY_NAME["Deadlift"]) == [
        "Lying strap hamstring stretch",
        "Lying figure-4 stretch",
        "Child's pose",
    ]


def test_calf_stretches_keep_the_sole_flat_against_a_wall_knee_straight_then_bent() -> None:
    calf = [s for s in LIBRARY.stretches if s.muscles[0] is MuscleGroup.CALVES]
    assert len(calf) >= 2
    for stretch in calf:
        cue = stretch.cue.lower()
        assert re.search(r"soles? (of that foot )?flat against (a|the) wall", cue), stretch.name
        assert re.search(r"knees? straight.*knees? slightly bent", cue), stretch.name


def test_every_one_leg_stretch_pulls_the_toes_back_with_the_opposite_hand() -> None:
    # One-leg stretches of the back of the leg, where pulling the toes back adds the stretch.
    one_leg = [
        s
        for s in LIBRARY.stretches
        if s.one_sided and {MuscleGroup.HAMSTRINGS, MuscleGroup.CALVES} & set(s.muscles)
    ]
    assert {s.name for s in one_leg} == {
        "Lying strap hamstring stretch",
        "Heel-on-step hamstring hinge",
        "Wall calf stretch, knee straight then bent",
    }
    for stretch in one_leg:
        assert "opposite hand" in stretch.cue and "pull the toes back" in stretch.cue, stretch.name
