"""Routines, their days and items."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evenside.domain.errors import InvalidInput, NotFound
from evenside.domain.routines import Routine, RoutineDay, RoutineItem
from evenside.storage.models import RoutineDayRow, RoutineItemRow, RoutineRow
from evenside.storage.ordering import place_at


def _item(row: RoutineItemRow) -> RoutineItem:
    return RoutineItem(
        row.id,
        row.exercise_id,
        row.position,
        row.target_sets,
        row.rep_low,
        row.rep_high,
        row.rest_seconds,
        row.extra_weak_side_sets,
        row.notes,
    )


def list_routines(tx: Session, profile_id: int) -> list[tuple[int, str]]:
    return [
        (r.id, r.name)
        for r in tx.scalars(
            select(RoutineRow)
            .where(RoutineRow.profile_id == profile_id)
            .order_by(func.lower(RoutineRow.name))
        )
    ]


def get_routine(tx: Session, routine_id: int) -> Routine:
    row = tx.get(RoutineRow, routine_id)
    if row is None:
        raise NotFound(f"Routine {routine_id} does not exist.")
    days = list(
        tx.scalars(
            select(RoutineDayRow)
            .where(RoutineDayRow.routine_id == routine_id)
            .order_by(RoutineDayRow.position, RoutineDayRow.id)
        )
    )
    items: dict[int, list[RoutineItem]] = {d.id: [] for d in days}
    if days:
        for item in tx.scalars(
            select(RoutineItemRow)
            .where(RoutineItemRow.day_id.in_(items))
            .order_by(RoutineItemRow.position, RoutineItemRow.id)
        ):
            items[item.day_id].append(_item(item))
    return Routine(
        row.id,
        row.profile_id,
        row.name,
        row.notes,
        tuple(RoutineDay(d.id, d.position, d.name, tuple(items[d.id])) for d in days),
    )


def routine_of_day(tx: Session, day_id: int) -> int:
    day = tx.get(RoutineDayRow, day_id)
    if day is None:
        raise NotFound(f"Routine day {day_id} does not exist.")
    return day.routine_id


def routine_of_item(tx: Session, item_id: int) -> int:
    item = tx.get(RoutineItemRow, item_id)
    if item is None:
        raise NotFound(f"Routine item {item_id} does not exist.")
    return routine_of_day(tx, item.day_id)


def find_by_name(tx: Session, profile_id: int, name: str) -> int | None:
    return tx.scalar(
        select(RoutineRow.id).where(
            RoutineRow.profile_id == profile_id, func.lower(RoutineRow.name) == name.lower()
        )
    )


def create_routine(tx: Session, profile_id: int, name: str, now: datetime, notes: str = "") -> int:
    if find_by_name(tx, profile_id, name) is not None:
        raise InvalidInput(f'A routine called "{name}" already exists.', "name")
    row = RoutineRow(profile_id=profile_id, name=name, notes=notes, created_at=now)
    tx.add(row)
    tx.flush()
    return row.id


def rename_routine(tx: Session, routine_id: int, name: str) -> None:
    row = tx.get(RoutineRow, routine_id)
    if row is None:
        raise NotFound(f"Routine {routine_id} does not exist.")
    other = find_by_name(tx, row.profile_id, name)
    if other is not None and other != routine_id:
        raise InvalidInput(f'A routine called "{name}" already exists.', "name")
    row.name = name


def delete_routine(tx: Session, routine_id: int) -> None:
    row = tx.get(RoutineRow, routine_id)
    if row is not None:
        tx.delete(row)


def add_day(tx: Session, routine_id: int, name: str) -> int:
    last = tx.scalar(
        select(func.max(RoutineDayRow.position)).where(RoutineDayRow.routine_id == routine_id)
    )
    row = RoutineDayRow(routine_id=routine_id, name=name, position=0 if last is None else last + 1)
    tx.add(row)
    tx.flush()
    return row.id


def rename_day(tx: Session, day_id: int, name: str) -> None:
    row = tx.get(RoutineDayRow, day_id)
    if row is None:
        raise NotFound(f"Routine day {day_id} does not exist.")
    row.name = name


def delete_day(tx: Session, day_id: int) -> None:
    row = tx.get(RoutineDayRow, day_id)
    if row is not None:
        tx.delete(row)


def add_item(
    tx: Session,
    day_id: int,
    exercise_id: int,
    *,
    target_sets: int = 3,
    rep_low: int = 8,
    rep_high: int = 12,
    rest_seconds: int | None = None,
    extra_weak_side_sets: int = 0,
    notes: str = "",
) -> int:
    last = tx.scalar(
        select(func.max(RoutineItemRow.position)).where(RoutineItemRow.day_id == day_id)
    )
    row = RoutineItemRow(
        day_id=day_id,
        exercise_id=exercise_id,
        position=0 if last is None else last + 1,
        target_sets=target_sets,
        rep_low=rep_low,
        rep_high=rep_high,
        rest_seconds=rest_seconds,
        extra_weak_side_sets=extra_weak_side_sets,
        notes=notes,
    )
    tx.add(row)
    tx.flush()
    return row.id


def update_item(tx: Session, item: RoutineItem) -> None:
    row = tx.get(RoutineItemRow, item.id)
    if row is None:
        raise NotFound(f"Routine item {item.id} does not exist.")
    row.target_sets, row.rep_low, row.rep_high = item.target_sets, item.rep_low, item.rep_high
    row.rest_seconds, row.extra_weak_side_sets = item.rest_seconds, item.extra_weak_side_sets
    row.notes = item.notes


def delete_item(tx: Session, item_id: int) -> None:
    row = tx.get(RoutineItemRow, item_id)
    if row is not None:
        tx.delete(row)


def move_item(tx: Session, item_id: int, new_position: int) -> None:
    moving = tx.get(RoutineItemRow, item_id)
    if moving is None:
        raise NotFound(f"Routine item {item_id} does not exist.")
    rows = tx.scalars(
        select(RoutineItemRow)
        .where(RoutineItemRow.day_id == moving.day_id)
        .order_by(RoutineItemRow.position, RoutineItemRow.id)
    )
    place_at(rows, moving, new_position)


def copy_day(tx: Session, day: RoutineDay, routine_id: int, name: str) -> int:
    new_day = add_day(tx, routine_id, name)
    for item in day.items:
        add_item(
            tx,
            new_day,
            item.exercise_id,
            target_sets=item.target_sets,
            rep_low=item.rep_low,
            rep_high=item.rep_high,
            rest_seconds=item.rest_seconds,
            extra_weak_side_sets=item.extra_weak_side_sets,
            notes=item.notes,
        )
    return new_day
