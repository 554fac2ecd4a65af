"""Backups with SQLite's online backup API: automatic (on close, at most daily, the last N
kept), on demand, and restore (the file is checked first, the current one copied first)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.services.store import Store, open_store
from evenside.storage import database, meta_repo

LAST_AUTO_KEY = "last_auto_backup"


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _name(db_path: Path, now: datetime, label: str) -> str:
    return f"{db_path.stem}-{now.strftime('%Y%m%d-%H%M%S')}-{label}.sqlite3"


def back_up(store: Store, target: Path | None = None, *, label: str = "manual") -> Path:
    """Copy the open database to ``target`` (a file, or a folder to name it in)."""
    now = store.now()
    folder = backups_folder(store.path) if target is None else target
    if target is not None and not target.is_dir():
        if target.exists():
            raise InvalidInput(f"{target} already exists; choose a new file or a folder.", "path")
        if not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist.", "path")
        path = target
    else:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / _name(store.path, now, label)
    return database.backup_copy(store.path, path)


def auto_backup(store: Store, keep: int) -> Path | None:
    """At most one automatic backup a day; keeps the newest ``keep`` automatic ones."""
    today = store.now().date().isoformat()
    with store.transaction() as session:
        if meta_repo.get(session, LAST_AUTO_KEY) == today:
            return None
    path = back_up(store, label="auto")
    with store.transaction() as session:
        meta_repo.put(session, LAST_AUTO_KEY, today)
    prune(backups_folder(store.path), store.path.stem, keep)
    return path


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    autos = sorted(folder.glob(f"{stem}-*-auto.sqlite3"))
    removed = autos[: max(0, len(autos) - keep)]
    for old in removed:
        old.unlink()
    return removed


def list_backups(db_path: Path) -> list[Path]:
    folder = backups_folder(db_path)
    return sorted(folder.glob("*.sqlite3"), reverse=True) if folder.is_dir() else []


def restore(store: Store, backup: Path) -> tuple[Store, Path]:
    """Replace the open database with ``backup``. The backup is checked first (an intact
    Evenside database of a known version) and the current file is copied aside first.

    Returns the reopened store (upgraded if the backup is older) and the safety copy.
    """
    database.check_backup_file(backup)
    safety = back_up(store, label="before-restore")
    path, clock = store.path, store.clock
    store.close()
    database.copy_into(backup, path)
    return open_store(path, clock), safety
