"""`evenside copy`: a whole history from one database to another, of any kind (an SQLite
file, a studio's PostgreSQL server), checked table by table afterwards."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from evenside.services.store import open_store
from evenside.storage.copy_rows import CopyCount, copy_all
from evenside.storage.merge_rows import MergeCount, MergeReport, SetConflict, merge_all

__all__ = ["CopyCount", "MergeCount", "MergeReport", "SetConflict", "copy_history", "merge_history"]


def copy_history(source: Path | str, target: Path | str) -> list[CopyCount]:
    """Copy everything at ``source`` into ``target``, which must hold no history yet (a new
    file, an empty server database). The source is only read."""
    _must_exist(source)
    new_file = isinstance(target, Path) and not target.exists()
    reading = open_store(source)
    try:
        writing = open_store(target)
        try:
            shown = _shown(writing.server, target)
            return copy_all(reading.database, writing.database, shown)
        finally:
            writing.close()
    except BaseException:
        if new_file and isinstance(target, Path):  # a failed copy leaves no file behind
            _remove_file(target)
        raise
    finally:
        reading.close()


def _shown(server: str | None, location: Path | str) -> str:
    """A server's address as typed (host=/run/postgresql, not host=%2Frun%2F...), without
    its password; a file's path."""
    return unquote(server) if server else str(location)


def _remove_file(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)


def merge_history(source: Path | str, target: Path | str) -> MergeReport:
    """Add to ``target`` what it lacks of ``source``'s history: nothing is duplicated, and
    nothing ``target`` holds is changed (a set both hold with other figures is reported as a
    conflict). The source is only read; a new target file is made as by ``copy``."""
    _must_exist(source)
    if source == target:
        from evenside.domain.errors import InvalidInput

        raise InvalidInput("SRC and DST are the same database; nothing to merge.")
    reading = open_store(source)
    try:
        writing = open_store(target)
        try:
            shown = (_shown(reading.server, source), _shown(writing.server, target))
            return merge_all(reading.database, writing.database, shown)
        finally:
            writing.close()
    finally:
        reading.close()


def _must_exist(source: Path | str) -> None:
    if isinstance(source, Path) and not source.is_file():
        from evenside.domain.errors import NotFound

        raise NotFound(f"No database at {source}.")
