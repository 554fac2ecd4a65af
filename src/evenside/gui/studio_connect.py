"""Opening a studio server without freezing the window.

Every connection the window makes to a server (at start, after the offline page saw the
server answer, File → Connect to a studio server…) runs on the thread pool; a network that
silently drops packets only ever makes it wait for the connect timeout (5 s, or the
address's own ``connect_timeout``). Meanwhile the window shows "Connecting to <server>…"
with the address (password hidden), and Cancel and Quit work. A cancelled attempt is
forgotten: a store it opens after all is closed as soon as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit

from evenside.gui import studio_offline, worker
from evenside.gui.pages.connecting import ConnectingPage, connecting_text
from evenside.services import studio_link

if TYPE_CHECKING:
    from evenside.gui.main_window import MainWindow
    from evenside.services.store import Store

T = TypeVar("T")


class Attempt:
    """One opening of the server at ``url`` on the thread pool; ``opened`` or ``failed``
    runs on the GUI thread after, unless the attempt was cancelled first."""

    def __init__(
        self,
        url: str,
        password: str,
        opened: Callable[[Store], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.cancelled = False
        self.done = False
        self._opened, self._failed = opened, failed
        self.job = worker.start(
            lambda _job: studio_link.open_studio(url, password),
            finished=self._finished,
            failed=self._not_opened,
        )

    def cancel(self) -> None:
        self.cancelled = True

    def _finished(self, store: Store) -> None:
        self.done = True
        if self.cancelled:
            store.close()  # given up on: nobody shows it
            return
        self._opened(store)

    def _not_opened(self, exc: Exception) -> None:
        self.done = True
        if not self.cancelled:
            self._failed(exc)


WINDOW_THEN = "the window says why and tries again by itself."


def limit_text(url: str, then: str = WINDOW_THEN) -> str:
    """How long the attempt may take, and what follows if the server does not answer."""
    seconds = studio_link.connect_timeout(url)
    if seconds == 0:
        return "The address sets no time limit: Evenside waits until the server answers."
    return f"If it does not answer within {seconds} s, {then}"


class Connecting(QObject):
    """The connecting page and status bar label of ``window``, and the attempt behind them."""

    def __init__(
        self,
        window: MainWindow,
        url: str,
        *,
        password: str,
        opened: Callable[[Store], None],
        failed: Callable[[Exception], None],
        cancelled: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.url = window, url
        name = studio_link.server_name(url)
        self.where = f"{name.database} on {name.where}" if name.database else name.where
        address = unquote(studio_link.display_url(url))
        shown = f"as {name.trainer} · {address}" if name.trainer else address
        self.page = ConnectingPage(self.where, shown, limit_text(url), window)
        self.page.cancel.clicked.connect(self.cancel)
        self.page.quit.clicked.connect(window.close)
        # One label: when the offline page waits (it asked for this attempt), its own
        # label gives way to this one, which still says what waits.
        waiting = studio_offline.current(window)
        self._offline_label = waiting.label if waiting is not None else None
        before = waiting.label.text() if waiting is not None else ""
        if self._offline_label is not None:
            self._offline_label.hide()
        first = before or f"Studio: {self.where} · {name.trainer}"
        self.label = QLabel(f"{first} · connecting…")
        self.label.setObjectName("studioStatus")
        self.label.setAccessibleName("Studio server connection")
        window.statusBar().addPermanentWidget(self.label)
        window.side_panel.hide()
        window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)
        studio_offline.enable_data_actions(window, False)
        self.page.cancel.setFocus()
        self._cancelled = cancelled
        self.attempt = Attempt(url, password, self._then(opened), self._then(failed))

    @property
    def text(self) -> str:
        return connecting_text(self.where)

    def _then(self, after: Callable[[T], None]) -> Callable[[T], None]:
        def leave_then(result: T) -> None:
            leave(self.window)
            after(result)

        return leave_then

    def cancel(self) -> None:
        """Give up on this attempt: the window goes on as ``cancelled`` says."""
        leave(self.window)
        self._cancelled()

    def remove(self) -> None:
        self.attempt.cancel()
        window = self.window
        window.statusBar().removeWidget(self.label)
        self.label.deleteLater()
        waiting = studio_offline.current(window)
        if waiting is not None and waiting.label is self._offline_label:
            waiting.label.show()  # the offline page waits on
        window.stack.removeWidget(self.page)
        self.page.deleteLater()
        if studio_offline.current(window) is None:  # else the offline page keeps them away
            window.side_panel.show()
            studio_offline.enable_data_actions(window, True)
        self.deleteLater()


def current(window: MainWindow) -> Connecting | None:
    connecting = getattr(window, "studio_connecting", None)
    return connecting if isinstance(connecting, Connecting) else None


def connect_window(
    window: MainWindow,
    url: str,
    *,
    opened: Callable[[Store], None],
    failed: Callable[[Exception], None],
    cancelled: Callable[[], None],
    password: str = "",
) -> Connecting:
    """Open the server at ``url`` for ``window`` off the GUI thread, the window showing
    "Connecting to <server>…" meanwhile. Exactly one of the callbacks runs, on the GUI
    thread, after the page is gone; none if the window leaves the attempt first."""
    leave(window)
    connecting = Connecting(
        window, url, password=password, opened=opened, failed=failed, cancelled=cancelled
    )
    window.studio_connecting = connecting  # type: ignore[attr-defined]
    return connecting


def leave(window: MainWindow) -> None:
    """No connecting page (the attempt ended, or the window was given other data or
    closed): an attempt still under way is forgotten, not waited for."""
    connecting = current(window)
    if connecting is None:
        return
    window.studio_connecting = None  # type: ignore[attr-defined]
    connecting.remove()


def password_dialog(url: str, problem: str = "") -> QInputDialog:
    """The prompt for the trainer's password for ``url``; ``problem`` (the server refused
    the last one) is said above the field."""
    name = studio_link.server_name(url)
    dialog = QInputDialog()
    dialog.setWindowTitle("Studio server password")
    asked = f"Password for {name.trainer} on {name.database} at {name.where}:"
    dialog.setLabelText(f"{problem} Try again.\n\n{asked}" if problem else asked)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    return dialog


def ask_password(url: str, problem: str = "") -> str | None:
    """The trainer's password for ``url``, asked where someone can see the window (None:
    not asked, or cancelled)."""
    if QApplication.platformName() == "offscreen":
        return None
    dialog = password_dialog(url, problem)
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
