"""An open Evenside database as the use cases see it, and the clock they read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.interchange.library_file import read_library, read_library_version
from evenside.resources_locator import resource
from evenside.storage import library_repo
from evenside.storage.database import Database, DbSession, open_database
from evenside.storage.file_lock import DatabaseLock, file_identity
from evenside.storage.set_writer import SetWriter


@dataclass
class Store:
    """Handle passed to every use case. Screens hold one but never look inside it."""

    database: Database
    clock: Callable[[], datetime] = field(default=datetime.now)
    lock: DatabaseLock | None = None  # held by the window: whole-file work is its alone
    _writer: SetWriter | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def server(self) -> str | None:
        """The studio server's address (password hidden) when the database is on one."""
        return self.database.url

    @property
    def upgrade_backup(self) -> Path | None:
        """The copy made before this start-up upgraded the file, if it did."""
        return self.database.backup

    def require_file(self, work: str) -> None:
        """Refuse whole-file ``work`` (a backup, a restore, a copy before deleting) on a
        server database, which is no file: the server's own backups cover it."""
        if self.server is not None:
            raise InvalidInput(
                f"Cannot {work} on a studio server ({self.server}): back the server up with "
                "its own tools (pg_dump) instead."
            )

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        with self.database.transaction() as tx:
            yield tx

    def sets(self) -> SetWriter:
        """The kept connection that logs, edits and deletes sets (made on first use)."""
        if self._writer is None:
            self._writer = SetWriter(self.database.engine, self.database.path)
        return self._writer

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def close(self) -> None:
        """Close the connections, then give up the claim on the file (in that order: see
        ``storage.file_lock``)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def open_store(
    path: Path | str,
    clock: Callable[[], datetime] = datetime.now,
    *,
    exclusive: bool = False,
    claim: DatabaseLock | None = None,
) -> Store:
    """Open or create the database at ``path`` and bring its library up to date.

    ``exclusive`` (the window): claim the file for as long as the store is open, refused
    with ``DatabaseInUse`` while another Evenside holds it; ``claim``, a claim already held
    (a restore reopening the file). Commands that only add rows (import, export, backup)
    share the file with an open window. ``path`` may be a PostgreSQL address instead: a
    server is shared by design, so it is never claimed.
    """
    if isinstance(path, str):
        from evenside.storage.server import open_server_database

        return _with_current_library(Store(open_server_database(path), clock))
    lock = claim or (DatabaseLock(path) if exclusive else None)
    if lock is not None and path.exists():
        lock.require()
    try:
        database = open_database(path, now=clock(), lock=lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    store = Store(database, clock, lock)
    try:
        if lock is not None and not lock.held:
            lock.require()  # a new file: claimed as soon as it exists
    except BaseException:
        store.close()
        raise
    return _with_current_library(store)


def _with_current_library(store: Store) -> Store:
    try:
        folder = resource("library")
        with store.transaction() as tx:
            if library_repo.stored_library_version(tx) != read_library_version(folder):
                library_repo.sync_library(tx, read_library(folder))
    except BaseException:
        store.close()
        raise
    return store


def database_identity(path: Path) -> str:
    """What names one database file however it is reached (device and inode)."""
    return file_identity(path)
