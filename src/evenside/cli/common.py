"""What the headless commands share: opening an existing database from --db, checking a
database path before anything reads it, and finding the profile a command is about."""

from __future__ import annotations

import argparse
import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from evenside.domain.errors import InvalidInput, LocationNotWritable, NotFound
from evenside.paths import resolve_location

if TYPE_CHECKING:
    from evenside.services.store import Store


def open_existing(args: argparse.Namespace) -> Store:
    from evenside.services.store import open_store

    path = resolve_location(args.db)
    if isinstance(path, str):  # a studio server: its database exists once created
        return open_store(path)
    check_database_location(path)
    if not path.exists():
        raise NotFound(
            f"No database at {path}: open it in Evenside once (evenside --db {path}) to make "
            "it and your profile, then run this again."
        )
    return open_store(path)


def check_database_location(path: Path) -> None:
    """Refuse, before Qt or SQLite see it, a path no database can live at: one whose
    folder is a file, a name too long for the file system, a link to nothing, a folder or
    a device. A missing file is fine (it is created); so is a missing folder."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InvalidInput(f"The file name is too long for the file system: {path}") from exc
        if exc.errno == errno.ENOTDIR:
            raise InvalidInput(f"{_file_in_the_way(path)} is a file, not a folder.") from exc
        raise LocationNotWritable(f"Cannot open {path}: {exc.strerror or exc}.") from exc
    if stat.S_ISLNK(info.st_mode) and not path.exists():
        raise NotFound(f"{path} is a link to {os.readlink(path)}, which does not exist.")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a database file.")
    if not path.is_file():
        raise InvalidInput(f"{path} is not a regular file (a device, pipe or socket).")


def _file_in_the_way(path: Path) -> Path:
    """The first part of ``path`` that exists and is not a folder."""
    for part in reversed(path.parents):
        if part.exists() and not part.is_dir():
            return part
    return path.parent


def profile_id(store: Store, name: str | None) -> int:
    from evenside.services import profiles

    if name is None:
        return _default_profile(store)
    for profile in profiles.list_profiles(store):
        if profile.name.lower() == name.lower():
            return profile.id
    raise NotFound(f'No profile called "{name}".')


def _default_profile(store: Store) -> int:
    """Without --profile: a file's current profile; on a studio server the trainer's one
    client (the current profile there is whoever picked last), else they are asked."""
    from evenside.services import profiles

    if store.server is None:
        current = profiles.current_profile(store)
        if current is None:
            raise NotFound("The database has no profile yet.")
        return current.id
    clients = profiles.list_profiles(store)
    if not clients:
        raise NotFound(
            "No client of yours on this server yet (add one: evenside studio add-client NAME)."
        )
    if len(clients) > 1:
        names = ", ".join(c.name for c in clients)
        raise InvalidInput(
            f"You see {len(clients)} clients on this server ({names}): "
            "choose one with --profile NAME."
        )
    return clients[0].id
