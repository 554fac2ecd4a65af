"""Exercises and stretches as the rest of the program sees them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from evenside.domain.errors import InvalidInput
from evenside.domain.muscles import MuscleGroup
from evenside.domain.sides import Side


class Laterality(StrEnum):
    BILATERAL = "bilateral"
    UNILATERAL = "unilateral"
    CONTRALATERAL = "contralateral"  # right arm with left leg: bird dog, dead bug

    @property
    def per_side(self) -> bool:
        """Whether sets of this exercise are logged per side."""
        return self is not Laterality.BILATERAL


class LoadBasis(StrEnum):
    """What the weight field of a set means."""

    PER_HAND = "per hand"  # one dumbbell's weight
    PER_SIDE = "per side"  # the load on the working limb (cable stack, machine)
    TOTAL = "total"  # barbell and plates together
    BODYWEIGHT_PLUS = "bodyweight plus load"  # added load; 0 for bodyweight alone
    TIME = "time"  # holds and carries: duration is what is measured

    @property
    def timed(self) -> bool:
        return self is LoadBasis.TIME


def reps_or_time(laterality: Laterality, load_basis: LoadBasis) -> bool:
    """Whether a set may give reps or a time held instead: contralateral work (bird dog,
    dead bug) is done for reps or held, so either is accepted; timed work always takes a time.
    """
    return laterality is Laterality.CONTRALATERAL and not load_basis.timed


@dataclass(frozen=True)
class Stretch:
    id: int
    name: str
    muscles: tuple[MuscleGroup, ...]
    cue: str
    hold_seconds: int
    one_sided: bool


@dataclass(frozen=True)
class Exercise:
    id: int
    name: str
    laterality: Laterality
    load_basis: LoadBasis
    primary: tuple[MuscleGroup, ...]
    secondary: tuple[MuscleGroup, ...] = ()
    equipment: str = ""
    custom: bool = False
    archived: bool = False
    rest_seconds: int | None = None  # None: the profile's default rest between sets
    stretches: tuple[Stretch, ...] = field(default=(), compare=False)
    # Groups worked hardest on the side opposite the loaded one (a suitcase carry in the
    # left hand works the right obliques most).
    opposite_side: tuple[MuscleGroup, ...] = ()
    kind: str = "strength"  # or "cardio": history only, never strength statistics
    import_source: str | None = None  # the app whose import created this custom exercise
    # Other names gyms use ("military press", "sldl"); the search reads them as the name.
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def muscles(self) -> tuple[MuscleGroup, ...]:
        return self.primary + self.secondary

    @property
    def reps_or_time(self) -> bool:
        return reps_or_time(self.laterality, self.load_basis)

    def credited_side(self, muscle: MuscleGroup, side: Side) -> Side:
        """The side whose ``muscle`` a set on ``side`` counts for."""
        if muscle in self.opposite_side and side is not Side.BOTH:
            return side.opposite()
        return side


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise before it has a row: a library entry (with ``key``) or a user's custom one."""

    name: str
    laterality: Laterality
    load_basis: LoadBasis
    primary: tuple[MuscleGroup, ...]
    secondary: tuple[MuscleGroup, ...] = ()
    equipment: str = ""
    key: str | None = None
    # Stretches (by key) to link first, before those chosen for the muscles.
    stretch_keys: tuple[str, ...] = ()
    opposite_side: tuple[MuscleGroup, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class StretchSpec:
    key: str
    name: str
    muscles: tuple[MuscleGroup, ...]
    cue: str
    hold_seconds: int
    one_sided: bool


@dataclass(frozen=True)
class LibraryData:
    version: int
    exercises: tuple[ExerciseSpec, ...]
    stretches: tuple[StretchSpec, ...]


MAX_NAME_LENGTH = 80
MAX_EQUIPMENT_LENGTH = 60


def validate_exercise_spec(spec: ExerciseSpec, taken_names: set[str]) -> ExerciseSpec:
    """Check a custom exercise as typed; returns it with the name's spacing tidied."""
    name = " ".join(spec.name.split())
    if not name:
        raise InvalidInput("Give the exercise a name.", "name")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"An exercise name is at most {MAX_NAME_LENGTH} characters.", "name")
    if name.casefold() in {n.casefold() for n in taken_names}:
        raise InvalidInput(f'An exercise called "{name}" already exists.', "name")
    if not spec.primary:
        raise InvalidInput("Choose at least one primary muscle group.", "primary")
    if set(spec.primary) & set(spec.secondary):
        raise InvalidInput("A muscle group cannot be both primary and secondary.", "secondary")
    if len(spec.equipment) > MAX_EQUIPMENT_LENGTH:
        raise InvalidInput(f"Equipment is at most {MAX_EQUIPMENT_LENGTH} characters.", "equipment")
    return ExerciseSpec(
        name,
        spec.laterality,
        spec.load_basis,
        spec.primary,
        spec.secondary,
        spec.equipment.strip(),
        spec.key,
    )


def is_hinge(primary: tuple[MuscleGroup, ...], secondary: tuple[MuscleGroup, ...]) -> bool:
    """A hip hinge loads the lower back: deadlifts, good mornings, back extensions."""
    worked = primary + secondary
    return MuscleGroup.LOWER_BACK in primary or (
        MuscleGroup.HAMSTRINGS in primary and MuscleGroup.LOWER_BACK in worked
    )


def _best_for(muscle: MuscleGroup, stretches: tuple[StretchSpec, ...]) -> StretchSpec | None:
    leading = [s for s in stretches if s.muscles and s.muscles[0] is muscle]
    covering = [s for s in stretches if muscle in s.muscles]
    options = leading or covering
    return options[0] if options else None


def stretches_for(
    primary: tuple[MuscleGroup, ...],
    secondary: tuple[MuscleGroup, ...],
    stretches: tuple[StretchSpec, ...],
    preferred: tuple[str, ...] = (),
) -> list[StretchSpec]:
    """The stretches to do after an exercise: the ``preferred`` ones (by key), then one for
    each primary group not yet stretched, and the lower back after a hinge.

    For each group, the stretch that names it first is preferred over one that merely
    covers it, so a quad exercise gets the quad stretch rather than the hip-flexor one.
    With no primary group, the first secondary group that has a stretch gets one.
    """
    by_key = {s.key: s for s in stretches}
    chosen = [by_key[key] for key in preferred if key in by_key]
    wanted = list(primary)
    if is_hinge(primary, secondary):
        wanted.append(MuscleGroup.LOWER_BACK)
    if not wanted:
        wanted = list(secondary[:1])
    for muscle in wanted:
        if any(muscle in s.muscles for s in chosen):
            continue
        best = _best_for(muscle, stretches)
        if best is not None:
            chosen.append(best)
    return chosen
