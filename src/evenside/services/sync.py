"""Logging sets on a studio server that may drop away: the offline outbox and the sender.

``log_or_queue`` logs a set on the server as usual; when the server cannot be reached the
set goes to the local outbox (committed and fsynced) and is reported as waiting to send.
``send_waiting`` sends the outbox in the order the sets were logged, each one idempotently
(its UUID is its key on the server), and stops at the first set the server cannot take
while it is unreachable. A set the server refuses for good (its exercise removed on
another laptop) is set aside, kept on this laptop and listed with why (``not_sent``),
and the sets behind it are sent. ``QueuedUndo`` is Ctrl+Z of a set that went through
the outbox: taken out while it waits, deleted by its key once sent. The outbox is opened
again at the next start, so a set queued before a crash is sent then.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.errors import EvensideError, NotFound, ServerUnreachable, SetRefused
from evenside.domain.training import LoggedSet, SetRecord
from evenside.domain.wording import counted
from evenside.paths import data_dir
from evenside.services import workout
from evenside.services.store import Store
from evenside.storage import outbox as outbox_store
from evenside.storage.outbox import Outbox, QueuedSet, SetAside

__all__ = [
    "Outbox",
    "Queued",
    "QueuedUndo",
    "NotSent",
    "SetAside",
    "SendResult",
    "log_or_queue",
    "not_sent",
    "open_outbox",
    "send_waiting",
    "waiting_for_server",
]


@dataclass(frozen=True)
class Queued:
    """A set kept in the outbox because the server could not be reached."""

    queued: QueuedSet
    reason: str
    changes: Changes = NOTHING


@dataclass(frozen=True)
class SendResult:
    sent: int  # added on the server now
    already_there: int  # sent before (a resend after a crash mid-send): not added again
    waiting: int  # still in the outbox (the server dropped away again, or ``problem``)
    changes: Changes = NOTHING
    set_aside: int = 0  # refused for good now: kept on this laptop, out of the order
    problem: str = ""  # why the first waiting set cannot be sent although the server answers


def open_outbox(store: Store, profile_id: int, folder: Path | None = None) -> Outbox | None:
    """The outbox for ``store``'s server (by its identity, whatever options its address
    carries) and ``profile_id`` (None for a database file)."""
    if store.server is None:
        return None
    folder = folder or data_dir()
    path = outbox_store.outbox_path(folder, store.server, profile_id)
    outbox = Outbox(path, store.server, profile_id)
    # Files of this server and profile under an older name (another spelling of the
    # address, or an older Evenside's naming): their sets join this outbox.
    for earlier in outbox_store.earlier_files(folder, store.server, profile_id):
        outbox.take_over(earlier)
    return outbox


def waiting_for_server(server: str, folder: Path | None = None) -> int:
    """Sets waiting on this laptop for ``server`` (its address), over all its profiles."""
    return outbox_store.waiting_for_server(folder or data_dir(), server)


def log_or_queue(
    store: Store,
    outbox: Outbox,
    session_exercise_id: int,
    record: SetRecord,
    *,
    check_volume: bool = False,
    log_anyway: bool = False,
    exercise: str = "",
    exercise_id: int | None = None,
) -> workout.SetLogged | Queued:
    """Log the set on the server, or keep it in the outbox when the server is away. While
    sets wait, a new one waits behind them, so the server receives them in order."""
    if outbox.count() == 0:
        try:
            return workout.log_set(
                store,
                session_exercise_id,
                record,
                check_volume=check_volume,
                log_anyway=log_anyway,
            )
        except ServerUnreachable as exc:
            reason = str(exc)
    else:
        reason = "earlier sets are still waiting to send"
    stamped = record if record.logged_at else replace(record, logged_at=store.now())
    return Queued(outbox.put(session_exercise_id, stamped, exercise, exercise_id), reason)


def send_waiting(store: Store, outbox: Outbox) -> SendResult:
    """Send the waiting sets in order; each leaves the outbox only once the server has it,
    or once the server refused it for good (then it is set aside, kept on this laptop)."""
    sent = already = aside = 0
    changes = NOTHING
    for queued in outbox.waiting():
        try:
            with store.transaction() as tx:
                added = outbox_store.send(tx, queued)
        except ServerUnreachable:
            break
        except SetRefused as exc:
            outbox.set_aside(queued, str(exc))
            aside += 1
            changes = changes | Changes(sets=True)  # no longer shown as waiting
            continue
        except EvensideError as exc:  # kept, in order, until someone decides
            return SendResult(sent, already, outbox.count(), changes, aside, str(exc))
        outbox.done(queued)
        if added:
            sent += 1
            changes = Changes(sets=True, exercises=True)
        else:
            already += 1
    return SendResult(sent, already, outbox.count(), changes, set_aside=aside)


@dataclass(frozen=True)
class NotSent:
    """Sets of one exercise the server refused for the same reason, and that in words."""

    words: str  # "2 sets of Bulgarian split squat could not be sent: the exercise was ..."
    sets: tuple[SetAside, ...]


def not_sent(outbox: Outbox) -> list[NotSent]:
    """The sets set aside, grouped by exercise and reason, in the order they were logged."""
    groups: dict[tuple[str, str], list[SetAside]] = {}
    for kept in outbox.aside():
        groups.setdefault((kept.queued.exercise, kept.reason), []).append(kept)
    return [
        NotSent(
            f"{counted(len(sets), 'set')}{f' of {name}' if name else ''} could not be sent: {why}.",
            tuple(sets),
        )
        for (name, why), sets in groups.items()
    ]


def put_back(store: Store, outbox: Outbox, session_id: int) -> int:
    """Add the exercise of each set set aside to the session ``session_id`` again and send
    its sets there (each under its own key, so never twice); how many were put back. Sets
    whose exercise is not known stay listed."""
    put = 0
    added: dict[int, int] = {}  # exercise id -> its entry in the session
    for kept in outbox.aside():
        exercise_id = kept.queued.exercise_id
        if exercise_id is None:
            continue
        if exercise_id not in added:
            added[exercise_id] = workout.add_exercise(store, session_id, exercise_id)
        moved = replace(kept.queued, session_exercise_id=added[exercise_id])
        with store.transaction() as tx:
            outbox_store.send(tx, moved)
        outbox.forget_aside(kept.queued.set_uuid)
        put += 1
    return put


class QueuedUndo:
    """Undo and redo of a set that went to the outbox. Undo takes it out of the outbox
    while it waits; once sent, it deletes exactly that set on the server, found by its key
    (``outbox:<uuid>``). Redo queues it again, or puts the deleted set back as it was."""

    def __init__(self, store: Store, outbox: Outbox, queued: QueuedSet) -> None:
        self.store, self.outbox, self.queued = store, outbox, queued
        self._deleted: tuple[int, LoggedSet] | None = None
        self.local = True  # the last undo or redo changed only the outbox, not the server

    def undo(self) -> Changes:
        self.local = self.outbox.withdraw(self.queued.set_uuid)
        if self.local:
            self._deleted = None
            return workout.SET_CHANGED
        with self.store.transaction() as tx:
            set_id = outbox_store.find_sent(tx, self.queued.source_key)
        if set_id is None:
            raise NotFound("That set is no longer on the server: nothing was undone.")
        deleted = workout.delete_set(self.store, set_id)
        self._deleted = (deleted.session_exercise_id, deleted.logged)
        return deleted.changes

    def redo(self) -> Changes:
        deleted, self.local = self._deleted, self._deleted is None
        if deleted is None:
            self.queued = self.outbox.put_back(self.queued)
            return workout.SET_CHANGED
        exercise_id, logged = deleted
        changes = workout.restore_set(self.store, exercise_id, logged)
        self._deleted = None
        return changes
