"""The shipped library: enough exercises of each kind, a stretch for every muscle group."""

from __future__ import annotations

from collections import Counter

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.library import (
    ExerciseSpec,
    Laterality,
    LoadBasis,
    stretches_for,
    validate_exercise_spec,
)
from evenside.domain.muscles import MuscleGroup
from evenside.interchange.library_file import read_library
from evenside.resources_locator import resource

LIBRARY = read_library(resource("library"))


def test_library_size_and_kinds() -> None:
    kinds = Counter(e.laterality for e in LIBRARY.exercises)
    assert len(LIBRARY.exercises) >= 60
    assert kinds[Laterality.UNILATERAL] >= 40
    assert kinds[Laterality.CONTRALATERAL] >= 4
    names = {e.name for e in LIBRARY.exercises}
    assert {"Bird dog", "Dead bug", "Bench press", "Back squat", "Deadlift"} <= names
    assert len(names) == len(LIBRARY.exercises)
    assert len({e.key for e in LIBRARY.exercises}) == len(LIBRARY.exercises)


@pytest.mark.parametrize("group", list(MuscleGroup))
def test_every_muscle_group_has_a_stretch(group: MuscleGroup) -> None:
    assert any(group in s.muscles for s in LIBRARY.stretches)


def test_calf_stretch_keeps_the_foot_flat_against_a_wall() -> None:
    calf = [s for s in LIBRARY.stretches if MuscleGroup.CALVES in s.muscles]
    assert any("wall" in s.cue and "flat" in s.cue for s in calf)


def test_one_leg_stretch_pulls_the_toes_back_with_the_opposite_hand() -> None:
    cues = [s.cue for s in LIBRARY.stretches if s.one_sided and MuscleGroup.HAMSTRINGS in s.muscles]
    assert any("opposite hand" in cue and "pull the toes back" in cue for cue in cues)


def test_stretch_holds_follow_acsm() -> None:
    for stretch in LIBRARY.stretches:
        assert 10 <= stretch.hold_seconds <= 60, stretch.name


def test_stretches_prefer_the_one_that_leads_with_the_muscle() -> None:
    chosen = stretches_for((MuscleGroup.QUADS, MuscleGroup.GLUTES), (), LIBRARY.stretches)
    assert [s.name for s in chosen] == ["Standing quad stretch", "Lying figure-4 stretch"]


def _spec(**changes: object) -> ExerciseSpec:
    base: dict[str, object] = {
        "name": "  Landmine   row ",
        "laterality": Laterality.UNILATERAL,
        "load_basis": LoadBasis.TOTAL,
        "primary": (MuscleGroup.UPPER_BACK,),
    }
    base.update(changes)
    return ExerciseSpec(**base)  # type: ignore[arg-type]


def test_custom_exercise_name_is_tidied() -> None:
    assert validate_exercise_spec(_spec(), set()).name == "Landmine row"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 81}, "name"),
        ({"name": "split SQUAT"}, "name"),
        ({"primary": ()}, "primary"),
        ({"secondary": (MuscleGroup.UPPER_BACK,)}, "secondary"),
    ],
)
def test_custom_exercise_refusals(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_exercise_spec(_spec(**changes), {"Split squat"})
    assert info.value.field == field
