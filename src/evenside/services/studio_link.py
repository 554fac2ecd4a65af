"""A window's link to a studio server: where it is and who is signed in, whether the server
answers, the sets waiting in the outbox, and what others changed since the last look.

Passwords are never written by Evenside: they come from the URL given for this run, the
OS keyring (the ``keyring`` package, when installed), a prompt, or PostgreSQL's own
``PGPASSFILE``, which the driver reads by itself.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.errors import LoginRefused, ServerUnreachable
from evenside.services import sync
from evenside.services.store import Store
from evenside.storage import server_watch
from evenside.storage.outbox import Outbox, server_key
from evenside.storage.server import connect_timeout, display_url
from evenside.storage.server_watch import ServerName, server_name, server_url, with_password

__all__ = [
    "KEYRING_SERVICE",
    "Outbox",
    "Stamps",
    "connect_timeout",
    "display_url",
    "Poll",
    "ServerName",
    "server_name",
    "server_url",
    "with_password",
]

KEYRING_SERVICE = "Evenside studio"
RETRY_CONNECT_TIMEOUT_S = 3  # a look while the window waits for the server
Stamps = dict[str, tuple[int, int]]
# What a moved stamp means to the pages (the keys of ``server_watch.WATCHED``).
FLAGS = {
    "sessions": Changes(sessions=True),
    "exercises": Changes(exercises=True),
    "sets": Changes(sets=True),
    "routines": Changes(routines=True),
    "measurements": Changes(measurements=True),
    "profiles": Changes(profiles=True),
    "assessments": Changes(assessments=True),
}


@dataclass(frozen=True)
class Poll:
    """One look at the server."""

    connected: bool
    waiting: int  # sets in the outbox after this look
    stamps: Stamps | None  # None when the server did not answer
    changes: Changes = NOTHING  # what others (or the outbox's sending) changed
    problem: str = ""  # why waiting sets are not sent although the server answers
    not_sent: tuple[str, ...] = ()  # sets the server refused for good, in plain words
    set_aside_now: int = 0  # of them, refused at this look


_outboxes: dict[tuple[str, int], Outbox] = {}


def outbox_for(store: Store, profile_id: int, folder: Path | None = None) -> Outbox | None:
    """The one outbox of this server and profile in this program (None: a database file)."""
    if store.server is None:
        return None
    key = (server_key(store.server), profile_id)
    if key not in _outboxes:
        opened = sync.open_outbox(store, profile_id, folder)
        assert opened is not None
        _outboxes[key] = opened
    return _outboxes[key]


def close_outboxes() -> None:
    for outbox in _outboxes.values():
        outbox.close()
    _outboxes.clear()


def poll(store: Store, outbox: Outbox | None, before: Stamps | None) -> Poll:
    """Ask the server for its change stamps; when it answers, send what waits."""
    not_sent = tuple(group.words for group in sync.not_sent(outbox)) if outbox else ()
    try:
        stamps = server_watch.change_stamps(store.database)
    except ServerUnreachable:
        return Poll(False, outbox.count() if outbox else 0, None, not_sent=not_sent)
    changes = _changed(before, stamps)
    problem, aside = "", 0
    if outbox is not None and outbox.count():
        sent = sync.send_waiting(store, outbox)
        changes, problem, aside = changes | sent.changes, sent.problem, sent.set_aside
        not_sent = tuple(group.words for group in sync.not_sent(outbox))
    waiting = outbox.count() if outbox else 0
    return Poll(True, waiting, stamps, changes, problem, not_sent, aside)


def _changed(before: Stamps | None, now: Stamps) -> Changes:
    if before is None:
        return NOTHING
    changes = NOTHING
    for flag, stamp in now.items():
        if before.get(flag) != stamp:
            changes = changes | FLAGS[flag]
    return changes


def _keyring() -> Any | None:
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def keyring_available() -> bool:
    return _keyring() is not None


def _account(url: str) -> str:
    name = server_name(url)
    return f"{name.trainer}@{name.where}/{name.database}"


def stored_password(url: str) -> str | None:
    """The trainer's password for ``url`` from the OS keyring, if one is kept there."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, _account(url))
    except Exception:  # noqa: BLE001 - a locked or absent keyring: ask instead
        return None
    return str(found) if found else None


def remember_password(url: str, password: str) -> bool:
    """Keep ``password`` in the OS keyring (never in a file of Evenside's): True if kept."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _account(url), password)
    except Exception:  # noqa: BLE001 - no keyring backend: the password is asked next time
        return False
    return True


def open_studio(url: str, password: str = "") -> Store:
    """Open the studio server at ``url`` (no password in it: ``password``, else the OS
    keyring's, else PGPASSFILE's). Raises ``ServerUnreachable`` with the server's reason."""
    from evenside.services.store import open_store

    if server_watch.has_password(url) and not password:
        return open_store(url)  # given on the command line for this run
    secret = password or stored_password(url)
    store = open_store(with_password(url, secret) if secret else url)
    # Shown and remembered by the address without its password.
    return store


def _with_kept_password(url: str) -> str:
    """``url`` with the password ``open_studio`` would use when none is typed."""
    if server_watch.has_password(url):
        return url
    secret = stored_password(url)
    return with_password(url, secret) if secret else url


def probe(url: str) -> None:
    """Whether the server at ``url`` answers now, in at most ``RETRY_CONNECT_TIMEOUT_S``:
    raises ``ServerUnreachable`` with its reason when it does not."""
    from evenside.storage.server import probe as probe_server

    probe_server(_with_kept_password(url), RETRY_CONNECT_TIMEOUT_S)


def unreachable(exc: BaseException) -> bool:
    """Whether ``exc`` says the server cannot be reached now (waiting may help), rather
    than that it refused the password or the database (waiting would not)."""
    return isinstance(exc, ServerUnreachable) and not refused_login(exc)


def refused_login(exc: BaseException) -> bool:
    """Whether the server answered but refused the login (a wrong or missing password):
    asking the password again may help, waiting would not."""
    return isinstance(exc, LoginRefused) or (
        isinstance(exc, ServerUnreachable) and needs_password(exc)
    )


def waiting_for(url: str, folder: Path | None = None) -> int:
    """Sets waiting on this laptop for the server at ``url``, for every profile."""
    return sync.waiting_for_server(display_url(_with_kept_password(url)), folder)


def needs_password(exc: Exception) -> bool:
    """Whether the server refused the login for want of (the right) password."""
    return "password" in str(exc).lower()
