"""The offline outbox: sets logged while the studio server cannot be reached.

A small SQLite file in the user's data folder, one per server and profile. Every set is
committed with ``synchronous=FULL`` (fsynced before ``put`` returns), so closing the app or
killing it loses nothing; the outbox is read again at the next start. Each set carries a
UUID made here, stored on the server in ``sets.source_key`` as ``outbox:<uuid>``: the
column's unique index makes a resend a no-op, never a second set.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound, SetRefused
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.storage import session_repo
from evenside.storage.models import SessionExerciseRow, SetRow
from evenside.storage.outbox_files import (
    earlier_files,
    outbox_path,
    same_server,
    server_key,
    waiting_for_server,
)

__all__ = [
    "Outbox",
    "QueuedSet",
    "SetAside",
    "earlier_files",
    "outbox_path",
    "same_server",
    "send",
    "server_key",
    "waiting_for_server",
]

KEY_PREFIX = "outbox:"
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
# Sets the server refused for good: kept on this laptop, out of the sending order.
ASIDE = """
CREATE TABLE IF NOT EXISTS set_aside (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    set_uuid TEXT NOT NULL UNIQUE,
    session_exercise_id INTEGER NOT NULL,
    record_json TEXT NOT NULL,
    reason TEXT NOT NULL
)
"""
GONE = "the exercise was removed from the session on another laptop"


@dataclass(frozen=True)
class QueuedSet:
    seq: int
    set_uuid: str
    session_exercise_id: int
    record: SetRecord
    exercise: str = ""  # its exercise's name, as the set was logged
    exercise_id: int | None = None

    @property
    def source_key(self) -> str:
        return KEY_PREFIX + self.set_uuid


@dataclass(frozen=True)
class SetAside:
    """A set the server refused for good, kept on this laptop, and why."""

    queued: QueuedSet
    reason: str


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
        self._db.execute(ASIDE)
        if server is not None:  # so the file can be found by its server alone
            about = [("server", server)]
            if profile_id is not None:
                about.append(("profile_id", str(profile_id)))
            self._db.executemany("INSERT OR REPLACE INTO about (key, value) VALUES (?, ?)", about)

    def put(
        self,
        session_exercise_id: int,
        record: SetRecord,
        exercise: str = "",
        exercise_id: int | None = None,
    ) -> QueuedSet:
        """Commit (fsynced) one set to the outbox under a new UUID."""
        queued = QueuedSet(0, str(uuid.uuid4()), session_exercise_id, record, exercise, exercise_id)
        return self.put_back(queued)

    def put_back(self, queued: QueuedSet) -> QueuedSet:
        """Queue ``queued`` (under its own UUID) behind the sets waiting now."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute(
                "INSERT INTO outbox (set_uuid, session_exercise_id, record_json) VALUES (?, ?, ?)",
                (queued.set_uuid, queued.session_exercise_id, _to_json(queued)),
            )
        assert cursor.lastrowid is not None
        return replace(queued, seq=cursor.lastrowid)

    def waiting(self) -> list[QueuedSet]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, set_uuid, session_exercise_id, record_json FROM outbox ORDER BY seq"
            ).fetchall()
        return [_queued(*row) for row in rows]

    def withdraw(self, set_uuid: str) -> bool:
        """Take a set out of the outbox before it is sent (undone): True if it was there."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute("DELETE FROM outbox WHERE set_uuid = ?", (set_uuid,))
        return cursor.rowcount > 0

    def set_aside(self, queued: QueuedSet, reason: str) -> None:
        """Move a set the server refused for good out of the sending order, keeping it."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT OR IGNORE INTO set_aside (set_uuid, session_exercise_id, record_json, "
                "reason) VALUES (?, ?, ?, ?)",
                (queued.set_uuid, queued.session_exercise_id, _to_json(queued), reason),
            )
            self._db.execute("DELETE FROM outbox WHERE seq = ?", (queued.seq,))

    def aside(self) -> list[SetAside]:
        """The sets set aside, in the order they were logged."""
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, set_uuid, session_exercise_id, record_json, reason FROM set_aside "
                "ORDER BY seq"
            ).fetchall()
        return [SetAside(_queued(*row[:4]), str(row[4])) for row in rows]

    def forget_aside(self, set_uuid: str) -> None:
        """Drop a set set aside once it is on the server after all (put back)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM set_aside WHERE set_uuid = ?", (set_uuid,))

    def aside_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM set_aside").fetchone()[0])

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
    The insert and its key are one transaction, so a set is never stored without its key.
    Raises ``SetRefused`` when the server will never take it (its exercise is gone, or the
    server refuses the row); a lost connection stays an ``OperationalError``."""
    present = tx.execute(select(SetRow.id).where(SetRow.source_key == queued.source_key)).first()
    if present is not None:
        return False
    exercise = select(SessionExerciseRow.id).where(
        SessionExerciseRow.id == queued.session_exercise_id
    )
    try:
        if tx.execute(exercise).first() is None:  # removed, or no longer this trainer's
            raise SetRefused(GONE)
        logged = session_repo.log_set(tx, queued.session_exercise_id, queued.record)
    except NotFound as exc:  # removed between the look and the insert
        raise SetRefused(GONE) from exc
    except DBAPIError as exc:
        if isinstance(exc, OperationalError):
            raise
        first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        raise SetRefused(f"the server refused them ({first})") from exc
    try:
        with tx.begin_nested():
            tx.execute(
                update(SetRow).where(SetRow.id == logged.id).values(source_key=queued.source_key)
            )
    except IntegrityError:  # another laptop sent the same set meanwhile
        tx.execute(delete(SetRow).where(SetRow.id == logged.id))
        return False
    return True


def find_sent(tx: Session, source_key: str) -> int | None:
    """The id on the server of the set sent under ``source_key``, if it is there."""
    return tx.execute(select(SetRow.id).where(SetRow.source_key == source_key)).scalar()


def _queued(seq: int, set_uuid: str, session_exercise_id: int, data: str) -> QueuedSet:
    values = json.loads(data)
    return QueuedSet(
        seq,
        set_uuid,
        session_exercise_id,
        _from_json(values),
        str(values.get("exercise", "")),
        values.get("exercise_id"),
    )


def _to_json(queued: QueuedSet) -> str:
    record = queued.record
    return json.dumps(
        {
            "exercise": queued.exercise,
            "exercise_id": queued.exercise_id,
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


def _from_json(values: dict[str, Any]) -> SetRecord:
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
