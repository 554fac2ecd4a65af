"""Progress figures for the charts: per-side strength, asymmetry, weekly volume, the
overview of every exercise, opposing-muscle balance and body measurements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from evenside.domain.changes import Changes
from evenside.domain.e1rm import Formula
from evenside.domain.entry import check_measurement_cm
from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise, LoadBasis
from evenside.domain.muscles import MuscleGroup, PairBalance, pair_balances
from evenside.domain.progress import AsymmetryPoint, CurrentAsymmetry, SidePoint
from evenside.domain.sides import Side
from evenside.domain.summary import strength, strength_metric
from evenside.domain.training import MeasurementRecord
from evenside.domain.verdict import asymmetry_points, trend_word
from evenside.services import verdicts
from evenside.services.store import Store
from evenside.services.verdicts import ExerciseVerdict
from evenside.storage import library_repo, profile_repo, progress_repo
from evenside.storage.progress_repo import RepsMax

RANGES: dict[str, int | None] = {"4 weeks": 28, "3 months": 91, "1 year": 365, "All": None}
# Progress opens on the last year: its cost follows what it shows, not the whole history.
DEFAULT_RANGE = "1 year"


def since_for(range_name: str, today: date) -> datetime | None:
    days = RANGES[range_name]
    return (
        None
        if days is None
        else datetime.combine(today - timedelta(days=days), datetime.min.time())
    )


def side_points(
    rows: Iterable[RepsMax], load_basis: LoadBasis, formula: Formula
) -> list[SidePoint]:
    """Each session's best per side, oldest first; a bilateral set is "both", never left."""
    best: dict[int, dict[Side, float]] = {}
    days: dict[int, date] = {}
    for row in rows:
        value = strength(row.weight_kg, row.reps, row.duration_seconds, load_basis, formula)
        days[row.session_id] = row.started_at.date()
        if value is None:
            continue
        sides = best.setdefault(row.session_id, {})
        sides[row.side] = max(value, sides.get(row.side, value))
    return [
        SidePoint(
            days[sid],
            best[sid].get(Side.LEFT),
            best[sid].get(Side.RIGHT),
            best[sid].get(Side.BOTH),
        )
        for sid in days
        if best.get(sid)
    ]


@dataclass(frozen=True)
class WeekBar:
    week: date
    left: float
    right: float
    both: float


@dataclass(frozen=True)
class ExerciseProgress:
    exercise: Exercise
    points: tuple[SidePoint, ...]
    asymmetry: tuple[AsymmetryPoint, ...]
    weekly: tuple[WeekBar, ...]
    metric: str  # "e1RM", "reps" or "hold time"
    formula: Formula
    volume_unit: str  # "kg", "reps" or "s"
    notice_percent: float
    warning_percent: float
    verdict: ExerciseVerdict | None = None  # one-sided exercises: the plain verdict

    @property
    def sentence(self) -> str:
        return "" if self.verdict is None else self.verdict.sentence


def exercise_progress(
    store: Store, profile_id: int, exercise_id: int, since: datetime | None = None
) -> ExerciseProgress:
    with store.transaction() as tx:
        settings = profile_repo.get_settings(tx, profile_id)
        exercise = library_repo.get_exercise(tx, exercise_id)
        rows = progress_repo.reps_maxima(tx, profile_id, exercise_id=exercise_id, since=since)
        volume = progress_repo.weekly_volume(tx, profile_id, exercise_id, since)
    points = side_points(rows, exercise.load_basis, settings.e1rm_formula)
    unit = {LoadBasis.TIME: "s", LoadBasis.BODYWEIGHT_PLUS: "reps"}.get(exercise.load_basis, "kg")
    by_week: dict[date, dict[Side, float]] = defaultdict(dict)
    for week in volume:
        amount = {"s": week.seconds, "reps": week.reps}.get(unit, week.kg_volume)
        by_week[week.week][week.side] = float(amount)
    weekly = tuple(
        WeekBar(w, v.get(Side.LEFT, 0.0), v.get(Side.RIGHT, 0.0), v.get(Side.BOTH, 0.0))
        for w, v in sorted(by_week.items())
    )
    judged = None
    if exercise.laterality.per_side:
        judged = verdicts.exercise_verdict(store, profile_id, exercise_id, since=since)
    return ExerciseProgress(
        exercise,
        tuple(points),
        ()
        if judged is None
        else tuple(asymmetry_points(judged.scores, min_gap_percent=settings.min_gap_percent)),
        weekly,
        strength_metric(exercise.load_basis),
        settings.e1rm_formula,
        unit,
        settings.notice_percent,
        settings.warning_percent,
        judged,
    )


def exercises_with_history(store: Store, profile_id: int) -> list[Exercise]:
    """Exercises this profile has logged working sets of, by name."""
    with store.transaction() as tx:
        ids = set(progress_repo.exercise_ids_with_sets(tx, profile_id))
        exercises = library_repo.list_exercises(tx, include_archived=True)
    return [e for e in exercises if e.id in ids]


@dataclass(frozen=True)
class OverviewRow:
    exercise: Exercise
    current: CurrentAsymmetry
    trend: str
    sessions: int
    last_day: date
    verdict: ExerciseVerdict | None = None


