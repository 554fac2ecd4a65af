"""The routine balance checker: each finding comes with a one-click fix.

Findings: opposing pairs whose weekly working sets fall outside their set-volume target
(each target says where it comes from); a muscle group worked from a single exercise; a muscle
group asymmetric beyond noise with no unilateral exercise; no contralateral or anti-rotation
work; an exercise asymmetric beyond noise whose weak side gets fewer extra sets than the
weak-side plan (one from the notice threshold, two from the warning threshold).

A fix adds an exercise only to a day whose type it fits (no lunges on an "Upper" day) and
never one the day already has.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from evenside.domain.balance_rules import (
    ANTI_ROTATION,
    MAX_SETS_PER_EXERCISE,
    AddExercise,
    AddSets,
    AddWeakSideSet,
    Finding,
    Fix,
    Step,
    contralateral,
    place,
    weak_side_extra,
)
from evenside.domain.library import Exercise, Laterality
from evenside.domain.muscles import OPPOSING_PAIRS, MuscleGroup, OpposingPair
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import Routine, weekly_sets


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
    findings += contralateral(routine, library, used, allowed)
    findings += weak_side_extra(
        routine, library, asymmetry, notice=notice_percent, warning=warning_percent
    )
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
            f"(target ratio {pair.low:g}–{pair.high:g} in weekly sets"
            + (f"; {pair.source})" if pair.source else ")")
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
                subject=pair.key,
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
    subject: str = "",
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
            return Finding(
                kind, message, None, "No exercise for this group fits the equipment", subject
            )
        sets = max(2, min(MAX_SETS_PER_EXERCISE, remaining))
        placed = place(routine, library, options, sets)
        if placed is None and not steps:
            return Finding(
                kind, message, None, "No day of the right type can take this group", subject
            )
        if placed is not None:
            steps.append(placed[0])
            words.append(placed[1])
    return Finding(kind, message, tuple(steps), "Add " + " and ".join(words), subject)


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
                Finding(
                    "single-angle",
                    message,
                    None,
                    "No other exercise fits the equipment",
                    muscle.value,
                )
            )
            continue
        placed = place(routine, library, options, 3)
        if placed is None:
            result.append(
                Finding(
                    "single-angle",
                    message,
                    None,
                    "No day of the right type can take it",
                    muscle.value,
                )
            )
            continue
        result.append(
            Finding("single-angle", message, (placed[0],), f"Add {placed[1]}", muscle.value)
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
    flagged = _flagged_groups(routine, library, asymmetry, notice)
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
        placed = None if pick is None else place(routine, library, [pick], 3)
        if placed is None:
            why = (
                "No one-sided exercise fits the equipment"
                if pick is None
                else "No day of the right type can take it"
            )
            result.append(Finding("no-unilateral", message, None, why, muscle.value))
            continue
        result.append(
            Finding("no-unilateral", message, (placed[0],), f"Add {placed[1]}", muscle.value)
        )
    return result


def _flagged_groups(
    routine: Routine,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    notice: float,
) -> dict[MuscleGroup, tuple[Exercise, CurrentAsymmetry]]:
    """Groups trained only bilaterally whose exercise shows a gap beyond noise (the largest
    gap per group)."""
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
        if exercise is None or gap.percent < notice or gap.weaker is None:
            continue
        for muscle in exercise.primary:
            if muscle in trained and muscle not in unilateral_groups:
                best = flagged.get(muscle)
                if best is None or gap.percent > best[1].percent:
                    flagged[muscle] = (exercise, gap)
    return flagged


__all__ = [
    "ANTI_ROTATION",
    "MAX_SETS_PER_EXERCISE",
    "AddExercise",
    "AddSets",
    "AddWeakSideSet",
    "Finding",
    "Fix",
    "Step",
    "check_routine",
]
