"""One Evenside at a time for whole-file work: the open window, a restore, an upgrade.

The claim is an advisory lock on the database file itself (``flock``), so it belongs to the
file, not to a path: a hard link, a symlink or another spelling of the same file meets the
same lock, and the lock dies with the process that held it (a crash never leaves it behind).
On Linux ``flock`` and SQLite's own byte-range (``fcntl``) locks do not interfere.

The descriptor is closed only after the process's database connections are closed: closing
any descriptor of a file drops that process's ``fcntl`` locks on it, SQLite's included.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from evenside.domain.errors import DatabaseInUse

IN_USE = (
    "{path} is open in Evenside (a window, or a restore under way); close it and try again. "
    "Nothing was changed."
)


class DatabaseLock:
    """An exclusive claim on one database file, taken without waiting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Claim the file; False (at once) when another process holds it."""
        if self._fd is not None:
            return True
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            return self._acquire_windows()
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return True  # unreadable or gone: opening the file reports why, in its words
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def _acquire_windows(self) -> bool:  # pragma: no cover - exercised on Windows only
        import msvcrt

        sidecar = self.path.with_name(self.path.name + ".lock")
        fd = os.open(sidecar, os.O_RDWR | os.O_CREAT)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def require(self) -> DatabaseLock:
        """Claim the file or raise ``DatabaseInUse`` with one sentence for the user."""
        if not self.acquire():
            raise DatabaseInUse(IN_USE.format(path=self.path))
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def file_identity(path: Path) -> str:
    """Device and inode of ``path`` (the same for every link to one file); the resolved
    path for a file that does not exist yet."""
    try:
        info = path.stat()
    except OSError:
        return str(path.resolve())
    return f"{info.st_dev}:{info.st_ino}"
