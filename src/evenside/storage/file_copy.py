"""Whole-file copies of a database: backups, safety copies, and restoring one in place.

A copy is written under a hidden temporary name in the target folder, synced, and only then
given its final name, so a full disk or a killed process never leaves a broken file under a
backup's name. A restore rewrites the live file inside one SQLite transaction, so the file is
the old database or the new one at every instant, and keeps its identity (its inode, and
so the lock held on it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

from evenside.domain.errors import DatabaseInUse, DiskFull, EvensideError, InvalidInput
from evenside.storage.sqlite_errors import known_os_error, known_sqlite_error

PARTIAL = ".partial"
FREE_SPACE_MARGIN = 8 * 1024 * 1024  # WAL, journal and the file system's own needs
STALE_PARTIAL_SECONDS = 3600


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        _fsync(folder)


def _give_final_name(temp: Path, destination: Path) -> None:
    """Rename without ever replacing a file that appeared at ``destination`` meanwhile."""
    try:
        os.link(temp, destination)
    except FileExistsError:
        raise InvalidInput(f"{destination} already exists; nothing was overwritten.") from None
    except OSError:  # a file system without hard links (FAT): check, then rename
        if destination.exists():
            raise InvalidInput(f"{destination} already exists; nothing was overwritten.") from None
        os.replace(temp, destination)
    else:
        temp.unlink()
    _fsync_folder(destination.parent)


def _remove_partial(temp: Path) -> None:
    for leftover in (temp, temp.with_name(temp.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def backup_copy(source: Path, destination: Path) -> Path:
    """Copy a live database to a new file with SQLite's online backup API (consistent even
    while another connection writes). The copy is a self-contained file (no -wal beside it)."""
    temp = destination.with_name(f".{destination.name}.{os.getpid()}{PARTIAL}")
    outcome = f"no backup was written to {destination.parent}"
    try:
        src = _read_only(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(temp)
        _give_final_name(temp, destination)
    except sqlite3.Error as exc:
        _remove_partial(temp)
        raise (known_sqlite_error(exc, source, outcome) or exc) from exc
    except OSError as exc:
        _remove_partial(temp)
        raise known_os_error(exc, destination, outcome) from exc
    except EvensideError:
        _remove_partial(temp)
        raise
    return destination


def restore_into(source: Path, destination: Path) -> None:
    """Replace the contents of the database ``destination`` with ``source``'s, in place.

    The caller holds the file's lock and has closed its own connections. The copy runs in
    rollback-journal mode (SQLite cannot back up into a WAL file of another page size), in
    one transaction, then the file returns to WAL.
    """
    outcome = "the database was not changed"
    try:
        src = _read_only(source)
        try:
            dst = sqlite3.connect(destination, timeout=5)
            try:
                mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                if str(mode).lower() != "delete":
                    raise DatabaseInUse(
                        f"{destination} is open in another program; close it and try again. "
                        "Nothing was changed."
                    )
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise (known_sqlite_error(exc, destination, outcome) or exc) from exc
    except OSError as exc:
        raise known_os_error(exc, destination, outcome) from exc


def ensure_free_space(folder: Path, needed: int, doing: str) -> None:
    """Refuse up front, with the numbers, work that would run out of disk part way."""
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return  # cannot tell: the work itself reports a full disk if it meets one
    if usage.total == 0:
        return  # a pseudo file system (/proc, /sys) reports no size: the write says why
    free = usage.free
    if free < needed + FREE_SPACE_MARGIN:
        mib = 1024 * 1024
        raise DiskFull(
            f"Not enough free space to {doing}: it needs about "
            f"{(needed + FREE_SPACE_MARGIN + mib - 1) // mib} MB in {folder}, and "
            f"{free // mib} MB is free. Nothing was changed."
        )


def unique_path(folder: Path, base: str, suffix: str) -> Path:
    """``folder/base+suffix``, or ``base-2``, ``base-3``, … when that name is taken: two
    copies made within the same second never overwrite each other."""
    candidate = folder / f"{base}{suffix}"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{base}-{counter}{suffix}"
    return candidate


def size_of(path: Path) -> int:
    """A database's size on disk, its write-ahead log included."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += part.stat().st_size
    return total


def remove_stale_partials(folder: Path) -> None:
    """Temporary copies left by a process that was killed part way (an hour old or more)."""
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for leftover in folder.glob(f".*{PARTIAL}*"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
