"""`evenside copy`: a whole history from one database to another, of any kind (an SQLite
file, a studio's PostgreSQL server), checked table by table afterwards."""

from __future__ import annotations

from pathlib import Path

from evenside.services.store import open_store
from evenside.storage.copy_rows import CopyCount, copy_all

__all__ = ["CopyCount", "copy_history"]


def copy_history(source: Path | str, target: Path | str) -> list[CopyCount]:
    """Copy everything at ``source`` into ``target``, which must hold no history yet (a new
    file, an empty server database). The source is only read."""
    if isinstance(source, Path) and not source.is_file():
        from evenside.domain.errors import NotFound

        raise NotFound(f"No database at {source}.")
    reading = open_store(source)
    try:
        writing = open_store(target)
        try:
            shown = writing.server or str(target)
            return copy_all(reading.database, writing.database, shown)
        finally:
            writing.close()
    finally:
        reading.close()
