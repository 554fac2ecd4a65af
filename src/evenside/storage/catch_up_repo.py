"""Catch-ups: the day an exercise's weak side stayed within noise long enough to return to
even work, recorded once and marked when the user has been told."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.weak_side_plan import CatchUpRecord
from evenside.storage.models import CatchUpRow


def _record(row: CatchUpRow) -> CatchUpRecord:
    return CatchUpRecord(row.id, row.exercise_id, Side(row.weak_side), row.caught_up_at, row.shown)


def record_catch_up(
    tx: Session, profile_id: int, exercise_id: int, weak: Side, at: datetime
) -> CatchUpRecord:
    """Store the catch-up unless it is stored already (the same exercise, side and day)."""
    existing = tx.scalars(
        select(CatchUpRow).where(
            CatchUpRow.profile_id == profile_id,
            CatchUpRow.exercise_id == exercise_id,
            CatchUpRow.weak_side == weak.value,
            CatchUpRow.caught_up_at == at,
        )
    ).first()
    if existing is not None:
        return _record(existing)
    row = CatchUpRow(
        profile_id=profile_id,
        exercise_id=exercise_id,
        weak_side=weak.value,
        caught_up_at=at,
        shown=False,
    )
    tx.add(row)
    tx.flush()
    return _record(row)


def list_catch_ups(
    tx: Session, profile_id: int, exercise_id: int | None = None
) -> list[CatchUpRecord]:
    """The profile's catch-ups, oldest first."""
    query = select(CatchUpRow).where(CatchUpRow.profile_id == profile_id)
    if exercise_id is not None:
        query = query.where(CatchUpRow.exercise_id == exercise_id)
    rows = tx.scalars(query.order_by(CatchUpRow.caught_up_at, CatchUpRow.id))
    return [_record(row) for row in rows]


def mark_shown(tx: Session, catch_up_id: int) -> None:
    row = tx.get(CatchUpRow, catch_up_id)
    if row is None:
        raise NotFound(f"Catch-up {catch_up_id} does not exist.")
    row.shown = True
