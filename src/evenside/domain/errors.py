"""The errors Evenside knows about and can explain to the user in one sentence.

Anything else that is raised is a bug and is reported as one.
"""

from __future__ import annotations


class EvensideError(Exception):
    """A known problem with a message fit to show the user as it is."""


class InvalidInput(EvensideError):
    """A value the user typed or a file supplied is out of range or malformed."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotADatabase(EvensideError):
    """The file is not an Evenside database (empty, random bytes, another program's SQLite)."""


class NewerDatabase(EvensideError):
    """The file was written by a newer Evenside; opening it could damage it."""


class DamagedDatabase(EvensideError):
    """The file looks like an Evenside database but SQLite reports it damaged or truncated."""


class LocationNotWritable(EvensideError):
    """The database or its folder cannot be written (permissions, read-only media)."""


class DatabaseLocked(EvensideError):
    """Another program holds a write lock on the database."""


class DiskFull(EvensideError):
    """The disk is full; the change was not saved."""


class NotFound(EvensideError):
    """A named thing (profile, exercise, routine) does not exist."""


class DiskError(EvensideError):
    """The disk could not be read or written (an I/O error, not a full disk)."""


class DatabaseInUse(EvensideError):
    """Another Evenside has the database open, and the operation needs it to itself."""


class ServerUnreachable(EvensideError):
    """A database server did not answer, refused the login, or dropped the connection."""


class LoginRefused(ServerUnreachable):
    """The server answered but refused the login: a wrong or missing password, or no
    entry for this trainer in its access rules. Waiting would not help."""


class SetRefused(EvensideError):
    """The server refused a set waiting on this laptop for good (its exercise or session is
    gone, or a rule of the server's refuses it): waiting would not help."""
