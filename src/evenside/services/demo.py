"""Deterministic demo data: a profile with a left-side weakness that narrows over time.

The same generator makes the large databases the benchmarks use (``years=10`` gives about
125,000 sets over about 60 exercises).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from evenside.domain.assessment import DEFAULT_RETEST_WEEKS, Assessment, AssessmentKind
from evenside.domain.e1rm import MAX_REPS_FOR_ESTIMATE
from evenside.domain.entry import check_measurement_cm, check_set
from evenside.domain.library import Exercise, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import (
    STANDARD_SITES,
    ExerciseRecord,
    MeasurementRecord,
    SessionRecord,
    SetKind,
    SetRecord,
    StretchStatus,
)
from evenside.domain.units import Unit
from evenside.services import assessments, profiles
from evenside.services.store import Store
from evenside.storage import bulk_repo, library_repo

DEMO_PROFILE = "Sam (demo)"
SEED = 20260301

# Exercises the demo person started with a clearly weaker left side on (ratio left/right).
WEAK_LEFT_START = {
    "Bulgarian split squat": 0.80,
    "Single-leg Romanian deadlift": 0.84,
    "One-arm dumbbell row": 0.88,
    "One-arm dumbbell bench press": 0.86,
    "One-arm overhead press": 0.90,
    "Single-leg leg press": 0.82,
}
DAY_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Lower A", ("Bulgarian split squat", "Single-leg Romanian deadlift", "Back squat",
                 "Single-leg calf raise", "Copenhagen plank", "Bird dog")),
    ("Upper A", ("One-arm dumbbell row", "One-arm dumbbell bench press", "Pull-up",
                 "One-arm overhead press", "One-arm dumbbell curl",
                 "One-arm overhead triceps extension", "Face pull")),
    ("Lower B", ("Single-leg leg press", "Reverse lunge", "Romanian deadlift",
                 "Single-leg leg curl", "Cable hip abduction", "Side plank", "Dead bug")),
    ("Upper B", ("One-arm cable row", "One-arm incline dumbbell press", "Lat pulldown",
                 "One-arm lateral raise", "One-arm hammer curl", "One-arm cable pushdown",
                 "Cable external rotation", "Pallof press")),
)  # fmt: skip
# Later blocks swap in variants so a long history covers about 60 exercises.
VARIANTS: dict[str, tuple[str, ...]] = {
    "Back squat": ("Front squat", "Leg press"),
    "Pull-up": ("Chin-up", "One-arm lat pulldown"),
    "Romanian deadlift": ("Deadlift", "Hip thrust"),
    "Reverse lunge": ("Walking lunge", "Step-up", "Split squat", "Lateral lunge"),
    "Lat pulldown": ("Seated cable row", "Barbell row"),
    "Single-leg calf raise": ("Single-leg seated calf raise", "Standing calf raise"),
    "Face pull": ("One-arm reverse fly", "Cable internal rotation"),
    "One-arm dumbbell curl": ("One-arm preacher curl", "Barbell curl"),
    "One-arm cable pushdown": ("Triceps pushdown", "Dip"),
    "Single-leg leg curl": ("Lying leg curl", "Single-leg hip thrust"),
    "Cable hip abduction": ("Cable hip adduction", "Hip abduction machine"),
    "One-arm lateral raise": ("One-arm cable lateral raise", "One-arm shrug"),
    "Dead bug": ("Suitcase carry", "Bear crawl"),
    "One-arm incline dumbbell press": ("One-arm cable fly", "Bench press", "Push-up"),
    "Bird dog": ("Contralateral reverse lunge", "Hanging leg raise"),
    "Side plank": ("Plank", "Back extension"),
    "Copenhagen plank": ("Cossack squat", "Single-leg glute bridge"),
}
BLOCK_WEEKS = 8
TRAINING_DAYS = {3: (0, 2, 4), 4: (0, 1, 3, 5), 5: (0, 1, 2, 4, 5)}  # Monday is 0


@dataclass(frozen=True)
class DemoSummary:
    profile_id: int
    sessions: int
    sets: int
    exercises: int


def _rounded(weight: float, load: LoadBasis) -> float:
    step = 1.0 if load is LoadBasis.PER_HAND else 2.5
    return max(0.0, round(weight / step) * step)


def _reps_at(e1rm: float, weight: float) -> int:
    """Reps a side can do at ``weight`` given its e1RM (Brzycki solved for reps)."""
    if weight <= 0:
        return 12
    return max(1, min(15, math.floor(37 - 36 * weight / e1rm)))


class _Person:
    """The demo person's strength per exercise and side, evolving with training."""

    def __init__(self, rng: random.Random, exercises: dict[str, Exercise]) -> None:
        self.rng = rng
        self.base = {name: rng.uniform(30, 120) for name in exercises}
        for name, ex in exercises.items():
            if ex.load_basis is LoadBasis.PER_HAND:
                self.base[name] = rng.uniform(12, 40)
            elif ex.load_basis in (LoadBasis.BODYWEIGHT_PLUS, LoadBasis.TIME):
                self.base[name] = rng.uniform(20, 45)
        self.left_ratio = {
            name: WEAK_LEFT_START.get(name, rng.uniform(0.95, 1.0)) for name in exercises
        }

    def strength(self, name: str, side: Side, weeks: float) -> float:
        growth = 1 + 0.25 * (1 - math.exp(-weeks / 40)) + 0.002 * weeks
        right = self.base[name] * growth
        if side is Side.RIGHT or side is Side.BOTH:
            return right
        start = self.left_ratio[name]
        # Weak-side-first work closes the gap steadily, two thirds of it in about 14 months.
        ratio = 1 - (1 - start) * max(0.35, 1 - weeks / 60)
        return right * ratio


