"""The window on a studio server: the server, the signed-in trainer and the connection
state in the status bar at all times, and the pages kept current with others' changes.

Every few seconds (off the GUI thread, so a server that does not answer never freezes the
window) the server is asked for its change stamps; a stamp that moved is published through
the change hub as if this window had made the change, so every page concerned refreshes.
When the server answers again, the sets waiting in the outbox are sent first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from evenside.domain.wording import counted
from evenside.gui import worker
from evenside.gui.changes import ChangeHub
from evenside.services import studio_link

if TYPE_CHECKING:
    from evenside.services.store import Store

POLL_MS = 5000


NOT_SENT_MENU = "File → Sets not sent…"
KEPT_NOTE = f"They are kept on this laptop: {NOT_SENT_MENU} lists them."


def state_text(connected: bool, waiting: int, not_sent: int = 0) -> str:
    if waiting:
        sending = "sending" if connected else "offline"
        state = f"{sending} · {counted(waiting, 'set')} waiting to send"
    else:
        state = "connected" if connected else "offline: sets are kept on this laptop"
    if not_sent:  # refused by the server for good: its own state, beside the connection's
        state += f" · {counted(not_sent, 'set')} not sent"
    return state


class StudioStatus(QObject):
    """The status bar's studio label and the poll behind it."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        hub: ChangeHub,
        profile_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.store = store
        self._hub = hub
        self._profile_id = profile_id
        name = studio_link.server_name(store.server or "")
        self.where = f"{name.database} on {name.where}" if name.database else name.where
        self.trainer = name.trainer
        self.label = QLabel()
        self.label.setObjectName("studioStatus")
        self.label.setAccessibleName("Studio server connection")
        window.statusBar().addPermanentWidget(self.label)
        self.connected = True
        self.waiting = self._outbox_count()
        self.not_sent: tuple[str, ...] = ()  # in plain words, one line per exercise
        self._stamps: studio_link.Stamps | None = None
        self._busy = False
        self._job: worker.Job | None = None
        # This window's own writes move the stamps too; its pages already show them, so
        # the next look only takes the new stamps instead of refreshing the pages again.
        self._absorb = False
        hub.changed.connect(self._own_change)
        self._show()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll_now)
        self.timer.start()
        self.poll_now()

    def _outbox(self) -> studio_link.Outbox | None:
        profile = self._profile_id()
        return None if profile is None else studio_link.outbox_for(self.store, profile)

    def _outbox_count(self) -> int:
        outbox = self._outbox()
        return outbox.count() if outbox is not None else 0

    def _aside_count(self) -> int:
        outbox = self._outbox()
        return outbox.aside_count() if outbox is not None else 0

    def _show(self) -> None:
        state = state_text(self.connected, self.waiting, self._aside_count())
        self.label.setText(f"Studio: {self.where} · signed in as {self.trainer} · {state}")
        tip = (
            "Sets logged while the server cannot be reached are kept on this laptop and "
            "sent, in order and once each, when it answers again."
        )
        if self.not_sent:
            tip = " ".join((*self.not_sent, KEPT_NOTE))
        self.label.setToolTip(tip)

    def poll_now(self) -> None:
        """Look at the server now (a look already under way is not doubled)."""
        if self._busy:
            return
        self._busy = True
        outbox, before = self._outbox(), None if self._absorb else self._stamps
        self._absorb = False
        self._job = worker.start(
            lambda _job: studio_link.poll(self.store, outbox, before),
            finished=self._polled,
            failed=self._failed,
        )

    def _own_change(self, _changes: object, handler: object) -> None:
        if handler is not self:
            self._absorb = True
            self.recount()

    def recount(self) -> None:
        """Count the outbox again (a waiting set undone, or queued again)."""
        self.waiting = self._outbox_count()
        self._show()

    def note_queued(self) -> None:
        """A set just went to the outbox: say so at once."""
        self.connected = False
        self.waiting = self._outbox_count()
        self._show()

    def _polled(self, result: studio_link.Poll) -> None:
        self._busy = False
        self.connected, self.waiting = result.connected, result.waiting
        self.not_sent = result.not_sent
        if result.stamps is not None:
            self._stamps = result.stamps
        self._show()
        if result.problem:
            self.label.setText(f"{self.label.text()}: {result.problem}")
        if result.set_aside_now:  # said once, when it happens; the label keeps the count
            window = self.parent()
            if isinstance(window, QMainWindow):  # short: read whole beside the label
                said = f"{counted(result.set_aside_now, 'set')} not sent: {NOT_SENT_MENU} says why."
                window.statusBar().showMessage(said, 30000)
        self._hub.publish(result.changes, self)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.connected = False
        self._show()
        self.label.setToolTip(f"Last look at the server failed: {exc}")

    def stop(self) -> None:
        """No more looks; waits for one under way, so the store may then be closed."""
        self.timer.stop()
        if self._job is not None:
            self._job.done.wait()
