"""The balance checker's building blocks: the steps a fix is made of, a finding, where a fix
may place a new exercise, and the contralateral and weak-side rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from evenside.domain.library import Exercise, Laterality
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import Routine
from evenside.domain.volume import (
    day_type,
    default_rest,
    default_targets,
    fits_day,
    weak_side_extra_sets,
)

ANTI_ROTATION = ("Pallof press", "Suitcase carry", "Bird dog", "Dead bug", "Side plank")
CONTRALATERAL_DEFAULT = "Bird dog"


@dataclass(frozen=True)
class AddSets:
    item_id: int
    sets: int


@dataclass(frozen=True)
class AddExercise:
    day_id: int
    exercise_id: int
    target_sets: int = 3
    rep_low: int = 8  # seconds for holds and carries
    rep_high: int = 12
    rest_seconds: int | None = None


@dataclass(frozen=True)
class AddWeakSideSet:
    item_id: int
    sets: int = 1


Step = AddSets | AddExercise | AddWeakSideSet
Fix = tuple[Step, ...]  # applied in order, in one click
MAX_SETS_PER_EXERCISE = 5


@dataclass(frozen=True)
class Finding:
    kind: str  # "opposing", "single-angle", "no-unilateral", "no-contralateral", "weak-side"
    message: str
    fix: Fix | None
    fix_text: str
    subject: str = ""  # what it is about (a pair, a group, an item): the same across fixes

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject or self.message}"


def place(
    routine: Routine,
    library: Mapping[int, Exercise],
    options: list[Exercise],
    sets: int,
) -> tuple[AddExercise, str] | None:
    """The first option with a day it fits and is not on yet: the day already training one
    of its groups, else the fitting day with the fewest items."""
    for exercise in options:
        days = [
            d
            for d in routine.days
            if fits_day(exercise, day_type(d.name))
            and all(i.exercise_id != exercise.id for i in d.items)
        ]
        if not days:
            continue
        trained = [
            d
            for d in days
            if any(set(library[i.exercise_id].primary) & set(exercise.primary) for i in d.items)
        ]
        day = (trained or [min(days, key=lambda d: (len(d.items), d.position))])[0]
        low, high = default_targets(exercise)
        step = AddExercise(day.id, exercise.id, sets, low, high, default_rest(exercise))
        return step, f"{exercise.name}, {sets} sets ({day.name})"
    return None


def contralateral(
    routine: Routine, library: Mapping[int, Exercise], used: set[int], allowed: set[int] | None
) -> list[Finding]:
    for _day, item in routine.items():
        exercise = library[item.exercise_id]
        if exercise.laterality is Laterality.CONTRALATERAL or exercise.name in ANTI_ROTATION:
            return []
    message = "No contralateral or anti-rotation work (bird dog, dead bug, Pallof press, carries)"
    options = [
        e
        for e in library.values()
        if (e.laterality is Laterality.CONTRALATERAL or e.name in ANTI_ROTATION)
        and (allowed is None or e.id in allowed)
    ]
    options.sort(key=lambda e: (e.name != CONTRALATERAL_DEFAULT, e.name))
    if not options:
        return [Finding("no-contralateral", message, None, "Nothing fits the equipment")]
    for choice in options:
        for day in sorted(routine.days, key=lambda d: -d.position):
            if fits_day(choice, day_type(day.name)):
                low, high = default_targets(choice)
                step = AddExercise(day.id, choice.id, 2, low, high, default_rest(choice))
                return [
                    Finding("no-contralateral", message, (step,), f"Add {choice.name} ({day.name})")
                ]
    return [Finding("no-contralateral", message, None, "No day of the right type can take it")]


def weak_side_extra(
    routine: Routine,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    *,
    notice: float,
    warning: float,
) -> list[Finding]:
    """Exercises asymmetric beyond noise whose weak side gets fewer extra sets than the
    weak-side plan asks for."""
    result = []
    for day, item in routine.items():
        exercise = library[item.exercise_id]
        gap = asymmetry.get(item.exercise_id)
        if not exercise.laterality.per_side or gap is None or gap.weaker is None:
            continue
        planned = weak_side_extra_sets(
            gap.percent, True, notice_percent=notice, warning_percent=warning
        )
        missing = planned - item.extra_weak_side_sets
        if missing <= 0:
            continue
        side = f"{gap.weaker.letter} side"
        have = "no extra work" if not item.extra_weak_side_sets else "too little extra work"
        message = (
            f"{exercise.name} ({day.name}) is {gap.percent:.0f} % asymmetric but the {side} "
            f"gets {have} (the plan: {planned} extra set{'s' if planned > 1 else ''})"
        )
        text = f"Add {missing} extra {side} set{'s' if missing > 1 else ''}"
        fix = (AddWeakSideSet(item.id, missing),)
        result.append(Finding("weak-side", message, fix, text, f"{day.id}:{exercise.id}"))
    return result
