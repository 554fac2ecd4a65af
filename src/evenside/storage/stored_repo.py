"""A whole session or session exercise as stored, and putting it back: what undo of a
deletion needs (every set with its id, position and marks)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.snapshots import StoredExercise, StoredSession
from evenside.domain.training import (
    StretchStatus,
)
from evenside.storage.models import RoutineDayRow, SessionExerciseRow, SessionRow, SetRow
from evenside.storage.session_repo import log_set, logged_set, session_exercise_row


def _stored_exercise(tx: Session, row: SessionExerciseRow) -> StoredExercise:
    sets = tx.scalars(
        select(SetRow)
        .where(SetRow.session_exercise_id == row.id)
        .order_by(SetRow.position, SetRow.id)
    )
    return StoredExercise(
        id=row.id,
        session_id=row.session_id,
        exercise_id=row.exercise_id,
        position=row.position,
        first_side=None if row.first_side is None else Side(row.first_side),
        stretch_status=StretchStatus(row.stretch_status),
        stretch_at=row.stretch_at,
        notes=row.notes,
        sets=tuple(logged_set(s) for s in sets),
        superset_group=row.superset_group,
    )


def stored_exercise(tx: Session, session_exercise_id: int) -> StoredExercise:
    """Every column of one exercise of a session and of its sets, ids included."""
    return _stored_exercise(tx, session_exercise_row(tx, session_exercise_id))


def stored_session(tx: Session, session_id: int) -> StoredSession:
    """Every column of a workout session, its exercises and their sets, ids included."""
    row = tx.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    exercise_rows = tx.scalars(
        select(SessionExerciseRow)
        .where(SessionExerciseRow.session_id == session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    )
    return StoredSession(
        id=row.id,
        profile_id=row.profile_id,
        routine_day_id=row.routine_day_id,
        name=row.name,
        notes=row.notes,
        started_at=row.started_at,
        ended_at=row.ended_at,
        source_key=row.source_key,
        exercises=tuple(_stored_exercise(tx, r) for r in list(exercise_rows)),
    )


def put_back_exercise(tx: Session, stored: StoredExercise) -> None:
    """Insert a removed exercise again under its own id and position, with its sets."""
    for other in tx.scalars(
        select(SessionExerciseRow).where(
            SessionExerciseRow.session_id == stored.session_id,
            SessionExerciseRow.position >= stored.position,
        )
    ):
        other.position += 1
    tx.add(
        SessionExerciseRow(
            id=stored.id,
            session_id=stored.session_id,
            exercise_id=stored.exercise_id,
            position=stored.position,
            first_side=None if stored.first_side is None else stored.first_side.value,
            stretch_status=stored.stretch_status.value,
            stretch_at=stored.stretch_at,
            notes=stored.notes,
            superset_group=stored.superset_group,
        )
    )
    tx.flush()
    for logged in stored.sets:
        log_set(tx, stored.id, logged.record, logged.position, logged.id)


def put_back_session(tx: Session, stored: StoredSession) -> None:
    """Insert a deleted session again exactly as it was: same ids, every column (the routine
    day only if it still exists: deleting a day lets its sessions keep their sets)."""
    day_id = stored.routine_day_id
    if day_id is not None and tx.get(RoutineDayRow, day_id) is None:
        day_id = None
    tx.add(
        SessionRow(
            id=stored.id,
            profile_id=stored.profile_id,
            routine_day_id=day_id,
            name=stored.name,
            notes=stored.notes,
            started_at=stored.started_at,
            ended_at=stored.ended_at,
            source_key=stored.source_key,
        )
    )
    tx.flush()
    for exercise in stored.exercises:
        put_back_exercise(tx, exercise)
