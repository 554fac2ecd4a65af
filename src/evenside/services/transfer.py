"""Bringing history in from other apps, and getting it out again.

An import is read and checked first (nothing written), then the user confirms how the
exercise names map, then everything is written in one transaction or not at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from evenside.domain.errors import DatabaseLocked, EvensideError, InvalidInput
from evenside.domain.imports import ExportRow, Mapping, ParsedImport
from evenside.domain.units import Unit
from evenside.interchange import evenside_csv
from evenside.interchange.importers import parse_file
from evenside.interchange.strong_out import write_strong
from evenside.services import import_mapping, import_write
from evenside.services.import_write import ImportResult
from evenside.services.store import Store
from evenside.storage import history_repo, import_repo

_T = TypeVar("_T")
Suggestion = import_mapping.Suggestion
suggestions = import_mapping.suggestions
default_mapping = import_mapping.default_mapping
__all__ = ["ImportResult", "Suggestion", "default_mapping", "suggestions"]


class ImportCancelled(EvensideError):
    """The user cancelled; nothing was written."""


def read_import(path: Path, *, format: str | None = None, unit: Unit | None = None) -> ParsedImport:  # noqa: A002
    """Parse and check a file; writes nothing."""
    return parse_file(path, format=format, unit=unit)


def count_duplicates(store: Store, profile_id: int, parsed: ParsedImport) -> int:
    with store.transaction() as tx:
        known = import_repo.sessions_by_key(tx, profile_id)
    return sum(1 for s in parsed.sessions if s.key in known or (s.started_at, s.name) in known)


LOCK_WAIT_SECONDS = 60.0  # how long an import waits for another writer before giving up


def commit_import(
    store: Store,
    profile_id: int,
    parsed: ParsedImport,
    mapping: dict[str, Mapping],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    dry_run: bool = False,
) -> ImportResult:
    """Write the import in one transaction. A session already in the database (same
    source, or same start and name) gets only the sets it is missing (each imported set is
    known by its source key), so importing a file twice adds nothing, and a longer or
    corrected export adds exactly the new sets. Sets are only ever added, never changed.

    ``dry_run``: everything is done, counted and then rolled back, so a preview's counts
    are the import's counts.

    The write lock is taken before anything is read, so a set logged or another import
    running meanwhile waits its turn instead of colliding. While another program keeps the
    database busy, the import retries for up to ``LOCK_WAIT_SECONDS``, then gives up with
    nothing written.
    """
    _require_mapping(parsed, mapping)
    return _retry_while_busy(
        store,
        lambda: import_write.write_import(
            store,
            profile_id,
            parsed,
            mapping,
            import_write.Options(cancelled, progress, dry_run, ImportCancelled),
        ),
    )


def _require_mapping(parsed: ParsedImport, mapping: dict[str, Mapping]) -> None:
    """Every imported exercise name has a place chosen before anything is written."""
    missing = [name for name in parsed.exercise_names if name not in mapping]
    if missing:
        raise InvalidInput(f'Choose where "{missing[0]}" goes before importing.', "mapping")


def _retry_while_busy(store: Store, write: Callable[[], _T]) -> _T:
    """``write()``, tried again every 0.2 s while another program keeps the database locked,
    until ``LOCK_WAIT_SECONDS`` have passed; then ``DatabaseLocked`` with nothing written."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return write()
        except DatabaseLocked:
            if time.monotonic() >= deadline:
                raise DatabaseLocked(
                    f"{store.path} stayed busy with another program's changes for "
                    f"{LOCK_WAIT_SECONDS:.0f} s; nothing was imported. Try again."
                ) from None
            time.sleep(0.2)


# -- export --------------------------------------------------------------------------------


def _export_rows(store: Store, profile_id: int) -> list[ExportRow]:
    with store.transaction() as tx:
        return history_repo.export_rows(tx, profile_id)


def export_evenside(store: Store, profile_id: int, path: Path) -> int:
    return evenside_csv.write(path, _export_rows(store, profile_id))


def export_strong(store: Store, profile_id: int, path: Path, unit: Unit) -> int:
    return write_strong(path, _export_rows(store, profile_id), unit)
