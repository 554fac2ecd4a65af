"""Profiles and their settings."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evenside.domain.errors import InvalidInput, NotFound
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.storage import meta_repo
from evenside.storage.models import ProfileRow

CURRENT_PROFILE_KEY = "current_profile"
UNIQUE_VIOLATION = "23505"


def _profile(row: ProfileRow) -> Profile:
    return Profile(row.id, row.name, Side(row.dominant_side), Unit(row.unit))


def list_profiles(tx: Session) -> list[Profile]:
    return [_profile(r) for r in tx.scalars(select(ProfileRow).order_by(ProfileRow.name))]


def _name_taken(tx: Session, name: str, except_id: int | None = None) -> bool:
    query = select(ProfileRow.id).where(func.lower(ProfileRow.name) == name.lower())
    if except_id is not None:
        query = query.where(ProfileRow.id != except_id)
    return tx.scalar(query) is not None


def _flush_name(tx: Session, name: str) -> None:
    """Write the profile; on a studio server, a name the trainer cannot see (another
    trainer's client, hidden by row-level security) is told apart from a fault."""
    try:
        tx.flush()
    except IntegrityError as exc:
        unique = getattr(exc.orig, "sqlstate", None) == UNIQUE_VIOLATION
        if not unique or "uq_profiles_name" not in str(exc.orig):
            raise
        raise InvalidInput(
            f"A client called {name} already exists on this server, kept by another trainer; "
            "ask the head trainer to share that client with you, or choose another name.",
            "name",
        ) from None


def create_profile(tx: Session, name: str, dominant: Side, unit: Unit, now: datetime) -> Profile:
    if _name_taken(tx, name):
        raise InvalidInput(f'A profile called "{name}" already exists.', "name")
    row = ProfileRow(
        name=name,
        dominant_side=dominant.value,
        unit=unit.value,
        settings_json=Settings().to_json(),
        created_at=now,
    )
    tx.add(row)
    _flush_name(tx, name)
    return _profile(row)


def _row(tx: Session, profile_id: int) -> ProfileRow:
    row = tx.get(ProfileRow, profile_id)
    if row is None:
        raise NotFound(f"Profile {profile_id} does not exist.")
    return row


def get_profile(tx: Session, profile_id: int) -> Profile:
    return _profile(_row(tx, profile_id))


def update_profile(
    tx: Session, profile_id: int, *, name: str, dominant: Side, unit: Unit
) -> Profile:
    row = _row(tx, profile_id)
    if _name_taken(tx, name, except_id=profile_id):
        raise InvalidInput(f'A profile called "{name}" already exists.', "name")
    row.name, row.dominant_side, row.unit = name, dominant.value, unit.value
    _flush_name(tx, name)
    return _profile(row)


def delete_profile(tx: Session, profile_id: int) -> None:
    tx.delete(_row(tx, profile_id))


def get_settings(tx: Session, profile_id: int) -> Settings:
    return Settings.from_json(_row(tx, profile_id).settings_json)


def save_settings(tx: Session, profile_id: int, settings: Settings) -> None:
    """Store ``settings``, keeping the other keys of the stored JSON (the habits
    questionnaire's answers live beside the settings and are saved on their own)."""
    row = _row(tx, profile_id)
    try:
        stored = json.loads(row.settings_json or "{}")
    except ValueError:
        stored = {}
    kept = stored if isinstance(stored, dict) else {}
    row.settings_json = json.dumps({**kept, **json.loads(settings.to_json())}, sort_keys=True)


def get_current_profile_id(tx: Session) -> int | None:
    stored = meta_repo.get(tx, CURRENT_PROFILE_KEY)
    if stored is not None and tx.get(ProfileRow, int(stored)) is not None:
        return int(stored)
    first = tx.scalar(select(ProfileRow.id).order_by(ProfileRow.id))
    return first


def set_current_profile_id(tx: Session, profile_id: int) -> None:
    meta_repo.put(tx, CURRENT_PROFILE_KEY, str(profile_id))
