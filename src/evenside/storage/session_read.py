"""A session read through a plain cursor, for the read-only transaction of the session
summary: the very ``WorkoutSession`` that ``session_repo.get_session`` gives, without an ORM
object per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.training import (
    LoggedSet,
    SessionExercise,
    SetKind,
    SetRecord,
    StretchStatus,
    WorkoutSession,
)
from evenside.storage.models import SessionExerciseRow, SessionRow, SetRow

_SIDES = {side.value: side for side in Side}
_KINDS = {kind.value: kind for kind in SetKind}
_STRETCH = {status.value: status for status in StretchStatus}


def read_session(tx: Session, session_id: int) -> WorkoutSession:
    """``get_session`` through a plain cursor, for a read-only transaction (the session
    summary): no ORM objects, the same session. Pending ORM changes are not flushed."""
    connection = tx.connection()
    row = connection.execute(
        select(
            SessionRow.id,
            SessionRow.profile_id,
            SessionRow.name,
            SessionRow.notes,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.routine_day_id,
        ).where(SessionRow.id == session_id)
    ).first()
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    exercise_rows = connection.execute(
        select(
            SessionExerciseRow.id,
            SessionExerciseRow.exercise_id,
            SessionExerciseRow.position,
            SessionExerciseRow.first_side,
            SessionExerciseRow.stretch_status,
            SessionExerciseRow.notes,
            SessionExerciseRow.superset_group,
        )
        .where(SessionExerciseRow.session_id == session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    ).all()
    sets: dict[int, list[LoggedSet]] = {r.id: [] for r in exercise_rows}
    if sets:
        for set_row in connection.execute(
            select(*_SET_COLUMNS)
            .where(SetRow.session_exercise_id.in_(list(sets)))
            .order_by(SetRow.position, SetRow.id)
        ):
            sets[set_row[0]].append(_logged(set_row[1:]))
    return assemble_session(row, exercise_rows, sets)


def assemble_session(
    row: Any, exercise_rows: Sequence[Any], sets: dict[int, list[LoggedSet]]
) -> WorkoutSession:
    """The session from its row, its exercises' rows (ORM objects or plain rows: the same
    names) and each exercise's sets: one builder for the ORM read and the plain one."""
    exercises = tuple(
        SessionExercise(
            r.id,
            r.exercise_id,
            r.position,
            None if r.first_side is None else _SIDES[r.first_side],
            _STRETCH[r.stretch_status],
            r.notes,
            tuple(sets[r.id]),
            r.superset_group,
        )
        for r in exercise_rows
    )
    return WorkoutSession(
        row.id,
        row.profile_id,
        row.name,
        row.notes,
        row.started_at,
        row.ended_at,
        exercises,
        row.routine_day_id,
    )


_SET_COLUMNS = (
    SetRow.session_exercise_id,
    SetRow.id,
    SetRow.position,
    SetRow.side,
    SetRow.weight_kg,
    SetRow.reps,
    SetRow.kind,
    SetRow.logged_at,
    SetRow.duration_seconds,
    SetRow.rpe,
    SetRow.rir,
    SetRow.volume_override,
    SetRow.sides_unrecorded,
    SetRow.distance_m,
    SetRow.notes,
    SetRow.source_key,
)


def _logged(columns: Any) -> LoggedSet:
    """``logged_set`` from the columns of ``_SET_COLUMNS`` after the exercise's id."""
    (set_id, position, side, weight_kg, reps, kind, logged_at, duration_seconds, rpe, rir,
     volume_override, sides_unrecorded, distance_m, notes, source_key) = columns  # fmt: skip
    record = SetRecord(
        side=_SIDES[side],
        weight_kg=weight_kg,
        reps=reps,
        kind=_KINDS[kind],
        logged_at=logged_at,
        duration_seconds=duration_seconds,
        rpe=rpe,
        rir=rir,
        volume_override=bool(volume_override),
        sides_unrecorded=bool(sides_unrecorded),
        distance_m=distance_m,
        notes=notes or "",
        source_key=source_key,
    )
    return LoggedSet(set_id, position, record)
