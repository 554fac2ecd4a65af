"""SQLite failures sorted by their result code, not by the words of the message.

Known conditions of the machine (a full disk, an I/O error, a lock, a read-only file, a
damaged file) become the errors Evenside explains in one sentence; any other code is a bug
and is left to propagate. Codes from https://sqlite.org/rescode.html (primary code = the low
byte of an extended code).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from evenside.domain.errors import (
    DamagedDatabase,
    DatabaseLocked,
    DiskError,
    DiskFull,
    EvensideError,
    LocationNotWritable,
)

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def primary_code(exc: BaseException) -> int | None:
    """The primary result code of an sqlite3 error (or of the DBAPI error SQLAlchemy wraps)."""
    original = getattr(exc, "orig", None)
    source = original if isinstance(original, sqlite3.Error) else exc
    code = getattr(source, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


_BY_CODE: dict[int, tuple[type[EvensideError], str]] = {
    SQLITE_FULL: (DiskFull, "The disk is full: {outcome}. Free some space and try again."),
    SQLITE_IOERR: (DiskError, "The disk reported a read or write error on {path}: {outcome}."),
    SQLITE_BUSY: (DatabaseLocked, "{path} is locked by another program: {outcome}."),
    SQLITE_LOCKED: (DatabaseLocked, "{path} is locked by another program: {outcome}."),
    SQLITE_READONLY: (LocationNotWritable, "{path} is read-only: {outcome}."),
    SQLITE_PERM: (LocationNotWritable, "{path} is read-only: {outcome}."),
    SQLITE_CORRUPT: (DamagedDatabase, "{path} is damaged ({detail}): {outcome}."),
    SQLITE_NOTADB: (DamagedDatabase, "{path} is damaged ({detail}): {outcome}."),
    SQLITE_CANTOPEN: (
        DiskError,
        "Cannot open {path} (the file or its folder is out of reach): {outcome}.",
    ),
}


def known_sqlite_error(exc: BaseException, path: Path, outcome: str) -> EvensideError | None:
    """The known error for ``exc`` while working on ``path``; ``outcome`` ends the sentence
    (e.g. "the change was not saved"). None when the code means a bug."""
    code = primary_code(exc)
    if code is None or code not in _BY_CODE:
        return None
    kind, template = _BY_CODE[code]
    detail = getattr(exc, "orig", None) or exc
    return kind(template.format(path=path, outcome=outcome, detail=detail))


def known_os_error(exc: OSError, path: Path, outcome: str) -> EvensideError:
    """A failed file operation as one sentence; a full disk is told apart by its errno."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full: {outcome}. Free some space and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return LocationNotWritable(f"Cannot write to {path} ({exc.strerror}): {outcome}.")
    if exc.errno == errno.EIO:
        return DiskError(f"The disk reported a read or write error on {path}: {outcome}.")
    return DiskError(f"Cannot write {path} ({exc.strerror or exc}): {outcome}.")
