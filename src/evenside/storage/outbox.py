"""The offline outbox: sets logged while the studio server cannot be reached.

A small SQLite file in the user's data folder, one per server and profile. Every set is
committed with ``synchronous=FULL`` (fsynced before ``put`` returns), so closing the app or
killing it loses nothing; the outbox is read again at the next start. Each set carries a
UUID made here, stored on the server in ``sets.source_key`` as ``outbox:<uuid>``: the
column's unique index makes a resend a no-op, never a second set.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import Session

from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.storage import session_repo
from evenside.storage.models import SetRow

KEY_PREFIX = "outbox:"
FOLDER = "outbox"
# Outbox files from before the "about" table name no server: matched by their file name
# against the profile ids a studio plausibly has.
LEGACY_PROFILE_IDS = 2000
ABOUT = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    set_uuid TEXT NOT NULL UNIQUE,
    session_exercise_id INTEGER NOT NULL,
    record_json TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class QueuedSet:
    seq: int
    set_uuid: str
    session_exercise_id: int
    record: SetRecord

    @property
    def source_key(self) -> str:
        return KEY_PREFIX + self.set_uuid


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


class Outbox:
    """Sets waiting to be sent, in the order they were logged."""

    def __init__(
        self, path: Path, server: str | None = None, profile_id: int | None = None
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # Used by the window and by the sender behind it: one at a time.
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=DELETE")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(SCHEMA)
        self._db.execute(ABOUT)
        if server is not None:  # so the file can be found by its server alone
            about = [("server", server)]
            if profile_id is not None:
                about.append(("profile_id", str(profile_id)))
            self._db.executemany("INSERT OR REPLACE INTO about (key, value) VALUES (?, ?)", about)

    def put(self, session_exercise_id: int, record: SetRecord) -> QueuedSet:
        """Commit (fsynced) one set to the outbox under a new UUID."""
        set_uuid = str(uuid.uuid4())
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute(
                "INSERT INTO outbox (set_uuid, session_exercise_id, record_json) VALUES (?, ?, ?)",
                (set_uuid, session_exercise_id, _to_json(record)),
            )
        assert cursor.lastrowid is not None
        return QueuedSet(cursor.lastrowid, set_uuid, session_exercise_id, record)

    def waiting(self) -> list[QueuedSet]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, set_uuid, session_exercise_id, record_json FROM outbox ORDER BY seq"
            ).fetchall()
        return [QueuedSet(seq, key, se_id, _from_json(data)) for seq, key, se_id, data in rows]

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def done(self, queued: QueuedSet) -> None:
        """Forget a set the server has (called only after the server's commit)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM outbox WHERE seq = ?", (queued.seq,))

    def take_over(self, earlier: Path) -> int:
        """Move the sets waiting in the outbox file ``earlier`` (this server's and profile's,
        filed under another name) behind the ones here, then remove that file: committed
        here first, so a crash between leaves a set in both, sent once by its key."""
        source = sqlite3.connect(earlier, isolation_level=None)
        try:
            rows = source.execute(
                "SELECT set_uuid, session_exercise_id, record_json FROM outbox ORDER BY seq"
            ).fetchall()
            with self._lock, self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR IGNORE INTO outbox (set_uuid, session_exercise_id, record_json) "
                    "VALUES (?, ?, ?)",
                    rows,
                )
        finally:
            source.close()
        earlier.unlink()
        return len(rows)

    def close(self) -> None:
        with self._lock:
            self._db.close()


def send(tx: Session, queued: QueuedSet) -> bool:
    """Store ``queued`` on the server unless it is there already: True when it was added.
    The insert and its key are one transaction, so a set is never stored without its key."""
    present = tx.execute(select(SetRow.id).where(SetRow.source_key == queued.source_key)).first()
    if present is not None:
        return False
    logged = session_repo.log_set(tx, queued.session_exercise_id, queued.record)
    try:
        with tx.begin_nested():
            tx.execute(
                update(SetRow).where(SetRow.id == logged.id).values(source_key=queued.source_key)
            )
    except IntegrityError:  # another laptop sent the same set meanwhile
        tx.execute(delete(SetRow).where(SetRow.id == logged.id))
        return False
    return True


def _to_json(record: SetRecord) -> str:
    return json.dumps(
        {
            "side": record.side.value,
            "weight_kg": record.weight_kg,
            "reps": record.reps,
            "kind": record.kind.value,
            "logged_at": record.logged_at.isoformat() if record.logged_at else None,
            "duration_seconds": record.duration_seconds,
            "rpe": record.rpe,
            "rir": record.rir,
            "volume_override": record.volume_override,
        }
    )


def _from_json(data: str) -> SetRecord:
    values = json.loads(data)
    logged_at = values["logged_at"]
    return SetRecord(
        side=Side(values["side"]),
        weight_kg=values["weight_kg"],
        reps=values["reps"],
        kind=SetKind(values["kind"]),
        logged_at=datetime.fromisoformat(logged_at) if logged_at else None,
        duration_seconds=values["duration_seconds"],
        rpe=values["rpe"],
        rir=values["rir"],
        volume_override=values["volume_override"],
    )
