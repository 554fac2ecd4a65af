"""Sessions, their exercises and sets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.training import (
    LoggedSet,
    SetKind,
    SetRecord,
    StretchStatus,
    WorkoutSession,
)
from evenside.storage.models import SessionExerciseRow, SessionRow, SetRow
from evenside.storage.ordering import place_at
from evenside.storage.session_read import assemble_session


def set_record(row: SetRow) -> SetRecord:
    return SetRecord(
        side=Side(row.side),
        weight_kg=row.weight_kg,
        reps=row.reps,
        kind=SetKind(row.kind),
        logged_at=row.logged_at,
        duration_seconds=row.duration_seconds,
        rpe=row.rpe,
        rir=row.rir,
        volume_override=bool(row.volume_override),
        sides_unrecorded=bool(row.sides_unrecorded),
        distance_m=row.distance_m,
        notes=row.notes or "",
        source_key=row.source_key,
    )


def logged_set(row: SetRow) -> LoggedSet:
    return LoggedSet(row.id, row.position, set_record(row))


def start_session(
    tx: Session,
    profile_id: int,
    now: datetime,
    name: str = "",
    routine_day_id: int | None = None,
) -> int:
    row = SessionRow(
        profile_id=profile_id,
        name=name,
        notes="",
        started_at=now,
        ended_at=None,
        routine_day_id=routine_day_id,
    )
    tx.add(row)
    tx.flush()
    return row.id


def active_session_id(tx: Session, profile_id: int) -> int | None:
    return tx.scalar(
        select(SessionRow.id)
        .where(SessionRow.profile_id == profile_id, SessionRow.ended_at.is_(None))
        .order_by(SessionRow.started_at.desc())
        .limit(1)
    )


def get_session(tx: Session, session_id: int) -> WorkoutSession:
    row = tx.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    exercise_rows = list(
        tx.scalars(
            select(SessionExerciseRow)
            .where(SessionExerciseRow.session_id == session_id)
            .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
        )
    )
    ids = [r.id for r in exercise_rows]
    sets: dict[int, list[LoggedSet]] = {i: [] for i in ids}
    if ids:
        for set_row in tx.scalars(
            select(SetRow)
            .where(SetRow.session_exercise_id.in_(ids))
            .order_by(SetRow.position, SetRow.id)
        ):
            sets[set_row.session_exercise_id].append(logged_set(set_row))
    return assemble_session(row, exercise_rows, sets)


def session_exercise_row(tx: Session, session_exercise_id: int) -> SessionExerciseRow:
    row = tx.get(SessionExerciseRow, session_exercise_id)
    if row is None:
        raise NotFound(f"That exercise is no longer in the session ({session_exercise_id}).")
    return row


def session_of(tx: Session, session_exercise_id: int) -> int:
    return session_exercise_row(tx, session_exercise_id).session_id


def add_exercise(
    tx: Session, session_id: int, exercise_id: int, position: int | None = None
) -> int:
    rows = list(
        tx.scalars(
            select(SessionExerciseRow)
            .where(SessionExerciseRow.session_id == session_id)
            .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
        )
    )
    position = len(rows) if position is None else max(0, min(position, len(rows)))
    for index, existing in enumerate(rows):
        existing.position = index if index < position else index + 1
    row = SessionExerciseRow(
        session_id=session_id,
        exercise_id=exercise_id,
        position=position,
        stretch_status=StretchStatus.PENDING.value,
        notes="",
    )
    tx.add(row)
    tx.flush()
    return row.id


def move_exercise(tx: Session, session_exercise_id: int, new_position: int) -> None:
    moving = session_exercise_row(tx, session_exercise_id)
    rows = tx.scalars(
        select(SessionExerciseRow)
        .where(SessionExerciseRow.session_id == moving.session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    )
    place_at(rows, moving, new_position)


def remove_exercise(tx: Session, session_exercise_id: int) -> None:
    row = session_exercise_row(tx, session_exercise_id)
    session_id = row.session_id
    tx.delete(row)
    tx.flush()
    remaining = tx.scalars(
        select(SessionExerciseRow)
        .where(SessionExerciseRow.session_id == session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    )
    for index, other in enumerate(remaining):
        other.position = index


def set_exercise_fields(
    tx: Session,
    session_exercise_id: int,
    *,
    first_side: Side | None = None,
    stretch: StretchStatus | None = None,
    stretch_at: datetime | None = None,
    notes: str | None = None,
) -> None:
    row = session_exercise_row(tx, session_exercise_id)
    if first_side is not None:
        row.first_side = first_side.value
    if stretch is not None:
        row.stretch_status = stretch.value
        row.stretch_at = stretch_at
    if notes is not None:
        row.notes = notes


def log_set(
    tx: Session,
    session_exercise_id: int,
    record: SetRecord,
    position: int | None = None,
    set_id: int | None = None,
) -> LoggedSet:
    """One INSERT; the position is the next free one unless given, and the id is new unless
    given (undo puts a set back where it was, under its own id)."""
    next_position = (
        select(func.coalesce(func.max(SetRow.position) + 1, 0))
        .where(SetRow.session_exercise_id == session_exercise_id)
        .scalar_subquery()
    )
    try:
        set_id, stored_position = tx.execute(
            insert(SetRow)
            .values(
                **({} if set_id is None else {"id": set_id}),
                session_exercise_id=session_exercise_id,
                position=next_position if position is None else position,
                side=record.side.value,
                weight_kg=record.weight_kg,
                reps=record.reps,
                duration_seconds=record.duration_seconds,
                rpe=record.rpe,
                rir=record.rir,
                volume_override=record.volume_override,
                sides_unrecorded=record.sides_unrecorded,
                distance_m=record.distance_m,
                notes=record.notes,
                source_key=record.source_key,
                kind=record.kind.value,
                logged_at=record.logged_at,
            )
            .returning(SetRow.id, SetRow.position)
        ).one()
    except IntegrityError as exc:  # the exercise was removed from the session meanwhile
        raise NotFound(
            f"That exercise is no longer in the session ({session_exercise_id})."
        ) from exc
    return LoggedSet(set_id, stored_position, record)


def _set_row(tx: Session, set_id: int) -> SetRow:
    row = tx.get(SetRow, set_id)
    if row is None:
        raise NotFound(f"That set no longer exists ({set_id}).")
    return row


def get_set(tx: Session, set_id: int) -> LoggedSet:
    return logged_set(_set_row(tx, set_id))


def finish_session(tx: Session, session_id: int, now: datetime) -> None:
    row = tx.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    row.ended_at = now


def set_session_fields(
    tx: Session,
    session_id: int,
    *,
    name: str | None = None,
    notes: str | None = None,
    ended_at: datetime | None = None,
) -> None:
    row = tx.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    if name is not None:
        row.name = name
    if notes is not None:
        row.notes = notes
    if ended_at is not None:
        row.ended_at = ended_at


def delete_session(tx: Session, session_id: int) -> None:
    row = tx.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    tx.delete(row)


# -- exact snapshots, for undo ------------------------------------------------------------


def set_superset_groups(tx: Session, groups: Mapping[int, int | None]) -> None:
    """Put each session exercise (by id) in its superset group, or in none."""
    for session_exercise_id, group in groups.items():
        session_exercise_row(tx, session_exercise_id).superset_group = group


def day_supersets(tx: Session, profile_id: int, routine_day_id: int) -> dict[int, int]:
    """Exercise id -> superset group in the latest session of a routine day: how the day's
    exercises were last done back to back."""
    latest = tx.scalar(
        select(SessionRow.id)
        .where(SessionRow.profile_id == profile_id, SessionRow.routine_day_id == routine_day_id)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(1)
    )
    if latest is None:
        return {}
    rows = tx.execute(
        select(SessionExerciseRow.exercise_id, SessionExerciseRow.superset_group).where(
            SessionExerciseRow.session_id == latest,
            SessionExerciseRow.superset_group.is_not(None),
        )
    )
    return {exercise_id: group for exercise_id, group in rows if group is not None}
