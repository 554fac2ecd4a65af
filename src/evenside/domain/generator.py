"""The balanced routine generator, with its constraints stated (domain/volume.py has the
numbers and their sources):

- each day fits its time budget: sets x (work + rest), both sides counted for one-sided work,
  plus set-up and the stretches;
- weekly working sets per muscle group within the profile's ranges (about 10-20 for large
  groups, at least 6 for calves and side delts);
- every exercise the user is asymmetric on beyond noise is in, with the weak-side plan's
  extra sets (one from the notice threshold, two from the warning threshold);
- contralateral and anti-rotation work;
- each exercise on a day of its type (no lunges on an "Upper" day), none twice in a day;
- holds and carries with targets in seconds.

It ends with the balance checker's findings fixed, or with the reasons it could not (the
equipment is missing, the time is too short).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from evenside.domain.balance_check import Finding, check_routine
from evenside.domain.balance_fix import FixPreview, fix_all, preview, refusal
from evenside.domain.errors import InvalidInput
from evenside.domain.generator_fill import Budget, add_item, fill_volume, volume_reasons
from evenside.domain.library import Exercise, Laterality
from evenside.domain.muscles import OPPOSING_PAIRS, MuscleGroup, OpposingPair
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import EQUIPMENT, Routine, RoutineDay, equipment_needed
from evenside.domain.volume import COMPOUND, CORE, DEFAULT_SET_RANGES, weak_side_extra_sets

SPLITS = {
    2: ("Full body A", "Full body B"),
    3: ("Full body A", "Full body B", "Full body C"),
    4: ("Upper A", "Lower A", "Upper B", "Lower B"),
    5: ("Upper A", "Lower A", "Upper B", "Lower B", "Full body"),
    6: ("Upper A", "Lower A", "Upper B", "Lower B", "Upper C", "Lower C"),
}
EQUIPMENT_PRESETS: dict[str, frozenset[str]] = {
    "full": frozenset(EQUIPMENT),
    "dumbbells": frozenset({"dumbbells", "bench or box"}),
    "bodyweight": frozenset(),
}
CONTRALATERAL_ORDER = ("Bird dog", "Dead bug", "Bear crawl")
ANTI_ROTATION_ORDER = ("Pallof press", "Suitcase carry", "Side plank")
FIRST_FILL_SHARE = 0.8


@dataclass(frozen=True)
class GeneratorChoice:
    days_per_week: int
    minutes: int
    equipment: frozenset[str]


@dataclass(frozen=True)
class GeneratorRules:
    """The profile's numbers the generator keeps to."""

    notice_percent: float
    warning_percent: float
    rest_between_sides: int = 15
    set_ranges: Mapping[MuscleGroup, tuple[int, int]] = field(
        default_factory=lambda: dict(DEFAULT_SET_RANGES)
    )
    pairs: tuple[OpposingPair, ...] = OPPOSING_PAIRS


@dataclass(frozen=True)
class GeneratedRoutine:
    routine: Routine  # ids are placeholders until it is saved
    reasons: tuple[str, ...]  # what could not be met, and why


def validate_choice(choice: GeneratorChoice) -> GeneratorChoice:
    if choice.days_per_week not in SPLITS:
        raise InvalidInput("Choose 2 to 6 training days a week.", "days")
    if not 20 <= choice.minutes <= 180:
        raise InvalidInput("A session is 20 to 180 minutes.", "minutes")
    return choice


def allowed_exercises(
    library: Mapping[int, Exercise], equipment: frozenset[str]
) -> dict[int, Exercise]:
    return {
        i: e
        for i, e in library.items()
        if not e.archived and e.stretches and equipment_needed(e) <= equipment
    }


def generate(
    choice: GeneratorChoice,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    rules: GeneratorRules,
) -> GeneratedRoutine:
    validate_choice(choice)
    pool = allowed_exercises(library, choice.equipment)
    budget = Budget(library, choice.minutes * 60, rules.rest_between_sides, rules.set_ranges)
    days = tuple(RoutineDay(n + 1, n, name) for n, name in enumerate(SPLITS[choice.days_per_week]))
    routine = Routine(0, 0, "Generated", days=days)
    reasons: list[str] = []
    routine = _asymmetric_first(
        routine,
        pool,
        library=library,
        asymmetry=asymmetry,
        rules=rules,
        budget=budget,
        reasons=reasons,
    )
    routine = _stability_work(routine, pool, budget, reasons)

    def check(candidate: Routine) -> list[Finding]:
        return check_routine(
            candidate,
            library,
            asymmetry,
            notice_percent=rules.notice_percent,
            warning_percent=rules.warning_percent,
            allowed=set(pool),
            pairs=rules.pairs,
        )

    # Volume first with a fifth of each day kept back for the checker's fixes, then the
    # fixes, then volume again with the whole day.
    for share in (FIRST_FILL_SHARE, 1.0):
        routine = fill_volume(routine, pool, replace(budget, share=share))
        routine, _done = fix_all(routine, check, budget.accepts)
    routine = fill_volume(routine, pool, budget)
    reasons += volume_reasons(routine, budget, pool)
    for finding in check(routine):
        if finding.fix is None:
            why = finding.fix_text[:1].lower() + finding.fix_text[1:]
        else:
            why = _why_not(routine, preview(routine, finding, check), budget)
        reasons.append(f"{finding.message}: {why}.")
    return GeneratedRoutine(_ordered(routine, library), tuple(reasons))


