"""Opening an Evenside file safely: inspect first (read-only), refuse what is not ours,
back up before an upgrade, then connect with durable pragmas.

Inspection uses the standard library's sqlite3 in read-only mode so that a file we refuse
(another program's database, a newer Evenside's, random bytes) is left byte-identical:
even switching on WAL would rewrite its header.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from evenside.domain.errors import (
    DamagedDatabase,
    DatabaseLocked,
    EvensideError,
    LocationNotWritable,
    NewerDatabase,
    NotADatabase,
)
from evenside.storage.file_copy import backup_copy, ensure_free_space, size_of, unique_path
from evenside.storage.file_lock import DatabaseLock
from evenside.storage.sqlite_errors import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    known_sqlite_error,
    primary_code,
)

# The revisions this version ships, oldest first. A test checks this against Alembic's
# scripts; keeping the list here lets start-up decide without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]
DbSession = Session  # what use cases receive inside a transaction; they never import SQLAlchemy
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"profiles", "exercises", "sessions", "sets"})


@dataclass(frozen=True)
class FileState:
    """What inspection found: a new file, or an Evenside file at ``revision``."""

    exists: bool
    revision: str | None


def inspect_file(path: Path) -> FileState:
    """Decide whether ``path`` may be opened, without writing a byte to it."""
    if not path.exists():
        folder = path.parent
        if folder.exists() and not _writable(folder):
            raise LocationNotWritable(f"Cannot create a database in {folder}: folder is read-only.")
        return FileState(exists=False, revision=None)
    revision = evenside_revision(path)
    _check_writable(path)
    return FileState(exists=True, revision=revision)


def _check_not_truncated(path: Path, header: bytes) -> None:
    """Compare the size the header promises with the file's size (cheap, unlike quick_check)."""
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    # The in-header size is trustworthy only when written by the same change (SQLite docs).
    wal = path.with_name(path.name + "-wal")
    if change_counter == valid_for and page_count and not wal.exists():  # noqa: SIM102
        if path.stat().st_size < page_count * page_size:
            raise DamagedDatabase(
                f"{path} is truncated: it holds {path.stat().st_size} bytes of the "
                f"{page_count * page_size} its header declares."
            )


def _inspection_uri(path: Path, header: bytes) -> str:
    """Read-only, and leaving no side files: a WAL-mode file with no -wal beside it is
    closed (no process has it open), so it is read as immutable, which creates no -wal or
    -shm. A file with a -wal is read through it, so no committed change is missed."""
    wal_mode = header[18:20] == b"\x02\x02"
    wal = path.with_name(path.name + "-wal")
    immutable = "&immutable=1" if wal_mode and not wal.exists() else ""
    return f"{path.resolve().as_uri()}?mode=ro{immutable}"


