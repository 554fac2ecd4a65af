"""What imports remember: where each source app's exercise names went, which imported
sets are already stored, and adding missing sets to a session imported before."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from evenside.domain.name_mapping import StoredMapping
from evenside.domain.training import ExerciseRecord
from evenside.storage import bulk_repo
from evenside.storage.models import (
    ExerciseRow,
    ImportMappingRow,
    SessionExerciseRow,
    SessionRow,
    SetRow,
)


def stored_mappings(tx: Session, source_app: str | None = None) -> list[StoredMapping]:
    query = (
        select(ImportMappingRow, ExerciseRow.name)
        .join(ExerciseRow, ExerciseRow.id == ImportMappingRow.exercise_id)
        .order_by(ImportMappingRow.source_app, func.lower(ImportMappingRow.source_name))
    )
    if source_app is not None:
        query = query.where(ImportMappingRow.source_app == source_app)
    return [
        StoredMapping(
            row.id,
            row.source_app,
            row.source_name,
            row.exercise_id,
            name,
            row.reason,
            row.decided_by,
            row.updated_at,
        )
        for row, name in tx.execute(query)
    ]


def save_mapping(
    tx: Session,
    source_app: str,
    source_name: str,
    exercise_id: int,
    *,
    reason: str,
    decided_by: str,
    now: datetime,
) -> None:
    """Remember where ``source_name`` goes; a choice the user made is kept over an import's."""
    row = tx.scalar(
        select(ImportMappingRow).where(
            ImportMappingRow.source_app == source_app,
            ImportMappingRow.source_name == source_name,
        )
    )
    if row is None:
        tx.add(
            ImportMappingRow(
                source_app=source_app,
                source_name=source_name,
                exercise_id=exercise_id,
                reason=reason,
                decided_by=decided_by,
                updated_at=now,
            )
        )
    elif decided_by == "user" or row.decided_by != "user":
        row.exercise_id, row.reason, row.decided_by, row.updated_at = (
            exercise_id,
            reason,
            decided_by,
            now,
        )
    tx.flush()


def known_set_keys(tx: Session, profile_id: int) -> set[str]:
    query = (
        select(SetRow.source_key)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(SessionRow.profile_id == profile_id, SetRow.source_key.is_not(None))
    )
    return {key for key in tx.scalars(query) if key}


def sessions_by_key(tx: Session, profile_id: int) -> dict[object, tuple[int, bool]]:
    """Each session of the profile by its source key and by (start, name): its id, and
    whether any of its sets carries a source key (imported set by set)."""
    keyed = (
        select(SessionExerciseRow.session_id)
        .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
        .where(SetRow.source_key.is_not(None))
    )
    with_keys = set(tx.scalars(keyed.distinct()))
    found: dict[object, tuple[int, bool]] = {}
    query = select(SessionRow.id, SessionRow.source_key, SessionRow.started_at, SessionRow.name)
    for session_id, key, started, name in tx.execute(
        query.where(SessionRow.profile_id == profile_id)
    ):
        entry = (session_id, session_id in with_keys)
        if key:
            found[key] = entry
        found.setdefault((started, name), entry)
    return found


def append_to_session(
    tx: Session, session_id: int, started_at: datetime, exercises: list[ExerciseRecord]
) -> int:
    """Add sets to a stored session: each to the session's first entry of its exercise (a
    new entry at the end when there is none), after the sets already there. Returns how
    many sets were written."""
    written = 0
    for exercise in exercises:
        entry_id = tx.scalar(
            select(SessionExerciseRow.id)
            .where(
                SessionExerciseRow.session_id == session_id,
                SessionExerciseRow.exercise_id == exercise.exercise_id,
            )
            .order_by(SessionExerciseRow.position)
            .limit(1)
        )
        if entry_id is None:
            position = tx.scalar(
                select(func.coalesce(func.max(SessionExerciseRow.position) + 1, 0)).where(
                    SessionExerciseRow.session_id == session_id
                )
            )
            row = SessionExerciseRow(
                session_id=session_id,
                exercise_id=exercise.exercise_id,
                position=position,
                first_side=None if exercise.first_side is None else exercise.first_side.value,
                stretch_status=exercise.stretch_status.value,
                notes=exercise.notes,
                superset_group=exercise.superset_group,
            )
            tx.add(row)
            tx.flush()
            entry_id = row.id
        first = tx.scalar(
            select(func.coalesce(func.max(SetRow.position) + 1, 0)).where(
                SetRow.session_exercise_id == entry_id
            )
        )
        rows = list(bulk_repo.set_rows(entry_id, exercise, started_at, int(first or 0)))
        if rows:
            tx.execute(insert(SetRow), rows)
        written += len(rows)
    return written


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def move_sets(
    tx: Session, source_app: str, source_name: str, from_exercise: int, to_exercise: int
) -> list[int]:
    """Move the session entries of ``from_exercise`` whose sets came from ``source_name`` in
    ``source_app``'s files to ``to_exercise``; returns the moved entries' ids (to move them
    back)."""
    pattern = f"{_like(source_app)}:%|{_like(source_name)}|%"
    entries = list(
        tx.scalars(
            select(SessionExerciseRow.id)
            .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
            .where(
                SessionExerciseRow.exercise_id == from_exercise,
                SetRow.source_key.like(pattern, escape="\\"),
            )
            .distinct()
        )
    )
    if entries:
        tx.execute(
            update(SessionExerciseRow)
            .where(SessionExerciseRow.id.in_(entries))
            .values(exercise_id=to_exercise)
        )
    return entries


def move_entries(tx: Session, entries: list[int], to_exercise: int) -> None:
    if entries:
        tx.execute(
            update(SessionExerciseRow)
            .where(SessionExerciseRow.id.in_(entries))
            .values(exercise_id=to_exercise)
        )


def mapping_by_id(tx: Session, mapping_id: int) -> StoredMapping | None:
    return next((m for m in stored_mappings(tx) if m.id == mapping_id), None)


def set_mapping_target(
    tx: Session, mapping_id: int, exercise_id: int, *, reason: str, decided_by: str, now: datetime
) -> None:
    row = tx.get(ImportMappingRow, mapping_id)
    if row is None:
        raise LookupError(f"no import mapping {mapping_id}")
    row.exercise_id, row.reason, row.decided_by, row.updated_at = (
        exercise_id, reason, decided_by, now
    )  # fmt: skip


def mark_unrecorded_sides(tx: Session, entries: list[int], per_side: bool) -> None:
    """Sets with side 'both' in ``entries``: "sides not recorded" on a one-sided exercise,
    plain two-sided sets on a two-sided one."""
    if entries:
        tx.execute(
            update(SetRow)
            .where(SetRow.session_exercise_id.in_(entries), SetRow.side == "both")
            .values(sides_unrecorded=per_side)
        )
