"""Profiles: a trainer keeps one per client; every screen shows the current one's data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from evenside.domain import units
from evenside.domain.plates import Equipment
from evenside.domain.profile import Profile, Settings, validate_profile_name
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services.store import Store
from evenside.storage import profile_repo
from evenside.storage.file_copy import backup_copy, unique_path

# A gym that counts in pounds has a 45 lb bar and pound plates.
POUND_DEFAULTS = Settings(
    bar_weight_kg=Equipment.standard(Unit.LB).bar_kg,
    plates_kg=Equipment.standard(Unit.LB).plates_kg,
)


def list_profiles(store: Store) -> list[Profile]:
    with store.transaction() as tx:
        return profile_repo.list_profiles(tx)


def create_profile(store: Store, name: str, dominant: Side, unit: Unit) -> Profile:
    clean = validate_profile_name(name)
    if dominant is Side.BOTH:
        raise ValueError("the dominant side is left or right")
    with store.transaction() as tx:
        profile = profile_repo.create_profile(tx, clean, dominant, unit, store.now())
        if unit is Unit.LB:
            profile_repo.save_settings(tx, profile.id, POUND_DEFAULTS)
        profile_repo.set_current_profile_id(tx, profile.id)
        return profile


def get_profile(store: Store, profile_id: int) -> Profile:
    with store.transaction() as tx:
        return profile_repo.get_profile(tx, profile_id)


def current_profile(store: Store) -> Profile | None:
    with store.transaction() as tx:
        profile_id = profile_repo.get_current_profile_id(tx)
        return None if profile_id is None else profile_repo.get_profile(tx, profile_id)


def switch_profile(store: Store, profile_id: int) -> Profile:
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        profile_repo.set_current_profile_id(tx, profile_id)
        return profile


def update_profile(store: Store, profile_id: int, name: str, dominant: Side, unit: Unit) -> Profile:
    """Rename, change the dominant side or the unit. A new unit brings its usual bar and
    plates when the profile still had the old unit's usual ones."""
    clean = validate_profile_name(name)
    with store.transaction() as tx:
        old_unit = profile_repo.get_profile(tx, profile_id).unit
        current = profile_repo.get_settings(tx, profile_id)
        kit = Equipment(current.bar_weight_kg, current.plates_kg).for_unit_change(old_unit, unit)
        if kit.bar_kg != current.bar_weight_kg or kit.plates_kg != current.plates_kg:
            profile_repo.save_settings(
                tx, profile_id, replace(current, bar_weight_kg=kit.bar_kg, plates_kg=kit.plates_kg)
            )
        return profile_repo.update_profile(tx, profile_id, name=clean, dominant=dominant, unit=unit)


def delete_profile(store: Store, profile_id: int) -> Path:
    """Delete a profile and all its sessions, after copying the whole file beside itself.

    Returns the copy: the way back if the deletion was a mistake.
    """
    store.require_file("delete a profile with a copy to undo it")
    with store.transaction() as tx:
        name = profile_repo.get_profile(tx, profile_id).name
    stamp = store.now().strftime("%Y%m%d-%H%M%S")
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "profile"
    path = store.path
    copy = unique_path(path.parent, f"{path.stem}.before-deleting-{slug}-{stamp}", path.suffix)
    backup_copy(path, copy)
    with store.transaction() as tx:
        profile_repo.delete_profile(tx, profile_id)
        remaining = profile_repo.list_profiles(tx)
        if remaining:
            profile_repo.set_current_profile_id(tx, remaining[0].id)
    return copy


def settings(store: Store, profile_id: int) -> Settings:
    with store.transaction() as tx:
        return profile_repo.get_settings(tx, profile_id)


def save_settings(store: Store, profile_id: int, new: Settings) -> Settings:
    checked = new.validated()
    with store.transaction() as tx:
        profile_repo.save_settings(tx, profile_id, checked)
    return checked


def show_weights_to(store: Store, profile_id: int) -> None:
    """Converted weights on every screen from now on to the profile's chosen step."""
    chosen = settings(store, profile_id)
    units.show_weights_to(chosen.weight_step_kg, chosen.weight_step_lb)
