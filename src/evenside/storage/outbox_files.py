"""Finding the outbox files of one studio server on this laptop: each file is named by the
server's identity (``server_key``) and a profile, and names its server inside (its "about"
table). Files of an older Evenside are named by the exact address text instead; they are
still found, so the sets in them are sent."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

FOLDER = "outbox"
# Outbox files from before the "about" table name no server: matched by their file name
# against the profile ids a studio plausibly has.
LEGACY_PROFILE_IDS = 2000


def outbox_path(folder: Path, server: str, profile_id: int) -> Path:
    """The outbox file for one server (by its identity: ``server_key``) and one profile."""
    digest = hashlib.sha1(f"{server_key(server)}|{profile_id}".encode(), usedforsecurity=False)
    return folder / FOLDER / f"{digest.hexdigest()[:16]}.sqlite"


def _legacy_path(folder: Path, server: str, profile_id: int) -> Path:
    """Where an older Evenside kept the outbox: named by the exact address text."""
    digest = hashlib.sha1(f"{server}|{profile_id}".encode(), usedforsecurity=False)
    return folder / FOLDER / f"{digest.hexdigest()[:16]}.sqlite"


def server_key(address: str) -> str:
    """A server's identity: its host(s), port, database and user. The password and the
    query's connection options (sslmode, connect_timeout, application_name, ...) are no
    part of it: the same server reached with other options is the same server."""
    try:
        url = make_url(address)
    except ArgumentError:
        return address
    query = url.query

    def option(name: str) -> str:
        value = query.get(name)
        return ",".join(value) if isinstance(value, tuple) else (value or "")

    host = url.host or option("host") or option("hostaddr")
    port = str(url.port or option("port") or 5432)
    database = url.database or option("dbname")
    user = url.username or option("user")
    return f"{user}@{host}:{port}/{database}"


def earlier_files(folder: Path, server: str, profile_id: int) -> list[Path]:
    """Outbox files of this server and profile filed under another name (by an older
    Evenside, or under another spelling of the address): their sets are still to send."""
    found = []
    kept = outbox_path(folder, server, profile_id)
    for path in sorted((folder / FOLDER).glob("*.sqlite")):
        if path == kept:
            continue
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if _owner(db, path, folder, server) in {str(profile_id), "?"}:
                found.append(path)
        except sqlite3.Error:
            continue
        finally:
            db.close()
    return found


def waiting_for_server(folder: Path, server: str) -> int:
    """How many sets wait on this laptop for ``server``, over all its profiles, without
    knowing their ids: each outbox file names its server (compared by ``server_key``).
    Files that cannot be read are skipped, never changed."""
    total = 0
    for path in sorted((folder / FOLDER).glob("*.sqlite")):
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if _owner(db, path, folder, server) is not None:
                total += int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
        except sqlite3.Error:
            continue
        finally:
            db.close()
    return total


def _owner(db: sqlite3.Connection, path: Path, folder: Path, server: str) -> str | None:
    """The profile id (as text, "?" when not written) the outbox file open in ``db`` keeps
    sets of on ``server``; None when it is another server's."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "about" in tables:
        about = dict(db.execute("SELECT key, value FROM about").fetchall())
        if "server" not in about or not same_server(str(about["server"]), server):
            return None
        return str(about.get("profile_id", "?"))
    for profile_id in range(1, LEGACY_PROFILE_IDS + 1):  # its name: server and profile
        names = {_legacy_path(folder, server, profile_id).name}
        names.add(outbox_path(folder, server, profile_id).name)
        if path.name in names:
            return str(profile_id)
    return None


def same_server(one: str, other: str) -> bool:
    """Whether two addresses name the same server, database and trainer (``server_key``)."""
    return server_key(one) == server_key(other)
