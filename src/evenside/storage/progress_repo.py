"""Aggregations for the Progress and Measurements pages, done in SQL.

Ten years of history is about 125,000 sets; these queries return at most a few rows per
session and side (the heaviest weight for each rep count, from which the best e1RM of any
formula follows, since e1RM grows with weight at fixed reps), weekly sums, and counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from evenside.domain.sides import Side
from evenside.domain.training import MeasurementRecord, SetKind
from evenside.storage.models import (
    ExerciseRow,
    MeasurementRow,
    SessionExerciseRow,
    SessionRow,
    SetRow,
)
from evenside.storage.portable_sql import days_before, week_start

# Strength statistics: no warm-ups, and no cardio (history only). A one-sided set whose
# file never said the side has side 'both', so per-side queries leave it out as well.
COUNTED = and_(
    SetRow.kind != SetKind.WARM_UP.value,
    SessionExerciseRow.exercise_id.not_in(
        select(ExerciseRow.id).where(ExerciseRow.kind == "cardio").scalar_subquery()
    ),
)


# Rows name their side by value; a dictionary look-up is several times cheaper than
# calling the enum for each of thousands of rows.
_SIDES = {side.value: side for side in Side}


@dataclass(frozen=True)
class RepsMax:
    """The heaviest set of one rep count (and the longest hold) for a session and side."""

    exercise_id: int
    session_id: int
    started_at: datetime
    side: Side
    reps: int | None
    weight_kg: float | None
    duration_seconds: int | None


def _week_start(
    column: ColumnElement[datetime] | InstrumentedAttribute[datetime],
) -> ColumnElement[str]:
    # The Monday on or before the session's day.
    return week_start(column)


def reps_maxima(
    tx: Session,
    profile_id: int,
    *,
    exercise_id: int | None = None,
    since: datetime | None = None,
    recent_weeks_per_exercise: int | None = None,
    per_side_only: bool = False,
) -> list[RepsMax]:
    conditions = [SessionRow.profile_id == profile_id, COUNTED]
    if exercise_id is not None:
        conditions.append(SessionExerciseRow.exercise_id == exercise_id)
    if since is not None:
        conditions.append(SessionRow.started_at >= since)
    if per_side_only:
        conditions += [SetRow.side != Side.BOTH.value, SetRow.sides_unrecorded.is_(False)]
    query = (
        select(
            SessionExerciseRow.exercise_id,
            SessionRow.id,
            SessionRow.started_at,
            SetRow.side,
            SetRow.reps,
            func.max(SetRow.weight_kg),
            func.max(SetRow.duration_seconds),
        )
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
    )
    if recent_weeks_per_exercise is not None:
        latest = (
            select(
                SessionExerciseRow.exercise_id.label("exercise_id"),
                func.max(SessionRow.started_at).label("latest"),
            )
            .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
            .where(SessionRow.profile_id == profile_id)
            .group_by(SessionExerciseRow.exercise_id)
            .subquery()
        )
        query = query.join(
            latest,
            and_(
                latest.c.exercise_id == SessionExerciseRow.exercise_id,
                SessionRow.started_at
                >= days_before(latest.c.latest, 7 * recent_weeks_per_exercise),
            ),
        )
    query = (
        query.where(*conditions)
        .group_by(SessionExerciseRow.exercise_id, SessionRow.id, SetRow.side, SetRow.reps)
        .order_by(SessionRow.started_at)
    )
    return [
        RepsMax(ex, sid, started, _SIDES[side], reps, weight, duration)
        for ex, sid, started, side, reps, weight, duration in tx.execute(query)
    ]


def exercise_ids_with_sets(tx: Session, profile_id: int) -> list[int]:
    """The library's exercises with a counted set of this profile: each exercise asked
    whether one exists (through the exercise's index), not a DISTINCT over every set."""
    logged = (
        select(SetRow.id)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionExerciseRow.exercise_id == ExerciseRow.id,
            SessionRow.profile_id == profile_id,
            COUNTED,
        )
        .exists()
    )
    return list(tx.scalars(select(ExerciseRow.id).where(logged)))


