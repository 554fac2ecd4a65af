"""Backups with SQLite's online backup API: automatic (on close, at most daily, the last N
kept), on demand, and restore (the file is checked first, the current one copied first).

Each database's backups are named ``<stem>-<YYYYmmdd-HHMMSS>-<label>[-N].sqlite3`` in the
``backups`` folder beside it, and a database only ever counts, lists and prunes names that
match its own stem exactly (``evenside`` never touches ``evenside-demo``'s backups, and a
stem with glob characters such as ``lifts[2026]`` is matched literally).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.services.store import Store, open_store
from evenside.storage import database, file_copy, meta_repo
from evenside.storage.file_lock import DatabaseLock

LAST_AUTO_KEY = "last_auto_backup"
SUFFIX = ".sqlite3"
AUTO = "auto"


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: when it was made, why, and its place among copies
    made in the same second."""

    stamp: str
    label: str
    counter: int


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(stem)}-(?P<stamp>\d{{8}}-\d{{6}})-(?P<label>[a-z][a-z-]*?)"
        rf"(?:-(?P<counter>\d+))?{re.escape(SUFFIX)}$"
    )


def parse_name(db_path: Path, candidate: Path) -> BackupName | None:
    """The parts of ``candidate``'s name if it is one of ``db_path``'s backups, else None."""
    match = _pattern(db_path.stem).match(candidate.name)
    if match is None:
        return None
    return BackupName(match["stamp"], match["label"], int(match["counter"] or 1))


def _own_backups(db_path: Path, label: str | None = None) -> list[tuple[BackupName, Path]]:
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        name = parse_name(db_path, candidate)
        if name is not None and (label is None or name.label == label) and candidate.is_file():
            found.append((name, candidate))
    return sorted(found, key=lambda item: (item[0].stamp, item[0].counter))


def back_up(store: Store, target: Path | None = None, *, label: str = "manual") -> Path:
    """Copy the open database to ``target`` (a file, or a folder to name it in)."""
    store.require_file("make a backup")
    if target is not None and not target.is_dir():
        if target.exists() or target.is_symlink():
            raise InvalidInput(f"{target} already exists; choose a new file or a folder.", "path")
        if not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist.", "path")
        path = target
    else:
        folder = backups_folder(store.path) if target is None else target
        folder.mkdir(parents=True, exist_ok=True)
        base = f"{store.path.stem}-{store.now().strftime('%Y%m%d-%H%M%S')}-{label}"
        path = file_copy.unique_path(folder, base, SUFFIX)
    file_copy.ensure_free_space(path.parent, file_copy.size_of(store.path), "make a backup")
    return file_copy.backup_copy(store.path, path)


def auto_backup(store: Store, keep: int) -> Path | None:
    """At most one automatic backup a day; keeps the newest ``keep`` automatic ones."""
    today = store.now().date().isoformat()
    if store.server is not None:
        return None  # a server is backed up on the server
    with store.transaction() as tx:
        if meta_repo.get(tx, LAST_AUTO_KEY) == today:
            return None
    path = back_up(store, label=AUTO)
    with store.transaction() as tx:
        meta_repo.put(tx, LAST_AUTO_KEY, today)
    prune(store.path, keep)
    return path


def prune(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of this database (and only of
    this database); manual and safety copies are never pruned."""
    autos = [path for _name, path in _own_backups(db_path, AUTO)]
    removed = autos[: max(0, len(autos) - keep)]
    for old in removed:
        old.unlink()
    file_copy.remove_stale_partials(backups_folder(db_path))
    return removed


def list_backups(db_path: Path) -> list[Path]:
    """This database's backups, newest first."""
    return [path for _name, path in reversed(_own_backups(db_path))]


def restore(store: Store, backup: Path) -> tuple[Store, Path]:
    """Replace the open database with ``backup``. The backup is checked first (an intact
    Evenside database of a known version), free space is checked, and the current file is
    copied aside first. Whole-file work: it runs under the store's claim on the file (the
    window's) or a claim of its own, refused at once while another Evenside has the file.

    Returns the reopened store (upgraded if the backup is older; holding the claim if this
    store held it) and the safety copy.
    """
    store.require_file("restore a backup")
    database.check_backup_file(backup)
    path, clock = store.path, store.clock
    lock = store.lock if store.lock is not None and store.lock.held else None
    claim = lock or DatabaseLock(path).require()
    try:
        needed = file_copy.size_of(path) + file_copy.size_of(backup)
        file_copy.ensure_free_space(path.parent, needed, "restore this backup safely")
        safety = back_up(store, label="before-restore")
        store.database.close()  # the claim stays held: nobody opens the file in between
        file_copy.restore_into(backup, path)
    except BaseException:
        if lock is None:
            claim.release()
        raise
    store.lock = None
    return open_store(path, clock, claim=claim), safety
