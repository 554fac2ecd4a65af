"""The generator's bookkeeping: how long each day takes, whether a change stays inside the
time budget and the weekly set ranges, and filling the groups still short of their range."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from evenside.domain.library import Exercise
from evenside.domain.muscles import MuscleGroup
from evenside.domain.routines import Routine, RoutineDay, RoutineItem, weekly_sets
from evenside.domain.volume import (
    day_type,
    default_rest,
    default_targets,
    fits_day,
    item_seconds,
    minutes,
)

GENERATED_MAX_SETS = 4  # sets of one exercise a day before another exercise is better


@dataclass(frozen=True)
class Budget:
    library: Mapping[int, Exercise]
    seconds_per_day: int
    rest_between_sides: int
    set_ranges: Mapping[MuscleGroup, tuple[int, int]]
    share: float = 1.0  # of each day the filling may use

    @property
    def limit(self) -> float:
        return self.seconds_per_day * self.share

    def item(self, item: RoutineItem) -> int:
        exercise = self.library[item.exercise_id]
        rest = item.rest_seconds if item.rest_seconds is not None else default_rest(exercise)
        return item_seconds(
            exercise,
            item.target_sets,
            extra_weak_side_sets=item.extra_weak_side_sets,
            rep_high=item.rep_high,
            rest=rest,
            rest_between_sides=self.rest_between_sides,
        )

    def day(self, day: RoutineDay) -> int:
        return sum(self.item(i) for i in day.items)

    def over_max(self, routine: Routine) -> set[MuscleGroup]:
        sets = weekly_sets(routine, dict(self.library))
        return {m for m, (_lo, hi) in self.set_ranges.items() if sets.get(m, 0.0) > hi}

    def accepts(self, before: Routine, after: Routine) -> bool:
        """Every day within its time and no group pushed above its weekly maximum."""
        if any(self.day(d) > self.limit for d in after.days):
            return False
        return self.over_max(after) <= self.over_max(before)


def _next_id(routine: Routine) -> int:
    return max([0, *(i.id for _d, i in routine.items())]) + 1


def add_item(
    routine: Routine,
    exercise: Exercise,
    budget: Budget,
    *,
    sets: int,
    extra: int,
    spread: bool = False,
) -> Routine | None:
    """``routine`` with ``exercise`` on the day of its type with the most time left (or,
    with ``spread``, the day with the fewest of its kind), if one can take it."""
    low, high = default_targets(exercise)
    best: tuple[tuple[float, ...], int] | None = None
    for index, day in enumerate(routine.days):
        if not fits_day(exercise, day_type(day.name)):
            continue
        if any(i.exercise_id == exercise.id for i in day.items):
            continue
        item = RoutineItem(
            _next_id(routine),
            exercise.id,
            len(day.items),
            target_sets=sets,
            rep_low=low,
            rep_high=high,
            rest_seconds=default_rest(exercise),
            extra_weak_side_sets=extra,
        )
        if budget.day(day) + budget.item(item) > budget.limit:
            continue
        left = budget.limit - budget.day(day)
        rank: tuple[float, ...] = (-len(day.items), left) if spread else (float(left),)
        if best is None or rank > best[0]:
            best = (rank, index)
    if best is None:
        return None
    index = best[1]
    day = routine.days[index]
    low, high = default_targets(exercise)
    item = RoutineItem(
        _next_id(routine),
        exercise.id,
        len(day.items),
        target_sets=sets,
        rep_low=low,
        rep_high=high,
        rest_seconds=default_rest(exercise),
        extra_weak_side_sets=extra,
    )
    days = list(routine.days)
    days[index] = replace(day, items=(*day.items, item))
    return replace(routine, days=tuple(days))


def _deficits(routine: Routine, budget: Budget) -> dict[MuscleGroup, float]:
    sets = weekly_sets(routine, dict(budget.library))
    return {
        m: lo - sets.get(m, 0.0)
        for m, (lo, _hi) in budget.set_ranges.items()
        if sets.get(m, 0.0) < lo
    }


def _gain(exercise: Exercise, deficits: Mapping[MuscleGroup, float], sets: int) -> float:
    gain = sum(min(deficits[m], sets) for m in exercise.primary if m in deficits)
    return gain + sum(min(deficits[m], sets / 2) for m in exercise.secondary if m in deficits)


def _best_new(routine: Routine, pool: Mapping[int, Exercise], budget: Budget) -> Routine | None:
    """A new exercise for the group furthest below its minimum (as a share of it; large
    groups first on a tie), if one fits: the one that closes the most shortfall per minute,
    one-sided work and an exercise new to the week (another angle) counting a quarter more
    each, never pushing a group above its maximum. Three sets, else two."""
    deficits = _deficits(routine, budget)
    week = {i.exercise_id for _d, i in routine.items()}
    order = sorted(
        deficits,
        key=lambda m: (-deficits[m] / budget.set_ranges[m][0], -budget.set_ranges[m][0]),
    )
    for target in order:
        best: tuple[tuple[float, bool, str], Routine] | None = None
        for exercise in pool.values():
            if target not in exercise.primary:
                continue
            for sets in (3, 2):
                after = add_item(routine, exercise, budget, sets=sets, extra=0)
                if after is not None and budget.accepts(routine, after):
                    break
            else:
                continue
            seconds = sum(budget.day(d) for d in after.days) - sum(
                budget.day(d) for d in routine.days
            )
            bonus = (1.25 if exercise.laterality.per_side else 1.0) * (
                1.25 if exercise.id not in week else 1.0
            )
            gain = _gain(exercise, deficits, sets)
            rank = (gain * bonus / seconds, exercise.id not in week, exercise.name)
            if best is None or rank > best[0]:
                best = (rank, after)
        if best is not None:
            return best[1]
    return None


def _best_extra_set(routine: Routine, budget: Budget) -> Routine | None:
    """One more set of an exercise already in, for a group still short."""
    deficits = _deficits(routine, budget)
    best: tuple[float, Routine] | None = None
    for index, day in enumerate(routine.days):
        for n, item in enumerate(day.items):
            exercise = budget.library[item.exercise_id]
            if item.target_sets >= GENERATED_MAX_SETS:
                continue
            gain = _gain(exercise, deficits, 1)
            if gain <= 0 or not any(m in deficits for m in exercise.primary):
                continue
            items = list(day.items)
            items[n] = replace(item, target_sets=item.target_sets + 1)
            days = list(routine.days)
            days[index] = replace(day, items=tuple(items))
            after = replace(routine, days=tuple(days))
            if budget.accepts(routine, after) and (best is None or gain > best[0]):
                best = (gain, after)
    return None if best is None else best[1]


def fill_volume(routine: Routine, pool: Mapping[int, Exercise], budget: Budget) -> Routine:
    """Add exercises (then sets) for the groups below their weekly minimum while the time
    and the maximums allow."""
    for _round in range(200):
        if not _deficits(routine, budget):
            break
        after = _best_new(routine, pool, budget) or _best_extra_set(routine, budget)
        if after is None:
            break
        routine = after
    return routine


def volume_reasons(routine: Routine, budget: Budget, pool: Mapping[int, Exercise]) -> list[str]:
    """Each group outside its weekly range, with why."""
    sets = weekly_sets(routine, dict(budget.library))
    reasons = []
    used = max((budget.day(d) for d in routine.days), default=0)
    for muscle, (low, high) in budget.set_ranges.items():
        have = sets.get(muscle, 0.0)
        label = muscle.label
        if have < low:
            if not any(muscle in e.primary for e in pool.values()):
                why = "no exercise for it fits the equipment"
            else:
                why = (
                    f"the {minutes(budget.seconds_per_day)} min days have no time left "
                    f"(the longest takes {minutes(used)} min)"
                )
            reasons.append(f"{label}: {have:g} sets a week, below the {low}–{high} range: {why}.")
        elif have > high:
            reasons.append(
                f"{label}: {have:g} sets a week, above the {low}–{high} range: the exercises "
                "it cannot do without (asymmetric, stability) also work it."
            )
    return reasons