def _effort(reps_possible: float, reps_done: int) -> float:
    """The RPE a side would report: 10 minus the reps left in reserve, in half steps, never
    below the 5 the entry allows (a far stronger side still reads as easy)."""
    return max(5.0, min(10.0, round(2 * (10 - (reps_possible - reps_done))) / 2))


def _per_side_sets(
    rng: random.Random, person: _Person, ex: Exercise, weeks: float, start: datetime
) -> tuple[list[SetRecord], datetime]:
    """The weak (left) side goes first and sets the work; the right matches its load and reps,
    never more, and the last set of each side carries its RPE, so the gap is measured."""
    sets: list[SetRecord] = []
    moment = start
    timed = ex.load_basis is LoadBasis.TIME
    bodyweight = ex.load_basis is LoadBasis.BODYWEIGHT_PLUS
    target_reps = rng.choice((6, 8, 8, 10, 10, 12))
    reference = person.strength(ex.name, Side.LEFT, weeks)
    weight = _rounded(reference * (37 - target_reps) / 36 * 0.97, ex.load_basis)
    if not timed and not bodyweight:
        for side in (Side.LEFT, Side.RIGHT):
            moment += timedelta(seconds=70)
            warm = _rounded(weight * 0.5, ex.load_basis)
            sets.append(SetRecord(side, warm, 10, SetKind.WARM_UP, moment))
    working_sets = 3 if rng.random() < 0.7 else 4
    for number in range(working_sets):
        last = number == working_sets - 1
        form = rng.gauss(1.0, 0.025)  # the day's form is shared; each side varies a little
        left = person.strength(ex.name, Side.LEFT, weeks) * form * rng.gauss(1.0, 0.008)
        right = person.strength(ex.name, Side.RIGHT, weeks) * form * rng.gauss(1.0, 0.008)
        for side, capacity in ((Side.LEFT, left), (Side.RIGHT, right)):
            moment += timedelta(seconds=rng.randint(45, 120))
            if timed:  # the right holds as long as the left did
                held = int(left * 0.9)  # about three seconds a rep in reserve
                rpe = _effort(capacity / 3, int(held / 3)) if last else None
                sets.append(SetRecord(side, None, None, SetKind.WORKING, moment, held, rpe=rpe))
                continue
            if bodyweight:
                load, possible, done = 0.0, capacity / 2, max(1, int(left / 2) - 1)
            else:
                load, possible = weight, _reps_at(capacity, weight)
                done = max(1, min(MAX_REPS_FOR_ESTIMATE, _reps_at(left, weight) - 1))
            rpe = _effort(possible, done) if last else None
            sets.append(SetRecord(side, load, done, SetKind.WORKING, moment, rpe=rpe))
    return sets, moment


