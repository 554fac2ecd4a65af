"""Writing a file the user named (an export, a sheet PDF) the way a careful program does.

The target is checked first: a folder, a missing folder, a symbolic link, a device or a pipe
is refused with one sentence and left alone. The data goes to a temporary file in the same
folder, is synced, and is renamed over the final name only when complete, so a full disk or
a crash never leaves half a file under the name the user chose. A new file gets the user's
normal mode (0666 less the umask, applied by the kernel); a file being replaced keeps its own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from evenside.domain.errors import DiskFull, EvensideError, InvalidInput, LocationNotWritable

T = TypeVar("T")
TEMPORARY_PREFIX = ".evenside-"
DISK_FULL_CODES = frozenset({errno.ENOSPC, errno.EDQUOT})
CLOSE_ON_EXEC = getattr(os, "O_CLOEXEC", 0)


def check_output_target(path: Path) -> None:
    """Raise a known error unless ``path`` can become a regular file the user asked for."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _explain(exc, path) from exc
    if info is not None:
        _refuse_non_regular(path, info.st_mode)
    folder = path.parent
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink():
            raise InvalidInput(f"{folder} is not a folder; {path} was not written.", "path")
        raise InvalidInput(f"The folder {folder} does not exist.", "path")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LocationNotWritable(f"Cannot write to the folder {folder}; nothing was written.")


def _refuse_non_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InvalidInput(f"{path} is a folder; give a file name.", "path")
    if stat.S_ISLNK(mode):
        raise InvalidInput(
            f"{path} is a symbolic link; Evenside leaves it alone. Give a regular file.", "path"
        )
    if not stat.S_ISREG(mode):
        raise InvalidInput(
            f"{path} is not a regular file (a device, pipe or socket); Evenside leaves it alone.",
            "path",
        )


def _explain(exc: OSError, path: Path) -> EvensideError:
    """An operating-system error as one sentence the user can act on."""
    if exc.errno in DISK_FULL_CODES:
        return DiskFull(f"The disk is full; {path} was not written and nothing was changed.")
    if exc.errno == errno.ENAMETOOLONG:
        return InvalidInput(f"The file name is too long for the file system: {path}", "path")
    if exc.errno == errno.ENOTDIR:
        return InvalidInput(f"A part of {path} is a file, not a folder.", "path")
    return LocationNotWritable(f"Cannot write {path}: {exc.strerror or exc}.")


def temporary_beside(path: Path) -> Path:
    """Create an empty, unique, hidden file in ``path``'s folder (mode 0666 less the umask)."""
    while True:
        candidate = path.parent / f"{TEMPORARY_PREFIX}{secrets.token_hex(6)}.tmp"
        try:
            handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | CLOSE_ON_EXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _explain(exc, path) from exc
        os.close(handle)
        return candidate


def put_in_place(temporary: Path, path: Path) -> None:
    """Sync ``temporary`` and rename it to ``path``; the temporary file is gone either way."""
    try:
        with contextlib.suppress(FileNotFoundError):
            _refuse_non_regular(path, path.lstat().st_mode)  # appeared since the check
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        handle = os.open(temporary, os.O_RDWR | CLOSE_ON_EXEC)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as exc:
        raise _explain(exc, path) from exc
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(path: Path, write: Callable[[TextIO], T]) -> T:
    """Check ``path``, let ``write`` fill a temporary file beside it, then rename it into place.

    A known error (disk full, no permission) leaves the final name as it was and no
    temporary file behind."""
    check_output_target(path)
    temporary = temporary_beside(path)
    try:
        with open(temporary, "w", newline="", encoding="utf-8") as out:
            result = write(out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _explain(exc, path) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    put_in_place(temporary, path)
    return result


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY | CLOSE_ON_EXEC)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
