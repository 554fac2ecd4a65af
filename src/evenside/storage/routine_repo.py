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


def list_routines(session: Session, profile_id: int) -> list[tuple[int, str]]:
    return [
        (r.id, r.name)
        for r in session.scalars(
            select(RoutineRow)
            .where(RoutineRow.profile_id == profile_id)
            .order_by(func.lower(RoutineRow.name))
        )
    ]


def get_routine(session: Session, routine_id: int) -> Routine:
    row = session.get(RoutineRow, routine_id)
    if row is None:
        raise NotFound(f"Routine {routine_id} does not exist.")
    days = list(
        session.scalars(
            select(RoutineDayRow)
            .where(RoutineDayRow.routine_id == routine_id)
            .order_by(RoutineDayRow.position, RoutineDayRow.id)
        )
    )
    items: dict[int, list[RoutineItem]] = {d.id: [] for d in days}
    if days:
        for item in session.scalars(
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


def routine_of_day(session: Session, day_id: int) -> int:
    day = session.get(RoutineDayRow, day_id)
    if day is None:
        raise NotFound(f"Routine day {day_id} does not exist.")
    return day.routine_id


def routine_of_item(session: Session, item_id: int) -> int:
    item = session.get(RoutineItemRow, item_id)
    if item is None:
        raise NotFound(f"Routine item {item_id} does not exist.")
    return routine_of_day(session, item.day_id)


def find_by_name(session: Session, profile_id: int, name: str) -> int | None:
    return session.scalar(
        select(RoutineRow.id).where(
            RoutineRow.profile_id == profile_id, func.lower(RoutineRow.name) == name.lower()
        )
    )


def create_routine(
    session: Session, profile_id: int, name: str, now: datetime, notes: str = ""
) -> int:
    if find_by_name(session, profile_id, name) is not None:
        raise InvalidInput(f'A routine called "{name}" already exists.', "name")
    row = RoutineRow(profile_id=profile_id, name=name, notes=notes, created_at=now)
    session.add(row)
    session.flush()
    return row.id


def rename_routine(session: Session, routine_id: int, name: str) -> None:
    row = session.get(RoutineRow, routine_id)
    if row is None:
        raise NotFound(f"Routine {routine_id} does not exist.")
    other = find_by_name(session, row.profile_id, name)
    if other is not None and other != routine_id:
        raise InvalidInput(f'A routine called "{name}" already exists.', "name")
    row.name = name


def delete_routine(session: Session, routine_id: int) -> None:
    row = session.get(RoutineRow, routine_id)
    if row is not None:
        session.delete(row)


def add_day(session: Session, routine_id: int, name: str) -> int:
    last = session.scalar(
        select(func.max(RoutineDayRow.position)).where(RoutineDayRow.routine_id == routine_id)
    )
    row = RoutineDayRow(routine_id=routine_id, name=name, position=0 if last is None else last + 1)
    session.add(row)
    session.flush()
    return row.id


def rename_day(session: Session, day_id: int, name: str) -> None:
    row = session.get(RoutineDayRow, day_id)
    if row is None:
        raise NotFound(f"Routine day {day_id} does not exist.")
    row.name = name


def delete_day(session: Session, day_id: int) -> None:
    row = session.get(RoutineDayRow, day_id)
    if row is not None:
        session.delete(row)


def add_item(
    session: Session,
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
    last = session.scalar(
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
    session.add(row)
    session.flush()
    return row.id


def update_item(session: Session, item: RoutineItem) -> None:
    row = session.get(RoutineItemRow, item.id)
    if row is None:
        raise NotFound(f"Routine item {item.id} does not exist.")
    row.target_sets, row.rep_low, row.rep_high = item.target_sets, item.rep_low, item.rep_high
    row.rest_seconds, row.extra_weak_side_sets = item.rest_seconds, item.extra_weak_side_sets
    row.notes = item.notes


def delete_item(session: Session, item_id: int) -> None:
    row = session.get(RoutineItemRow, item_id)
    if row is not None:
        session.delete(row)


def move_item(session: Session, item_id: int, new_position: int) -> None:
    moving = session.get(RoutineItemRow, item_id)
    if moving is None:
        raise NotFound(f"Routine item {item_id} does not exist.")
    rows = session.scalars(
        select(RoutineItemRow)
        .where(RoutineItemRow.day_id == moving.day_id)
        .order_by(RoutineItemRow.position, RoutineItemRow.id)
    )
    place_at(rows, moving, new_position)


def copy_day(session: Session, day: RoutineDay, routine_id: int, name: str) -> int:
    new_day = add_day(session, routine_id, name)
    for item in day.items:
        add_item(
            session,
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
