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
from sqlalchemy.engine import URL, make_url
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
    """The outbox file for one server (its address without password) and one profile."""
    digest = hashlib.sha1(f"{server}|{profile_id}".encode(), usedforsecurity=False)
    return folder / FOLDER / f"{digest.hexdigest()[:16]}.sqlite"


def waiting_for_server(folder: Path, server: str) -> int:
    """How many sets wait on this laptop for ``server``, over all its profiles, without
    knowing their ids: each outbox file names its server (password left out of the
    comparison). Files that cannot be read are skipped, never changed."""
    total = 0
    for path in sorted((folder / FOLDER).glob("*.sqlite")):
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if _names(db, path, folder, server):
                total += int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
        except sqlite3.Error:
            continue
        finally:
            db.close()
    return total


def _names(db: sqlite3.Connection, path: Path, folder: Path, server: str) -> bool:
    """Whether the outbox file open in ``db`` is ``server``'s."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "about" in tables:
        row = db.execute("SELECT value FROM about WHERE key = 'server'").fetchone()
        return row is not None and same_server(str(row[0]), server)
    return any(  # an outbox file from before: its name is the hash of server and profile
        outbox_path(folder, server, profile_id).name == path.name
        for profile_id in range(1, LEGACY_PROFILE_IDS + 1)
    )


def same_server(one: str, other: str) -> bool:
    """Whether two addresses name the same server, database and trainer (a password, or
    its mask, is no part of the comparison)."""
    return _without_password(one) == _without_password(other)


def _without_password(address: str) -> str:
    try:
        url = make_url(address)
    except ArgumentError:
        return address
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database)
    return bare.update_query_dict(dict(url.query)).render_as_string(hide_password=False)


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
