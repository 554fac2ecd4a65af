"""Balanced routine generator: days that pair opposing groups, each group from more than one
exercise across the week, one-sided work for the asymmetric exercises, one contralateral
exercise, and (through the library) a stretch after each exercise."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup as M
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import equipment_needed

MINUTES_PER_EXERCISE = 8  # about 3 working sets a side with rest, plus the stretch
UPPER = ((M.CHEST, M.UPPER_BACK), (M.BICEPS, M.TRICEPS), (M.FRONT_DELTS, M.REAR_DELTS),
         (M.LATS,), (M.INTERNAL_ROTATORS, M.EXTERNAL_ROTATORS), (M.SIDE_DELTS,))  # fmt: skip
LOWER = ((M.QUADS, M.HAMSTRINGS), (M.GLUTES,), (M.ABS, M.LOWER_BACK),
         (M.ADDUCTORS, M.ABDUCTORS), (M.CALVES,))  # fmt: skip
FULL = ((M.QUADS, M.HAMSTRINGS), (M.CHEST, M.UPPER_BACK), (M.ABS, M.LOWER_BACK),
        (M.BICEPS, M.TRICEPS), (M.GLUTES,), (M.FRONT_DELTS, M.REAR_DELTS))  # fmt: skip
SPLITS = {
    2: ("Full body A", "Full body B"),
    3: ("Full body A", "Full body B", "Full body C"),
    4: ("Upper A", "Lower A", "Upper B", "Lower B"),
    5: ("Upper A", "Lower A", "Upper B", "Lower B", "Full body"),
    6: ("Upper A", "Lower A", "Upper B", "Lower B", "Upper C", "Lower C"),
}
COMPOUND = {M.QUADS, M.HAMSTRINGS, M.CHEST, M.UPPER_BACK, M.LATS, M.GLUTES}


@dataclass(frozen=True)
class ItemPlan:
    exercise_id: int
    target_sets: int
    rep_low: int
    rep_high: int
    extra_weak_side_sets: int = 0


@dataclass(frozen=True)
class DayPlan:
    name: str
    items: tuple[ItemPlan, ...]


@dataclass(frozen=True)
class GeneratorChoice:
    days_per_week: int
    minutes: int
    equipment: frozenset[str]


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


def _slots(name: str) -> tuple[tuple[M, ...], ...]:
    if name.startswith("Upper"):
        return UPPER
    if name.startswith("Lower"):
        return LOWER
    return FULL


def _reps(exercise: Exercise, muscle: M) -> tuple[int, int]:
    if exercise.load_basis is LoadBasis.TIME:
        return (30, 45)  # seconds held
    return (6, 10) if muscle in COMPOUND else (10, 15)


def generate(
    choice: GeneratorChoice,
    library: Mapping[int, Exercise],
    asymmetry: Mapping[int, CurrentAsymmetry],
    *,
    notice_percent: float,
    warning_percent: float,
) -> list[DayPlan]:
    validate_choice(choice)
    pool = allowed_exercises(library, choice.equipment)
    per_day = max(4, min(9, choice.minutes // MINUTES_PER_EXERCISE))
    asymmetric = {i for i, gap in asymmetry.items() if gap.percent >= notice_percent}
    used: set[int] = set()
    variant: dict[M, int] = {}
    days = []
    for name in SPLITS[choice.days_per_week]:
        items: list[ItemPlan] = []
        for group in _slots(name):
            if len(items) + len(group) > per_day:
                break
            for muscle in group:
                pick = _pick(pool, muscle, variant.get(muscle, 0), asymmetric, used)
                variant[muscle] = variant.get(muscle, 0) + 1
                if pick is None:
                    continue
                used.add(pick.id)
                low, high = _reps(pick, muscle)
                gap = asymmetry.get(pick.id)
                extra = int(
                    pick.laterality.per_side and gap is not None and gap.percent >= warning_percent
                )
                items.append(ItemPlan(pick.id, 3, low, high, extra))
        days.append(DayPlan(name, tuple(items)))
    contralateral = [e for e in pool.values() if e.laterality is Laterality.CONTRALATERAL]
    if contralateral and days:
        pick = sorted(contralateral, key=lambda e: (e.name != "Bird dog", e.name))[0]
        last = days[-1]
        days[-1] = DayPlan(last.name, (*last.items, ItemPlan(pick.id, 2, 8, 10)))
    return days


def _pick(
    pool: Mapping[int, Exercise], muscle: M, variant: int, asymmetric: set[int], used: set[int]
) -> Exercise | None:
    """An exercise led by ``muscle``: asymmetric ones first, then one-sided, a different one
    for each day the group is trained (several angles across the week)."""
    led = [e for e in pool.values() if e.primary and e.primary[0] is muscle]
    if not led:
        led = [e for e in pool.values() if muscle in e.primary]
    if not led:
        return None
    led.sort(key=lambda e: (e.id not in asymmetric, not e.laterality.per_side, e.name))
    fresh = [e for e in led if e.id not in used]
    options = fresh or led
    return options[variant % len(options)] if not fresh else options[0]