def overview(store: Store, profile_id: int) -> list[OverviewRow]:
    """Every one-sided exercise measured with evidence, largest mean gap first. The gap is
    the verdict's: ``weaker`` only beyond noise and the minimum, ``within_noise`` None
    before three sessions with evidence."""
    result = []
    for judged in verdicts.all_verdicts(store, profile_id, verdict_only=True):
        verdict = judged.verdict
        if not verdict.measured or verdict.last_measured is None:
            continue
        within = None if verdict.bound_percent is None else not verdict.beyond_noise
        result.append(
            OverviewRow(
                judged.exercise,
                CurrentAsymmetry(verdict.gap_percent or 0.0, verdict.weaker, within),
                trend_word(verdict),
                verdict.sessions,
                verdict.last_measured,
                judged,
            )
        )
    result.sort(key=lambda r: (-r.current.percent, r.exercise.name))
    return result


@dataclass(frozen=True)
class WeekBalance:
    week: date
    pairs: tuple[PairBalance, ...]


def opposing_balance(
    store: Store, profile_id: int, since: datetime | None = None
) -> tuple[WeekBalance, ...]:
    """Weekly working-set ratio for each opposing pair. A left/right pair of sets counts as
    one set; a secondary muscle counts half a set."""
    with store.transaction() as tx:
        exercises = {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}
        weeks = progress_repo.weekly_sets(tx, profile_id, since)
        pairs = profile_repo.get_settings(tx, profile_id).opposing_pairs()
    by_week: dict[date, tuple[dict[MuscleGroup, float], dict[tuple[MuscleGroup, Side], float]]] = {}
    for row in weeks:
        groups, sides = by_week.setdefault(row.week, ({}, {}))
        exercise = exercises[row.exercise_id]
        per_set = 0.5 if row.side is not Side.BOTH else 1.0
        for muscle, share in [(m, 1.0) for m in exercise.primary] + [
            (m, 0.5) for m in exercise.secondary
        ]:
            groups[muscle] = groups.get(muscle, 0.0) + row.sets * per_set * share
            if row.side is not Side.BOTH:
                key = (muscle, exercise.credited_side(muscle, row.side))
                sides[key] = sides.get(key, 0.0) + row.sets * share
    return tuple(
        WeekBalance(week, tuple(pair_balances(groups, sides, pairs)))
        for week, (groups, sides) in sorted(by_week.items())
    )


# -- body measurements ---------------------------------------------------------------------

SITE_MUSCLES: dict[str, tuple[MuscleGroup, ...]] = {
    "Upper arm": (MuscleGroup.BICEPS, MuscleGroup.TRICEPS),
    "Forearm": (MuscleGroup.FOREARMS,),
    "Thigh": (MuscleGroup.QUADS, MuscleGroup.HAMSTRINGS),
    "Calf": (MuscleGroup.CALVES,),
    "Chest": (MuscleGroup.CHEST,),
    "Shoulder": (MuscleGroup.SIDE_DELTS, MuscleGroup.FRONT_DELTS),
}


def add_measurement(
    store: Store,
    profile_id: int,
    site: str,
    *,
    left: float | None,
    right: float | None,
    day: date,
) -> Changes:
    """Store one day's per-side circumference at a site (cm). Nothing is stored if either
    value is out of range."""
    name = " ".join(site.split())
    if not name:
        raise InvalidInput("Name the site measured (e.g. Upper arm).", "site")
    if len(name) > 60:
        raise InvalidInput("A site name is at most 60 characters.", "site")
    if left is None and right is None:
        raise InvalidInput("Enter the left, the right or both.", "left")
    records = []
    for side, value in ((Side.LEFT, left), (Side.RIGHT, right)):
        if value is None:
            continue
        try:
            value_cm = check_measurement_cm(value)
        except InvalidInput as exc:  # name the field the user typed into
            raise InvalidInput(str(exc), "left" if side is Side.LEFT else "right") from None
        records.append(MeasurementRecord(name, side, value_cm, day))
    with store.transaction() as tx:
        progress_repo.add_measurements(tx, profile_id, records)
    return Changes(measurements=True)


STANDARD_SITES = ("Upper arm", "Forearm", "Thigh", "Calf")


def measurement_sites(store: Store, profile_id: int) -> tuple[list[str], set[str]]:
    """The sites to offer (the standard four, then the user's own) and those measured."""
    with store.transaction() as tx:
        stored = progress_repo.measurement_sites(tx, profile_id)
    offered = list(STANDARD_SITES) + [s for s in stored if s not in STANDARD_SITES]
    return offered, set(stored)


def measurements(
    store: Store, profile_id: int, site: str, *, since: datetime | None = None
) -> list[MeasurementRecord]:
    """A site's measurements, oldest first (``since``: from that day on)."""
    with store.transaction() as tx:
        return progress_repo.measurements(
            tx, profile_id, site, since=None if since is None else since.date()
        )


@dataclass(frozen=True)
class GroupAsymmetry:
    day: date
    percent: float  # signed: positive when the left side is weaker
    exercises: int


def muscle_group_asymmetry(
    store: Store, profile_id: int, muscles: tuple[MuscleGroup, ...], since: datetime | None = None
) -> list[GroupAsymmetry]:
    """Weekly mean signed gap (sessions with evidence) of the one-sided exercises that work
    ``muscles`` as primary groups (for the chart beside a measurement)."""
    weekly: dict[date, list[float]] = defaultdict(list)
    for judged in verdicts.all_verdicts(store, profile_id, since=since):
        if not set(judged.exercise.primary) & set(muscles):
            continue
        for score in judged.scores:
            week = score.day - timedelta(days=score.day.weekday())
            weekly[week].append(score.signed_percent)
    return [
        GroupAsymmetry(week, sum(values) / len(values), len(values))
        for week, values in sorted(weekly.items())
    ]