def _sets_for(
    rng: random.Random, person: _Person, ex: Exercise, weeks: float, start: datetime
) -> tuple[tuple[SetRecord, ...], Side | None, datetime]:
    if ex.laterality.per_side:
        one_sided, moment = _per_side_sets(rng, person, ex, weeks, start)
        return tuple(one_sided), Side.LEFT, moment
    sets: list[SetRecord] = []
    moment = start
    working_sets = 3 if rng.random() < 0.7 else 4
    timed = ex.load_basis is LoadBasis.TIME
    bodyweight = ex.load_basis is LoadBasis.BODYWEIGHT_PLUS
    reference = person.strength(ex.name, Side.BOTH, weeks)
    target_reps = rng.choice((6, 8, 8, 10, 10, 12))
    weight = _rounded(reference * (37 - target_reps) / 36 * 0.97, ex.load_basis)
    if not timed and not bodyweight:
        moment += timedelta(seconds=70)
        warm = _rounded(weight * 0.5, ex.load_basis)
        sets.append(SetRecord(Side.BOTH, warm, 10, SetKind.WARM_UP, moment))
    for _ in range(working_sets):
        capacity = person.strength(ex.name, Side.BOTH, weeks) * rng.gauss(1.0, 0.025)
        moment += timedelta(seconds=rng.randint(45, 120))
        rpe = rng.choice((None, 7.0, 7.5, 8.0, 8.5, 9.0))
        if timed:
            sets.append(SetRecord(Side.BOTH, None, None, SetKind.WORKING, moment, int(capacity)))
        elif bodyweight:
            reps = max(1, int(capacity / 2))
            sets.append(SetRecord(Side.BOTH, 0.0, reps, SetKind.WORKING, moment, rpe=rpe))
        else:
            reps = _reps_at(capacity, weight)
            sets.append(SetRecord(Side.BOTH, weight, reps, SetKind.WORKING, moment, rpe=rpe))
    return tuple(sets), None, moment


def _day_plan(template: tuple[str, ...], block: int, rng: random.Random) -> list[str]:
    plan = []
    for name in template:
        options = (name, *VARIANTS.get(name, ()))
        plan.append(options[block % len(options)] if block else name)
    return plan


def demo_sessions(
    exercises: dict[str, Exercise],
    end: date,
    weeks: int,
    seed: int = SEED,
    sessions_per_week: int = 4,
) -> Iterator[SessionRecord]:
    rng = random.Random(seed)
    person = _Person(rng, exercises)
    first_day = end - timedelta(weeks=weeks)
    day_index = 0
    for week in range(weeks):
        block = week // BLOCK_WEEKS
        for weekday in TRAINING_DAYS[sessions_per_week]:
            day = first_day + timedelta(weeks=week, days=weekday)
            if day > end or rng.random() < 0.06:  # a missed session now and then
                continue
            name, template = DAY_TEMPLATES[day_index % len(DAY_TEMPLATES)]
            day_index += 1
            start = datetime.combine(
                day, time(hour=rng.choice((7, 12, 18)), minute=rng.choice((0, 15, 30)))
            )
            moment = start
            records = []
            for ex_name in _day_plan(template, block, rng):
                ex = exercises[ex_name]
                sets, first, moment = _sets_for(rng, person, ex, week + weekday / 7, moment)
                stretch = StretchStatus.DONE if rng.random() < 0.75 else StretchStatus.SKIPPED
                moment += timedelta(seconds=60)
                records.append(ExerciseRecord(ex.id, sets, first, stretch, moment))
            yield SessionRecord(start, moment + timedelta(minutes=2), tuple(records), name)


def demo_measurements(end: date, weeks: int, seed: int = SEED) -> Iterator[MeasurementRecord]:
    rng = random.Random(seed + 1)
    base = {"Upper arm": 35.0, "Forearm": 29.0, "Thigh": 57.0, "Calf": 38.0}
    first_day = end - timedelta(weeks=weeks)
    for week in range(0, weeks, 2):
        day = first_day + timedelta(weeks=week)
        for site in STANDARD_SITES:
            gain = 1.5 * (1 - math.exp(-week / 30))
            gap = 1.2 * math.exp(-week / 20) + 0.3
            right = base[site] + gain + rng.gauss(0, 0.1)
            yield MeasurementRecord(site, Side.RIGHT, round(right, 1), day)
            yield MeasurementRecord(site, Side.LEFT, round(right - gap + rng.gauss(0, 0.1), 1), day)


