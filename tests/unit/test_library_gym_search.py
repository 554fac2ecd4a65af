"""The add box and the Library search over the shipped library, in gym words: equipment
shorthand is read against what the exercise is done with (Bench press is a barbell lift),
and the library's other names (military press, SLDL) count as names."""

from __future__ import annotations

import pytest

from evenside.domain.library import ExerciseSpec, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup
from evenside.services import library
from evenside.services.store import Store


def _found(store: Store, query: str) -> list[str]:
    return [e.name for e in library.search(library.all_exercises(store), query)]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("bb bench", "Bench press"),
        ("barbell bench", "Bench press"),
        ("bb squat", "Back squat"),
        ("bb rdl", "Romanian deadlift"),
        ("bb ohp", "Overhead press"),
        ("sldl", "Romanian deadlift"),
        ("stiff leg deadlift", "Romanian deadlift"),
        ("military press", "Overhead press"),
        ("unilateral press", "One-arm overhead press"),
        ("kb carry", "Suitcase carry"),
        ("farmers walk", "Farmer's carry"),
        ("rfess", "Bulgarian split squat"),
        # What already worked keeps working.
        ("db row", "One-arm dumbbell row"),
        ("sl rdl", "Single-leg Romanian deadlift"),
        ("ohp", "Overhead press"),
        ("bss", "Bulgarian split squat"),
        ("bulgrian", "Bulgarian split squat"),
    ],
)
def test_gym_words_find_the_library_exercise_first(store: Store, query: str, first: str) -> None:
    assert _found(store, query)[0] == first


def test_equipment_shorthand_keeps_other_equipment_out(store: Store) -> None:
    # Bench press is done with a barbell; the one-arm bench press with a dumbbell.
    assert "One-arm dumbbell bench press" not in _found(store, "bb bench")
    assert "One-arm overhead press" not in _found(store, "bb ohp")  # dumbbell
    assert "Front squat" in _found(store, "bb squat")  # barbell too, after Back squat
    assert "Bulgarian split squat" not in _found(store, "bb squat")  # dumbbells


def test_equipment_alone_is_not_a_name(store: Store) -> None:
    """A word found only in the equipment does not list every lift done with it: "bench"
    finds the presses named after it, not the split squat done with a foot on a bench."""
    found = _found(store, "bench")
    assert found[:2] == ["Bench press", "One-arm dumbbell bench press"]
    assert "Bulgarian split squat" not in found


def test_kb_swing_is_not_in_the_library_until_made_custom(store: Store) -> None:
    # No kettlebell swing ships: the add box offers to create it ("No match: create ...").
    assert _found(store, "kb swing") == []
    library.add_custom_exercise(
        store,
        ExerciseSpec(
            "Kettlebell swing",
            Laterality.BILATERAL,
            LoadBasis.TOTAL,
            (MuscleGroup("glutes"), MuscleGroup("hamstrings")),
            equipment="kettlebell",
        ),
    )
    assert _found(store, "kb swing") == ["Kettlebell swing"]