def _why_not(routine: Routine, tried: FixPreview, budget: Budget) -> str:
    """Why the generator left a finding's fix out."""
    if tried.added:
        return refusal(tried)
    over = [d.name for d in tried.after.days if budget.day(d) > budget.seconds_per_day]
    if over:
        return f"the fix ({tried.finding.fix_text}) does not fit the time of {', '.join(over)}"
    above = budget.over_max(tried.after) - budget.over_max(routine)
    if above:
        names = ", ".join(sorted(m.value for m in above))
        return f"the fix would push {names} above the weekly maximum"
    return refusal(tried)


def _asymmetric_first(
    routine: Routine,
    pool: Mapping[int, Exercise],
    *,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    rules: GeneratorRules,
    budget: Budget,
    reasons: list[str],
) -> Routine:
    """Every exercise asymmetric beyond noise, largest gap first, with the weak-side plan."""
    flagged = sorted(
        ((i, gap) for i, gap in asymmetry.items() if gap.weaker is not None and i in library),
        key=lambda pair: (-pair[1].percent, library[pair[0]].name),
    )
    for exercise_id, gap in flagged:
        exercise = library[exercise_id]
        label = f"{exercise.name} ({gap.percent:.0f} % gap, {gap.weaker.letter} weaker)"  # type: ignore[union-attr]
        if exercise_id not in pool:
            needs = ", ".join(sorted(equipment_needed(exercise))) or "its equipment"
            reasons.append(f"{label} is left out: it needs {needs}, which is not at hand.")
            continue
        extra = weak_side_extra_sets(
            gap.percent,
            True,
            notice_percent=rules.notice_percent,
            warning_percent=rules.warning_percent,
        )
        added = add_item(routine, exercise, budget, sets=3, extra=extra) or add_item(
            routine, exercise, budget, sets=2, extra=extra
        )
        if added is None:
            reasons.append(f"{label} is left out: no day of its type has time for it.")
            continue
        routine = added
    return routine


def _stability_work(
    routine: Routine, pool: Mapping[int, Exercise], budget: Budget, reasons: list[str]
) -> Routine:
    """One contralateral and one anti-rotation exercise, on different days where they fit."""
    names = {pool[i.exercise_id].name for _d, i in routine.items() if i.exercise_id in pool}
    for what, order in (
        ("contralateral", CONTRALATERAL_ORDER),
        ("anti-rotation", ANTI_ROTATION_ORDER),
    ):
        if names & set(order) or (
            what == "contralateral"
            and any(
                pool[i.exercise_id].laterality is Laterality.CONTRALATERAL
                for _d, i in routine.items()
                if i.exercise_id in pool
            )
        ):
            continue
        options = [e for e in pool.values() if e.name in order]
        options.sort(key=lambda e: order.index(e.name))
        for exercise in options:
            added = add_item(routine, exercise, budget, sets=2, extra=0, spread=True)
            if added is not None:
                routine = added
                names.add(exercise.name)
                break
        else:
            reasons.append(f"No {what} exercise fits the equipment and the time.")
    return routine


def _ordered(routine: Routine, library: Mapping[int, Exercise]) -> Routine:
    """Within a day: compound lifts first, then the others, core work last."""

    def rank(item_position: tuple[int, int]) -> tuple[int, int]:
        exercise = library[item_position[0]]
        lead = exercise.primary[0] if exercise.primary else None
        return (2 if lead in CORE else 0 if lead in COMPOUND else 1, item_position[1])

    days = []
    for day in routine.days:
        items = sorted(day.items, key=lambda i: rank((i.exercise_id, i.position)))
        days.append(replace(day, items=tuple(replace(i, position=n) for n, i in enumerate(items))))
    return replace(routine, days=tuple(days))
