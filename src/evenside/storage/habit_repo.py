"""Habits questionnaire answers (in the profile's settings), daily ticks and the discomfort log."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from evenside.domain.discomfort import Discomfort
from evenside.domain.errors import NotFound
from evenside.domain.habits import HabitAnswers
from evenside.domain.sides import Side
from evenside.storage.models import DiscomfortRow, HabitTickRow, ProfileRow

# Keys of the profile's settings_json kept beside the Settings fields.
ANSWERS_KEY = "habits"
REVIEWED_KEY = "habits_reviewed_on"


def _stored(tx: Session, profile_id: int) -> tuple[ProfileRow, dict[str, Any]]:
    row = tx.get(ProfileRow, profile_id)
    if row is None:
        raise NotFound(f"Profile {profile_id} does not exist.")
    try:
        data = json.loads(row.settings_json or "{}")
    except ValueError:
        data = {}
    return row, data if isinstance(data, dict) else {}


def get_answers(tx: Session, profile_id: int) -> HabitAnswers:
    return HabitAnswers.from_dict(_stored(tx, profile_id)[1].get(ANSWERS_KEY))


def get_reviewed_on(tx: Session, profile_id: int) -> date | None:
    value = _stored(tx, profile_id)[1].get(REVIEWED_KEY)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def save_answers(tx: Session, profile_id: int, answers: HabitAnswers, today: date) -> None:
    row, data = _stored(tx, profile_id)
    data[ANSWERS_KEY] = answers.to_dict()
    data[REVIEWED_KEY] = today.isoformat()
    row.settings_json = json.dumps(data, sort_keys=True)


def set_reviewed_on(tx: Session, profile_id: int, day: date) -> None:
    row, data = _stored(tx, profile_id)
    data[REVIEWED_KEY] = day.isoformat()
    row.settings_json = json.dumps(data, sort_keys=True)


def ticked_keys(tx: Session, profile_id: int, day: date) -> frozenset[str]:
    query = select(HabitTickRow.habit_key).where(
        HabitTickRow.profile_id == profile_id, HabitTickRow.ticked_on == day
    )
    return frozenset(tx.scalars(query))


def set_tick(tx: Session, profile_id: int, key: str, day: date, ticked: bool) -> None:
    if not ticked:
        tx.execute(
            delete(HabitTickRow).where(
                HabitTickRow.profile_id == profile_id,
                HabitTickRow.habit_key == key,
                HabitTickRow.ticked_on == day,
            )
        )
    elif key not in ticked_keys(tx, profile_id, day):
        tx.add(HabitTickRow(profile_id=profile_id, habit_key=key, ticked_on=day))
        tx.flush()


def _discomfort(row: DiscomfortRow) -> Discomfort:
    return Discomfort(row.id, Side(row.side), row.site, row.level, row.note, row.noted_on)


def add_discomfort(
    tx: Session, profile_id: int, *, side: Side, site: str, level: int, note: str, day: date
) -> Discomfort:
    row = DiscomfortRow(
        profile_id=profile_id, side=side.value, site=site, level=level, note=note, noted_on=day
    )
    tx.add(row)
    tx.flush()
    return _discomfort(row)


def recent_discomfort(tx: Session, profile_id: int, limit: int) -> list[Discomfort]:
    query = (
        select(DiscomfortRow)
        .where(DiscomfortRow.profile_id == profile_id)
        .order_by(DiscomfortRow.noted_on.desc(), DiscomfortRow.id.desc())
        .limit(limit)
    )
    return [_discomfort(r) for r in tx.scalars(query)]
