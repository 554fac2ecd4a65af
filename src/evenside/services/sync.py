"""Logging sets on a studio server that may drop away: the offline outbox and the sender.

``log_or_queue`` logs a set on the server as usual; when the server cannot be reached the
set goes to the local outbox (committed and fsynced) and is reported as waiting to send.
``send_waiting`` sends the outbox in the order the sets were logged, each one idempotently
(its UUID is its key on the server), and stops at the first set the server cannot take
while it is unreachable. The outbox is opened again at the next start, so a set queued
before a crash is sent then.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.errors import EvensideError, ServerUnreachable
from evenside.domain.training import SetRecord
from evenside.paths import data_dir
from evenside.services import workout
from evenside.services.store import Store
from evenside.storage import outbox as outbox_store
from evenside.storage.outbox import Outbox, QueuedSet

__all__ = [
    "Outbox",
    "Queued",
    "SendResult",
    "log_or_queue",
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
    problem: str = ""  # why the first waiting set cannot be stored (its exercise removed)


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
    stamped = record if record.logged_at else _stamped(store, record)
    return Queued(outbox.put(session_exercise_id, stamped), reason)


def send_waiting(store: Store, outbox: Outbox) -> SendResult:
    """Send the waiting sets in order; each leaves the outbox only once the server has it."""
    sent = already = 0
    changes = NOTHING
    for queued in outbox.waiting():
        try:
            with store.transaction() as tx:
                added = outbox_store.send(tx, queued)
        except ServerUnreachable:
            break
        except EvensideError as exc:  # kept, in order, until someone decides
            return SendResult(sent, already, outbox.count(), changes, str(exc))
        outbox.done(queued)
        if added:
            sent += 1
            changes = Changes(sets=True, exercises=True)
        else:
            already += 1
    return SendResult(sent, already, outbox.count(), changes)


def _stamped(store: Store, record: SetRecord) -> SetRecord:
    from dataclasses import replace

    return replace(record, logged_at=store.now())
