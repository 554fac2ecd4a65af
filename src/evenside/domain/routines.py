"""Routines: days of exercises with targets, and how many sets each muscle gets a week."""

from __future__ import annotations

from dataclasses import dataclass, field

from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise
from evenside.domain.muscles import MuscleGroup

SECONDARY_SHARE = 0.5


@dataclass(frozen=True)
class RoutineItem:
    id: int
    exercise_id: int
    position: int
    target_sets: int = 3
    rep_low: int = 8
    rep_high: int = 12
    rest_seconds: int | None = None
    extra_weak_side_sets: int = 0
    notes: str = ""

    def target_text(self, default_rest: int) -> str:
        """ "3 x 8-10, 90 s rest" (one rep count shows once)."""
        reps = (
            f"{self.rep_low}"
            if self.rep_low == self.rep_high
            else f"{self.rep_low}-{self.rep_high}"
        )
        rest = self.rest_seconds if self.rest_seconds is not None else default_rest
        text = f"{self.target_sets} x {reps}, {rest} s rest"
        if self.extra_weak_side_sets:
            extra = self.extra_weak_side_sets
            text += f" + {extra} extra weak-side set" + ("s" if extra > 1 else "")
        return text


@dataclass(frozen=True)
class RoutineDay:
    id: int
    position: int
    name: str
    items: tuple[RoutineItem, ...] = ()


@dataclass(frozen=True)
class Routine:
    id: int
    profile_id: int
    name: str
    notes: str = ""
    days: tuple[RoutineDay, ...] = field(default=())

    def day(self, day_id: int) -> RoutineDay:
        return next(d for d in self.days if d.id == day_id)

    def items(self) -> list[tuple[RoutineDay, RoutineItem]]:
        return [(day, item) for day in self.days for item in day.items]


def weekly_sets(routine: Routine, exercises: dict[int, Exercise]) -> dict[MuscleGroup, float]:
    """Working sets a week per muscle group if the routine is done once a week.

    A left/right pair of sets counts as one set; a secondary muscle counts half.
    """
    sets: dict[MuscleGroup, float] = {}
    for _day, item in routine.items():
        exercise = exercises[item.exercise_id]
        for muscle in exercise.primary:
            sets[muscle] = sets.get(muscle, 0.0) + item.target_sets
        for muscle in exercise.secondary:
            sets[muscle] = sets.get(muscle, 0.0) + item.target_sets * SECONDARY_SHARE
    return sets


def validate_targets(
    target_sets: int, rep_low: int, rep_high: int, rest: int | None, extra: int
) -> None:
    if not 1 <= target_sets <= 20:
        raise InvalidInput("Target sets must be 1 to 20.", "sets")
    if not 1 <= rep_low <= rep_high <= 100:
        raise InvalidInput("Reps must be 1 to 100, the low end not above the high end.", "reps")
    if rest is not None and not 0 <= rest <= 3600:
        raise InvalidInput("Rest must be 0 to 3600 s.", "rest")
    if not 0 <= extra <= 5:
        raise InvalidInput("Extra weak-side sets must be 0 to 5.", "extra")


def validate_name(name: str, what: str = "routine") -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(f"Give the {what} a name.", "name")
    if len(cleaned) > 80:
        raise InvalidInput(f"A {what} name is at most 80 characters.", "name")
    return cleaned


EQUIPMENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "dumbbells": ("dumbbell", "kettlebell"),
    "barbell": ("barbell", "landmine"),
    "cable": ("cable", "band"),
    "machines": ("machine",),
    "pull-up bar": ("pull-up bar", "dip bars"),
    "bench or box": ("bench", "box", "step"),
}
EQUIPMENT = tuple(EQUIPMENT_KEYWORDS)


def equipment_needed(exercise: Exercise) -> set[str]:
    """Kinds of equipment an exercise needs ("dumbbell or kettlebell" needs dumbbells)."""
    text = exercise.equipment.lower()
    return {kind for kind, words in EQUIPMENT_KEYWORDS.items() if any(w in text for w in words)}
