"""Profiles: a trainer keeps one per client; every screen shows the current one's data."""

from __future__ import annotations

from evenside.domain.profile import Profile, Settings, validate_profile_name
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services.store import Store
from evenside.storage import profile_repo


def list_profiles(store: Store) -> list[Profile]:
    with store.transaction() as session:
        return profile_repo.list_profiles(session)


def create_profile(store: Store, name: str, dominant: Side, unit: Unit) -> Profile:
    clean = validate_profile_name(name)
    if dominant is Side.BOTH:
        raise ValueError("the dominant side is left or right")
    with store.transaction() as session:
        profile = profile_repo.create_profile(session, clean, dominant, unit, store.now())
        profile_repo.set_current_profile_id(session, profile.id)
        return profile


def current_profile(store: Store) -> Profile | None:
    with store.transaction() as session:
        profile_id = profile_repo.get_current_profile_id(session)
        return None if profile_id is None else profile_repo.get_profile(session, profile_id)


def switch_profile(store: Store, profile_id: int) -> Profile:
    with store.transaction() as session:
        profile = profile_repo.get_profile(session, profile_id)
        profile_repo.set_current_profile_id(session, profile_id)
        return profile


def update_profile(store: Store, profile_id: int, name: str, dominant: Side, unit: Unit) -> Profile:
    clean = validate_profile_name(name)
    with store.transaction() as session:
        return profile_repo.update_profile(
            session, profile_id, name=clean, dominant=dominant, unit=unit
        )


def delete_profile(store: Store, profile_id: int) -> None:
    with store.transaction() as session:
        profile_repo.delete_profile(session, profile_id)


def settings(store: Store, profile_id: int) -> Settings:
    with store.transaction() as session:
        return profile_repo.get_settings(session, profile_id)


def save_settings(store: Store, profile_id: int, new: Settings) -> Settings:
    checked = new.validated()
    with store.transaction() as session:
        profile_repo.save_settings(session, profile_id, checked)
    return checked
