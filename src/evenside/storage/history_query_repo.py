"""The History page's queries: sessions filtered by exercise and days, a page at a time,
how many match, and which days had training (for the calendar)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from evenside.domain.history import HistoryQuery
from evenside.domain.training import SessionListing
from evenside.storage.history_repo import listings_of
from evenside.storage.models import ExerciseRow, SessionExerciseRow, SessionRow


def _matching(profile_id: int, query: HistoryQuery) -> Select[SessionRow]:
    statement = select(SessionRow).where(SessionRow.profile_id == profile_id)
    if query.first_day is not None:
        statement = statement.where(
            SessionRow.started_at >= datetime.combine(query.first_day, time())
        )
    if query.last_day is not None:
        after = datetime.combine(query.last_day + timedelta(days=1), time())
        statement = statement.where(SessionRow.started_at < after)
    with_exercise = select(SessionExerciseRow.session_id).join(
        ExerciseRow, ExerciseRow.id == SessionExerciseRow.exercise_id
    )
    if query.exercise_id is not None:
        statement = statement.where(
            SessionRow.id.in_(
                with_exercise.where(SessionExerciseRow.exercise_id == query.exercise_id)
            )
        )
    text = query.exercise_text.strip().lower()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        named: ColumnElement[bool] = func.lower(ExerciseRow.name).like(pattern, escape="\\")
        if query.text_exercise_ids:
            named = or_(named, ExerciseRow.id.in_(query.text_exercise_ids))
        statement = statement.where(SessionRow.id.in_(with_exercise.where(named)))
    return statement


def find_sessions(
    tx: Session, profile_id: int, query: HistoryQuery, *, offset: int, limit: int
) -> list[SessionListing]:
    """Newest first, ``limit`` rows from position ``offset``."""
    rows = tx.scalars(
        _matching(profile_id, query)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return listings_of(tx, list(rows))


def count_sessions(tx: Session, profile_id: int, query: HistoryQuery) -> int:
    inner = _matching(profile_id, query).subquery()
    return int(tx.scalar(select(func.count()).select_from(inner)) or 0)


def training_days(tx: Session, profile_id: int, first: date, last: date) -> dict[date, int]:
    """Sessions started on each day from ``first`` to ``last`` (days without none absent)."""
    query = HistoryQuery(first_day=first, last_day=last)
    days: dict[date, int] = {}
    for started in tx.scalars(
        _matching(profile_id, query).with_only_columns(SessionRow.started_at)
    ):
        days[started.date()] = days.get(started.date(), 0) + 1
    return days
