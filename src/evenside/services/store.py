"""An open Evenside database as the use cases see it, and the clock they read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evenside.interchange.library_file import read_library, read_library_version
from evenside.resources_locator import resource
from evenside.storage import library_repo
from evenside.storage.database import Database, DbSession, open_database


@dataclass
class Store:
    """Handle passed to every use case. Screens hold one but never look inside it."""

    database: Database
    clock: Callable[[], datetime] = field(default=datetime.now)

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def upgrade_backup(self) -> Path | None:
        """The copy made before this start-up upgraded the file, if it did."""
        return self.database.backup

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        with self.database.transaction() as session:
            yield session

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def close(self) -> None:
        self.database.close()


def open_store(path: Path, clock: Callable[[], datetime] = datetime.now) -> Store:
    """Open or create the database at ``path`` and bring its library up to date."""
    store = Store(open_database(path, now=clock()), clock)
    folder = resource("library")
    with store.transaction() as session:
        if library_repo.stored_library_version(session) != read_library_version(folder):
            library_repo.sync_library(session, read_library(folder))
    return store
