"""Browsing the exercise library and adding custom exercises."""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.changes import Changes
from evenside.domain.errors import InvalidInput
from evenside.domain.library import (
    Exercise,
    ExerciseSpec,
    Laterality,
    Stretch,
    validate_exercise_spec,
)
from evenside.domain.muscles import MuscleGroup
from evenside.domain.search import exercise_score
from evenside.services.store import Store
from evenside.storage import library_repo


def all_exercises(store: Store, *, include_archived: bool = False) -> list[Exercise]:
    with store.transaction() as tx:
        return library_repo.list_exercises(tx, include_archived=include_archived)


def search(
    exercises: list[Exercise],
    query: str = "",
    *,
    muscle: MuscleGroup | None = None,
    laterality: Laterality | None = None,
) -> list[Exercise]:
    """Filter and rank already-loaded exercises (the library is small; this runs per keystroke)."""
    scored = []
    for index, exercise in enumerate(exercises):
        if muscle is not None and muscle not in exercise.muscles:
            continue
        if laterality is not None and exercise.laterality is not laterality:
            continue
        score = exercise_score(
            query,
            exercise.name,
            exercise.aliases,
            (exercise.equipment, exercise.laterality.value),
        )
        if score > 0:
            scored.append((-score, index, exercise))
    if query.strip():
        scored.sort(key=lambda item: (item[0], item[1]))
    return [exercise for _, _, exercise in scored]


LIBRARY_CHANGED = Changes(library=True)


@dataclass(frozen=True)
class ExerciseCreated:
    exercise: Exercise
    changes: Changes


def add_custom_exercise(store: Store, spec: ExerciseSpec) -> ExerciseCreated:
    """Validate and store a user's exercise; it is linked to stretches for its muscles."""
    with store.transaction() as tx:
        clean = validate_exercise_spec(spec, library_repo.exercise_names(tx))
        created = library_repo.add_custom_exercise(tx, clean)
    return ExerciseCreated(created, LIBRARY_CHANGED)


def get_exercise(store: Store, exercise_id: int) -> Exercise:
    with store.transaction() as tx:
        return library_repo.get_exercise(tx, exercise_id)


def set_rest(store: Store, exercise_id: int, seconds: int | None) -> Changes:
    """This exercise's rest between sets; ``None`` goes back to the profile's default."""
    if seconds is not None and not 0 <= seconds <= 3600:
        raise InvalidInput("Rest must be 0 to 3600 s.", "rest")
    with store.transaction() as tx:
        library_repo.set_rest(tx, exercise_id, seconds)
    return LIBRARY_CHANGED


def all_stretches(store: Store) -> list[Stretch]:
    with store.transaction() as tx:
        return library_repo.list_stretches(tx)