def _read_revision(path: Path, header: bytes) -> str:
    connection = sqlite3.connect(
        _inspection_uri(path, header), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables or not tables >= OUR_TABLES:
            raise NotADatabase(f"{path} is not an Evenside database (another program's file).")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise NotADatabase(f"{path} is not an Evenside database (no schema version).")
        revision = str(row[0])
        if revision in KNOWN_REVISIONS:
            _quick_check(connection, path)
        return revision
    finally:
        connection.close()


def _quick_check(connection: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick check (pages, records, indexes' order; not index contents): a file
    whose header is intact but whose pages are not is refused at open, not later."""
    result = connection.execute("PRAGMA quick_check(1)").fetchone()
    if result is None or result[0] != "ok":
        detail = result[0] if result else "no answer"
        raise DamagedDatabase(f"{path} is damaged ({detail}). The file was not changed.")


def _writable(path: Path) -> bool:
    # Permission bits are honoured even for root: a file someone marked read-only stays so.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def _check_writable(path: Path) -> None:
    if not _writable(path):
        raise LocationNotWritable(f"{path} is read-only; Evenside needs to write to it.")
    # WAL keeps -wal and -shm files beside the database, so the folder must be writable too.
    if not _writable(path.parent):
        raise LocationNotWritable(
            f"The folder {path.parent} is read-only; Evenside needs to write beside the database."
        )


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a set shown as saved survives power loss
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def backup_path_before_upgrade(path: Path, revision: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return unique_path(
        path.parent, f"{path.stem}.before-upgrade-from-{revision}-{stamp}", path.suffix
    )


@dataclass
class Database:
    """An open Evenside file: its engine and a session factory for the use cases."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    upgraded_from: str | None = None
    backup: Path | None = None
    url: str | None = None  # a server database (its address, password hidden); None: a file

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case's unit of work; known SQLite failures become known errors."""
        try:
            with self.sessions.begin() as tx:
                yield tx
        except OperationalError as exc:
            if self.url is not None:
                from evenside.storage.server import translate_server_error

                raise translate_server_error(exc, self.url) from exc
            raise translate_operational_error(exc, self.path) from exc

    def close(self) -> None:
        self.engine.dispose()


def translate_operational_error(exc: OperationalError, path: Path) -> EvensideError | Exception:
    """A known SQLite condition (by its result code) as a known error; others are bugs."""
    return known_sqlite_error(exc, path, "the change was not saved") or exc


def open_database(
    path: Path, *, now: datetime | None = None, lock: DatabaseLock | None = None
) -> Database:
    """Open (or create) the Evenside file at ``path``, upgrading its schema if due.

    Raises a known error, leaving the file untouched, for anything that is not an Evenside
    database this version can open. An upgrade is whole-file work: it runs under ``lock``
    (the caller's claim on the file) or a claim of its own, refused while another Evenside
    has the file open.
    """
    state = inspect_file(path)
    if not state.exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    upgrading = state.exists and state.revision not in (None, HEAD_REVISION)
    own_claim = None
    if upgrading:  # checked before the first connection, which would switch on WAL
        if lock is None or not lock.held:
            own_claim = lock = DatabaseLock(path).require()
        try:
            ensure_free_space(path.parent, 2 * size_of(path), "upgrade the database safely")
        except EvensideError:
            if own_claim is not None:
                own_claim.release()
            raise
    try:
        return _connect_and_upgrade(path, state, now, upgrading)
    finally:
        if own_claim is not None:
            own_claim.release()


def _connect_and_upgrade(
    path: Path, state: FileState, now: datetime | None, upgrading: bool
) -> Database:
    engine = make_engine(path)
    database = Database(path, engine, sessionmaker(engine, expire_on_commit=False))
    if state.exists:
        _check_not_locked(engine, path)
    if state.revision == HEAD_REVISION:
        return database
    if upgrading and state.revision is not None:
        try:
            database.backup = backup_copy(
                path, backup_path_before_upgrade(path, state.revision, now or datetime.now())
            )
        except EvensideError:
            engine.dispose()
            raise
        database.upgraded_from = state.revision
    _upgrade(engine, path)
    return database


def _upgrade(engine: Engine, path: Path) -> None:
    from evenside.storage import migrate  # Alembic only when an upgrade is due

    try:
        with engine.connect() as connection:  # upgrade() owns the transaction (FKs off first)
            migrate.upgrade(connection)
    except OperationalError as exc:
        engine.dispose()
        raise translate_operational_error(exc, path) from exc
    except EvensideError:
        engine.dispose()
        raise


LOCK_PROBE_MS = 1500


def _check_not_locked(engine: Engine, path: Path) -> None:
    """Refuse now, with a clear message, a file another program is writing to, rather than
    fail at the first set logged. Takes the write lock briefly and changes nothing."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {LOCK_PROBE_MS}")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            connection.exec_driver_sql("ROLLBACK")
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except OperationalError as exc:
        engine.dispose()
        if primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
            raise DatabaseLocked(
                f"{path} is in use by another program (locked); close it and try again."
            ) from exc
        raise translate_operational_error(exc, path) from exc


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def check_backup_file(path: Path) -> str:
    """Raise a known error unless ``path`` is an intact Evenside database of a version this
    program knows; returns its schema revision. Reads only, and leaves no side files."""
    revision = evenside_revision(path)
    with path.open("rb") as handle:
        header = handle.read(100)
    connection = sqlite3.connect(_inspection_uri(path, header), uri=True)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise (known_sqlite_error(exc, path, "nothing was restored") or exc) from exc
    finally:
        connection.close()
    if result is None or result[0] != "ok":
        raise DamagedDatabase(f"{path} is damaged ({result[0] if result else 'no answer'}).")
    return revision


def evenside_revision(path: Path) -> str:
    """The schema revision of the Evenside database at ``path``, read without writing a
    byte; a known error for anything this version cannot open."""
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not an Evenside database.")
    if not path.is_file():
        raise NotADatabase(f"{path} does not exist or is not a file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotADatabase(f"Cannot read {path}: {exc.strerror}.") from exc
    if not header:
        raise NotADatabase(f"{path} is an empty file, not an Evenside database.")
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotADatabase(f"{path} is not an Evenside database (not an SQLite file).")
    _check_not_truncated(path, header)
    try:
        revision = _read_revision(path, header)
    except sqlite3.Error as exc:
        known = known_sqlite_error(exc, path, "the file was not changed")
        if known is None:
            raise
        raise known from exc
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabase(
            f"{path} was written by a newer version of Evenside (schema {revision}); "
            "update Evenside to open it. The file was not changed."
        )
    return revision
