"""The routine balance checker: each finding comes with a one-click fix.

Findings: opposing pairs with unequal weekly sets; a muscle group worked from a single
exercise; an asymmetric muscle group with no unilateral exercise; no contralateral or
anti-rotation work; an asymmetric unilateral exercise whose weak side gets no extra set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from evenside.domain.library import Exercise, Laterality
from evenside.domain.muscles import OPPOSING_PAIRS, MuscleGroup, OpposingPair
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import Routine, RoutineDay, weekly_sets

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


@dataclass(frozen=True)
class AddWeakSideSet:
    item_id: int


Step = AddSets | AddExercise | AddWeakSideSet
Fix = tuple[Step, ...]  # applied in order, in one click
MAX_SETS_PER_EXERCISE = 5


@dataclass(frozen=True)
class Finding:
    kind: str  # "opposing", "single-angle", "no-unilateral", "no-contralateral", "weak-side"
    message: str
    fix: Fix | None
    fix_text: str


def _candidates(
    library: Mapping[int, Exercise],
    muscle: MuscleGroup,
    exclude: set[int],
    allowed: set[int] | None = None,
) -> list[Exercise]:
    """Other exercises with ``muscle`` as a primary group, one-sided ones first."""
    pool = [
        e
        for e in library.values()
        if muscle in e.primary
        and e.id not in exclude
        and not e.archived
        and (allowed is None or e.id in allowed)
    ]
    return sorted(
        pool, key=lambda e: (e.laterality is Laterality.BILATERAL, len(e.primary), e.name)
    )


def _day_for(
    routine: Routine, library: Mapping[int, Exercise], muscles: tuple[MuscleGroup, ...]
) -> RoutineDay:
    """The day already training one of ``muscles``, else the day with the fewest items."""
    for day in routine.days:
        if any(set(library[i.exercise_id].muscles) & set(muscles) for i in day.items):
            return day
    return min(routine.days, key=lambda d: (len(d.items), d.position))


def check_routine(
    routine: Routine,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    *,
    notice_percent: float,
    warning_percent: float,
    allowed: set[int] | None = None,
    pairs: tuple[OpposingPair, ...] = OPPOSING_PAIRS,
) -> list[Finding]:
    """Findings for ``routine``. ``asymmetry`` maps exercise ids to their current gap;
    ``allowed`` limits the exercises a fix may add (equipment at hand)."""
    if not routine.days:
        return []
    findings: list[Finding] = []
    sets = weekly_sets(routine, dict(library))
    used = {item.exercise_id for _d, item in routine.items()}
    findings += _opposing(routine, library, sets, used=used, allowed=allowed, pairs=pairs)
    findings += _single_angle(routine, library, used, allowed)
    findings += _asymmetric_without_unilateral(
        routine, library, asymmetry, notice=notice_percent, used=used, allowed=allowed
    )
    findings += _contralateral(routine, library, used, allowed)
    findings += _weak_side_extra(routine, library, asymmetry, warning_percent)
    return findings


def _opposing(
    routine: Routine,
    library: Mapping[int, Exercise],
    sets: dict[MuscleGroup, float],
    *,
    used: set[int],
    allowed: set[int] | None,
    pairs: tuple[OpposingPair, ...],
) -> list[Finding]:
    result = []
    for pair in pairs:
        if pair.per_side:
            continue  # unilateral work in a routine is the same on both sides by design
        first, second = sets.get(pair.first, 0.0), sets.get(pair.second, 0.0)
        if first == 0 and second == 0:
            continue
        ratio = math.inf if second == 0 else first / second
        if pair.low <= ratio <= pair.high:
            continue
        lacking, have, other = (
            (pair.second, second, first) if ratio > pair.high else (pair.first, first, second)
        )
        # Sets the lacking group needs for the ratio to reach the nearest end of the range.
        needed = other / pair.high - have if ratio > pair.high else other * pair.low - have
        needed_sets = max(1, math.ceil(needed - 1e-9))
        message = (
            f"{pair.first.label} {first:g} vs {pair.second.value} {second:g} sets a week "
            f"(target ratio {pair.low:g}–{pair.high:g})"
        )
        result.append(
            _add_work(
                routine,
                library,
                lacking,
                needed_sets,
                used=used,
                allowed=allowed,
                kind="opposing",
                message=message,
            )
        )
    return result


def _add_work(
    routine: Routine,
    library: Mapping[int, Exercise],
    muscle: MuscleGroup,
    sets_needed: int,
    *,
    used: set[int],
    allowed: set[int] | None,
    kind: str,
    message: str,
) -> Finding:
    """Spread the needed sets over the group's exercises already in the routine (up to five
    sets each); whatever is left becomes a new exercise for the group."""
    steps: list[Step] = []
    words: list[str] = []
    remaining = sets_needed
    for _day, item in routine.items():
        if remaining <= 0:
            break
        if muscle not in library[item.exercise_id].primary:
            continue
        room = MAX_SETS_PER_EXERCISE - item.target_sets
        if room > 0:
            add = min(room, remaining)
            steps.append(AddSets(item.id, add))
            words.append(f"{add} set(s) of {library[item.exercise_id].name}")
            remaining -= add
    if remaining > 0:
        options = _candidates(library, muscle, used, allowed)
        if not options and not steps:
            return Finding(kind, message, None, "No exercise for this group fits the equipment")
        if options:
            day = _day_for(routine, library, (muscle,))
            sets = max(2, min(MAX_SETS_PER_EXERCISE, remaining))
            steps.append(AddExercise(day.id, options[0].id, sets))
            words.append(f"{options[0].name}, {sets} sets ({day.name})")
    return Finding(kind, message, tuple(steps), "Add " + " and ".join(words))


def _single_angle(
    routine: Routine, library: Mapping[int, Exercise], used: set[int], allowed: set[int] | None
) -> list[Finding]:
    by_muscle: dict[MuscleGroup, set[int]] = {}
    for _day, item in routine.items():
        for muscle in library[item.exercise_id].primary:
            by_muscle.setdefault(muscle, set()).add(item.exercise_id)
    result = []
    for muscle, ids in sorted(by_muscle.items(), key=lambda kv: kv[0].value):
        if len(ids) != 1:
            continue
        only = library[next(iter(ids))].name
        message = f"{muscle.label} is worked from one exercise only ({only}): add another angle"
        options = _candidates(library, muscle, used, allowed)
        if not options:
            result.append(
                Finding("single-angle", message, None, "No other exercise fits the equipment")
            )
            continue
        day = _day_for(routine, library, (muscle,))
        choice = options[0]
        result.append(
            Finding(
                "single-angle",
                message,
                (AddExercise(day.id, choice.id, 3),),
                f"Add {choice.name} ({day.name})",
            )
        )
    return result


def _asymmetric_without_unilateral(
    routine: Routine,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    *,
    notice: float,
    used: set[int],
    allowed: set[int] | None,
) -> list[Finding]:
    unilateral_groups = {
        m
        for _d, item in routine.items()
        if library[item.exercise_id].laterality.per_side
        for m in library[item.exercise_id].primary
    }
    trained = {m for _d, item in routine.items() for m in library[item.exercise_id].primary}
    flagged: dict[MuscleGroup, tuple[Exercise, CurrentAsymmetry]] = {}
    for exercise_id, gap in asymmetry.items():
        exercise = library.get(exercise_id)
        if exercise is None or gap.percent < notice:
            continue
        for muscle in exercise.primary:
            if muscle in trained and muscle not in unilateral_groups:
                best = flagged.get(muscle)
                if best is None or gap.percent > best[1].percent:
                    flagged[muscle] = (exercise, gap)
    result = []
    for muscle, (exercise, gap) in sorted(flagged.items(), key=lambda kv: kv[0].value):
        side = "" if gap.weaker is None else f", {gap.weaker.letter} weaker"
        message = (
            f"{muscle.label} shows a {gap.percent:.0f} % asymmetry ({exercise.name}{side}) "
            "but the routine has no one-sided exercise for it"
        )
        pick = (
            exercise
            if exercise.laterality.per_side
            and exercise.id not in used
            and (allowed is None or exercise.id in allowed)
            else None
        )
        if pick is None:
            options = [
                e for e in _candidates(library, muscle, used, allowed) if e.laterality.per_side
            ]
            pick = options[0] if options else None
        if pick is None:
            result.append(
                Finding("no-unilateral", message, None, "No one-sided exercise fits the equipment")
            )
            continue
        day = _day_for(routine, library, (muscle,))
        result.append(
            Finding(
                "no-unilateral",
                message,
                (AddExercise(day.id, pick.id, 3),),
                f"Add {pick.name} ({day.name})",
            )
        )
    return result


def _contralateral(
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
    day = max(routine.days, key=lambda d: d.position)
    choice = options[0]
    return [
        Finding(
            "no-contralateral",
            message,
            (AddExercise(day.id, choice.id, 2),),
            f"Add {choice.name} ({day.name})",
        )
    ]


def _weak_side_extra(
    routine: Routine,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    warning: float,
) -> list[Finding]:
    result = []
    for day, item in routine.items():
        exercise = library[item.exercise_id]
        gap = asymmetry.get(item.exercise_id)
        if not exercise.laterality.per_side or gap is None or gap.percent < warning:
            continue
        if item.extra_weak_side_sets > 0:
            continue
        side = "weak side" if gap.weaker is None else f"{gap.weaker.letter} side"
        message = (
            f"{exercise.name} ({day.name}) is {gap.percent:.0f} % asymmetric but the {side} "
            "gets no extra work"
        )
        result.append(
            Finding("weak-side", message, (AddWeakSideSet(item.id),), f"Add one extra {side} set")
        )
    return result
