"""Per-side sets with their effort, grouped by session, for the weak-side verdict.

Only counted (non-warm-up) one-sided sets are read: the verdict needs RPE, RIR and the
set kind, which the Progress aggregates leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.storage.models import ExerciseRow, SessionExerciseRow, SessionRow, SetRow


@dataclass(frozen=True)
class SessionSides:
    """One session's counted one-sided sets of one exercise."""

    exercise_id: int
    session_id: int
    started_at: datetime
    sets: tuple[SetRecord, ...]


_SIDES = {side.value: side for side in Side}
_KINDS = {kind.value: kind for kind in SetKind}


def _record(columns: Sequence[Any]) -> SetRecord:
    """The record session_repo.set_record makes, from the columns it reads."""
    side, weight_kg, reps, kind, logged_at, duration_seconds, rpe, rir = columns
    return SetRecord(
        side=_SIDES[side],
        weight_kg=weight_kg,
        reps=reps,
        kind=_KINDS[kind],
        logged_at=logged_at,
        duration_seconds=duration_seconds,
        rpe=rpe,
        rir=rir,
    )


def one_sided_sessions(
    tx: Session,
    profile_id: int,
    *,
    exercise_ids: list[int] | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
    exclude_session_id: int | None = None,
    newest: int | None = None,
) -> list[SessionSides]:
    """Sessions oldest first, each with the exercise's left and right working sets; with
    ``newest``, only each exercise's ``newest`` latest such sessions."""
    session_conditions = _session_conditions(
        profile_id, exercise_ids, since, before, exclude_session_id
    )
    # Columns, not SetRow objects: the verdict reads every one-sided set of the history,
    # and building an ORM object per set was most of its time. The records are the same as
    # session_repo.set_record makes.
    query = (
        select(
            SessionExerciseRow.exercise_id,
            SessionRow.id,
            SessionRow.started_at,
            SetRow.side,
            SetRow.weight_kg,
            SetRow.reps,
            SetRow.kind,
            SetRow.logged_at,
            SetRow.duration_seconds,
            SetRow.rpe,
            SetRow.rir,
        )
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*session_conditions, *_set_conditions())
        .order_by(SessionRow.started_at, SessionRow.id, SetRow.position, SetRow.id)
    )
    if newest is not None:
        latest = _latest(session_conditions, newest)
        query = query.join(
            latest,
            (latest.c.exercise_id == SessionExerciseRow.exercise_id)
            & (latest.c.session_id == SessionRow.id),
        )
    rows = tx.execute(query)
    grouped: dict[tuple[int, int], tuple[datetime, list[SetRecord]]] = {}
    for exercise_id, session_id, started_at, *columns in rows:
        grouped.setdefault((exercise_id, session_id), (started_at, []))[1].append(_record(columns))
    return [
        SessionSides(exercise_id, session_id, started_at, tuple(sets))
        for (exercise_id, session_id), (started_at, sets) in grouped.items()
    ]


def _set_conditions() -> list[Any]:
    """The sets that are evidence for a side: counted, one-sided, their side recorded."""
    return [
        SetRow.kind != SetKind.WARM_UP.value,
        SetRow.side != Side.BOTH.value,
        SetRow.sides_unrecorded.is_(False),  # volume only: never evidence for a side
    ]


def _session_conditions(
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    before: datetime | None,
    exclude_session_id: int | None,
) -> list[Any]:
    conditions: list[Any] = [
        SessionRow.profile_id == profile_id,
        SessionExerciseRow.exercise_id.not_in(
            select(ExerciseRow.id).where(ExerciseRow.kind == "cardio").scalar_subquery()
        ),
    ]
    if exercise_ids is not None:
        conditions.append(SessionExerciseRow.exercise_id.in_(exercise_ids))
    if since is not None:
        conditions.append(SessionRow.started_at >= since)
    if before is not None:
        conditions.append(SessionRow.started_at <= before)
    if exclude_session_id is not None:
        conditions.append(SessionRow.id != exclude_session_id)
    return conditions


def _latest(session_conditions: list[Any], newest: int) -> Subquery:
    """Each exercise's ``newest`` latest sessions holding an evidence set. Ranked over the
    exercises of each session (a few per session), each asked whether one of its sets is
    evidence, not over every set of the history."""
    evidence = (
        select(SetRow.id)
        .where(SetRow.session_exercise_id == SessionExerciseRow.id, *_set_conditions())
        .exists()
    )
    rank = (
        func.row_number()
        .over(
            partition_by=SessionExerciseRow.exercise_id,
            order_by=(SessionRow.started_at.desc(), SessionRow.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(
            SessionExerciseRow.exercise_id.label("exercise_id"),
            SessionRow.id.label("session_id"),
            rank,
        )
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*session_conditions, evidence)
        .group_by(SessionExerciseRow.exercise_id, SessionRow.id)
        .subquery()
    )
    return (
        select(ranked.c.exercise_id, ranked.c.session_id).where(ranked.c.rank <= newest).subquery()
    )