# The trainer's tests: a baseline in the first week, a re-test every four weeks after it.
ASSESSED = (
    ("Bulgarian split squat", AssessmentKind.REPS_TO_FAILURE),
    ("One-arm dumbbell row", AssessmentKind.REPS_TO_FAILURE),
    ("Side plank", AssessmentKind.HOLD),
)


def demo_assessments(
    exercises: dict[str, Exercise], end: date, weeks: int, seed: int = SEED
) -> Iterator[Assessment]:
    """Reps to technical failure at a load the right side takes for about ten reps, or seconds
    held, for each side of the same person the sessions describe."""
    person = _Person(random.Random(seed), exercises)  # the sessions' person: same first draws
    rng = random.Random(seed + 2)
    first_day = end - timedelta(weeks=weeks)
    for name, kind in ASSESSED:
        ex = exercises.get(name)
        if ex is None:
            continue
        for week in range(0, weeks, DEFAULT_RETEST_WEEKS):
            # A load the strong side can take for about ten reps, so both stay in the table.
            load = _rounded(person.strength(name, Side.RIGHT, week) * 0.75, ex.load_basis)
            left, right = (
                person.strength(name, side, week) * rng.gauss(1.0, 0.02)
                for side in (Side.LEFT, Side.RIGHT)
            )
            day = first_day + timedelta(weeks=week, days=1)
            if kind is AssessmentKind.HOLD:
                yield Assessment(kind, day, float(int(left)), float(int(right)), ex.id)
            else:
                yield Assessment(
                    kind, day, _to_failure(left, load), _to_failure(right, load), ex.id,
                    load_kg=load,
                )  # fmt: skip


def _to_failure(e1rm: float, load: float) -> float:
    """Reps to technical failure at ``load`` (Brzycki solved for reps)."""
    return float(max(1, min(MAX_REPS_FOR_ESTIMATE, math.floor(37 - 36 * load / e1rm))))


def fill_demo(
    store: Store, *, weeks: int = 39, end: date | None = None, sessions_per_week: int = 4
) -> DemoSummary:
    """Create the demo profile in ``store`` and fill it with ``weeks`` of history up to ``end``.

    Nine months (the default) is what ``--demo`` shows; ``weeks=520, sessions_per_week=5``
    makes the ten-year benchmark database (about 125,000 sets).
    """
    end = end or store.now().date()
    profile = profiles.create_profile(store, DEMO_PROFILE, Side.RIGHT, Unit.KG)
    with store.transaction() as tx:
        exercises = {e.name: e for e in library_repo.list_exercises(tx)}
        records = list(demo_sessions(exercises, end, weeks, sessions_per_week=sessions_per_week))
        for record in records:  # the generator is held to the same gate as typed sets
            for exercise in record.exercises:
                for logged in exercise.sets:
                    check_set(logged)
        sets = bulk_repo.insert_sessions(tx, profile.id, records)
        measurements = list(demo_measurements(end, weeks))
        for measurement in measurements:
            check_measurement_cm(measurement.value_cm)
        bulk_repo.insert_measurements(tx, profile.id, measurements)
    for test in demo_assessments(exercises, end, weeks):
        assessments.record_assessment(store, profile.id, test)
    if weeks <= MOST_WEEKS_WITH_ROUTINE:
        _demo_routine(store, profile.id)
    used = {ex.exercise_id for r in records for ex in r.exercises}
    return DemoSummary(profile.id, len(records), sets, len(used))


DEMO_ROUTINE = "Generated: 4 days, 60 min"
MOST_WEEKS_WITH_ROUTINE = 104  # the benchmark databases (years of history) go without


def _demo_routine(store: Store, profile_id: int) -> None:
    """A routine generated from the demo person's own gaps, full gym, 4 days of 60 min."""
    from evenside.domain.generator import EQUIPMENT_PRESETS, GeneratorChoice
    from evenside.services import routines

    choice = GeneratorChoice(4, 60, EQUIPMENT_PRESETS["full"])
    routines.generate_and_save(store, profile_id, DEMO_ROUTINE, choice)