@dataclass(frozen=True)
class WeekVolume:
    week: date
    side: Side
    kg_volume: float
    reps: int
    seconds: int
    sets: int


def weekly_volume(
    tx: Session, profile_id: int, exercise_id: int, since: datetime | None = None
) -> list[WeekVolume]:
    week = _week_start(SessionRow.started_at).label("week")
    conditions = [
        SessionRow.profile_id == profile_id,
        SessionExerciseRow.exercise_id == exercise_id,
        COUNTED,
    ]
    if since is not None:
        conditions.append(SessionRow.started_at >= since)
    query = (
        select(
            week,
            SetRow.side,
            func.sum(func.coalesce(SetRow.weight_kg, 0) * func.coalesce(SetRow.reps, 0)),
            func.sum(func.coalesce(SetRow.reps, 0)),
            func.sum(func.coalesce(SetRow.duration_seconds, 0)),
            func.count(SetRow.id),
        )
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*conditions)
        .group_by(week, SetRow.side)
        .order_by(week)
    )
    return [
        WeekVolume(date.fromisoformat(w), _SIDES[side], float(kg or 0), int(r or 0), int(s or 0), n)
        for w, side, kg, r, s, n in tx.execute(query)
    ]


@dataclass(frozen=True)
class WeekSets:
    week: date
    exercise_id: int
    side: Side
    sets: int


def weekly_sets(tx: Session, profile_id: int, since: datetime | None = None) -> list[WeekSets]:
    """Working sets per week, exercise and side (for opposing-muscle balance)."""
    week = _week_start(SessionRow.started_at).label("week")
    conditions = [SessionRow.profile_id == profile_id, COUNTED]
    if since is not None:
        conditions.append(SessionRow.started_at >= since)
    query = (
        select(week, SessionExerciseRow.exercise_id, SetRow.side, func.count(SetRow.id))
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*conditions)
        .group_by(week, SessionExerciseRow.exercise_id, SetRow.side)
        .order_by(week)
    )
    return [
        WeekSets(date.fromisoformat(w), ex, _SIDES[side], n) for w, ex, side, n in tx.execute(query)
    ]


# -- body measurements ---------------------------------------------------------------------


def add_measurements(tx: Session, profile_id: int, records: list[MeasurementRecord]) -> None:
    for record in records:
        tx.add(
            MeasurementRow(
                profile_id=profile_id,
                site=record.site,
                side=record.side.value,
                value_cm=record.value_cm,
                measured_on=record.measured_on,
            )
        )


def measurements(
    tx: Session, profile_id: int, site: str | None = None, *, since: date | None = None
) -> list[MeasurementRecord]:
    query = select(MeasurementRow).where(MeasurementRow.profile_id == profile_id)
    if site is not None:
        query = query.where(MeasurementRow.site == site)
    if since is not None:
        query = query.where(MeasurementRow.measured_on >= since)
    rows = tx.scalars(query.order_by(MeasurementRow.measured_on, MeasurementRow.id))
    return [MeasurementRecord(r.site, Side(r.side), r.value_cm, r.measured_on) for r in rows]


def measurement_sites(tx: Session, profile_id: int) -> list[str]:
    return list(
        tx.scalars(
            select(MeasurementRow.site)
            .where(MeasurementRow.profile_id == profile_id)
            .group_by(MeasurementRow.site)
            .order_by(MeasurementRow.site)
        )
    )


def delete_measurements(tx: Session, profile_id: int, site: str, day: date) -> int:
    rows = list(
        tx.scalars(
            select(MeasurementRow).where(
                MeasurementRow.profile_id == profile_id,
                MeasurementRow.site == site,
                MeasurementRow.measured_on == day,
            )
        )
    )
    for row in rows:
        tx.delete(row)
    return len(rows)
