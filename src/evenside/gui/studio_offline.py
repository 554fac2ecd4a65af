"""A window started while its studio server cannot be reached: it opens anyway, on the
offline page, and waits for the server.

It tries again by itself, backing off (3 s, then 6, 12, 24, 48, then every minute), each
look off the GUI thread with a short connect timeout (3 s, or the address's own). When the
server answers, the window opens it through the very path a normal start takes
(``reopen``: off the GUI thread too), and the sets waiting in the outbox are sent, in order
and once each, by the status bar's first look. Meanwhile
"Open a database file instead…", File → Connect to a studio server… and Quit work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu

from evenside.domain.wording import counted
from evenside.gui import worker
from evenside.gui.pages.offline import OfflinePage
from evenside.paths import data_dir
from evenside.services import studio_link

if TYPE_CHECKING:
    from evenside.gui.main_window import MainWindow

CONNECT_NAME = "connectToServer"  # File → Connect to a studio server… (studio_window)
RETRY_MS = (3000, 6000, 12000, 24000, 48000, 60000)  # then every minute
STILL_WORKS = {"&Quit", CONNECT_NAME}  # the rest of the File menu needs data


def status_text(where: str, trainer: str, waiting: int) -> str:
    return f"Studio: {where} · {trainer} · offline · {counted(waiting, 'set')} waiting"


class OfflineWait(QObject):
    """The offline page, its status bar label and the looks at the server behind them."""

    def __init__(self, window: MainWindow, url: str, reopen: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.url, self._reopen = window, url, reopen
        name = studio_link.server_name(url)
        self.where = f"{name.database} on {name.where}" if name.database else name.where
        self.trainer = name.trainer
        self.page = OfflinePage(
            f"{self.where}, as {self.trainer}", unquote(studio_link.display_url(url)), window
        )
        self.page.try_now.clicked.connect(self.try_now)
        self.page.open_file.clicked.connect(self._choose_file)
        self.page.quit.clicked.connect(window.close)
        self.label = QLabel()
        self.label.setObjectName("studioStatus")
        self.label.setAccessibleName("Studio server connection")
        window.statusBar().addPermanentWidget(self.label)
        window.side_panel.hide()
        window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)
        enable_data_actions(window, False)
        self.attempts = 0
        self.reason = ""
        self.signed_out = False
        self.waiting = 0
        self._job: worker.Job | None = None
        self._active = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.try_now)
        self._tick = QTimer(self)  # the countdown on the page
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show)
        self.page.try_now.setFocus()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def not_reached(self, reason: str, again: bool = True, signed_out: bool = False) -> None:
        """The server did not answer (at start, or once more): say why, count what waits,
        and try again later, a little later each time (unless not ``again``: the
        connection was cancelled, and only "Try now" tries again)."""
        self.reason = _one_line(reason)
        self.signed_out = signed_out
        self.waiting = studio_link.waiting_for(self.url)
        if again:
            self.timer.start(RETRY_MS[min(self.attempts, len(RETRY_MS) - 1)])
            self.attempts += 1
            self._tick.start()
        else:
            self.timer.stop()
            self._tick.stop()
        self._show()

    def _show(self) -> None:
        if self._job is not None:
            retry = "Trying to reach the server now…"
        elif self.signed_out:
            retry = "Try now asks for the password again."
        elif not self.timer.isActive():
            retry = "Evenside does not try again until you click Try now."
        else:
            seconds = max(1, round(self.timer.remainingTime() / 1000))
            retry = f"Evenside tries again by itself, next in {seconds} s."
        self.page.show_state(self.reason, self.waiting, retry, self.signed_out)
        self.label.setText(status_text(self.where, self.trainer, self.waiting))
        self.label.setToolTip(self.reason)

    def try_now(self) -> None:
        """Look at the server now, off the GUI thread (a look under way is not doubled)."""
        if self._job is not None or not self._active:
            return
        self.timer.stop()
        url = self.url
        self._job = worker.start(
            lambda _job: studio_link.probe(url), finished=self._answered, failed=self._failed
        )
        self._show()

    def _answered(self, _result: object) -> None:
        self._job = None
        if self._active:
            self._reopen()  # as a normal start; it calls not_reached() if that fails

    def _failed(self, exc: Exception) -> None:
        self._job = None
        if not self._active:
            return
        if studio_link.unreachable(exc):
            self.not_reached(str(exc))
        else:  # it answers, but asks for a password: the normal start asks for it
            self._reopen()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Open a database file",
            str(data_dir()),
            "Evenside databases (*.sqlite3 *.sqlite *.db);;All files (*)",
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Open the database file at ``path`` in this window instead of the server; if it
        cannot be opened, the page says why and goes on waiting."""
        from evenside.gui.crash import known_open_error
        from evenside.services.store import open_store

        try:
            store = open_store(path, exclusive=True)
        except Exception as exc:  # noqa: BLE001 - said on the page; the window stays
            self.page.say(str(known_open_error(exc, path)))
            return
        leave(self.window)
        self.window.attach(store)  # a file: no studio status in the status bar

    def stop(self) -> None:
        """No more looks. One under way is not waited for (a silent server would hold the
        window for its whole connect timeout): it touches no data, and its answer is
        ignored."""
        self._active = False
        self.timer.stop()
        self._tick.stop()


def current(window: MainWindow) -> OfflineWait | None:
    wait = getattr(window, "studio_offline", None)
    return wait if isinstance(wait, OfflineWait) else None


def wait_for_server(
    window: MainWindow,
    url: str,
    exc: BaseException | str,
    reopen: Callable[[], None],
    again: bool = True,
) -> OfflineWait:
    """Show (or keep showing) the offline page for ``url``, which just failed with ``exc``
    (or was cancelled: not ``again``)."""
    wait = current(window)
    if wait is None:
        wait = OfflineWait(window, url, reopen)
        window.studio_offline = wait  # type: ignore[attr-defined]
    else:
        window.stack.setCurrentWidget(wait.page)
    refused = not isinstance(exc, str) and studio_link.refused_login(exc)
    wait.not_reached(str(exc), again and not refused, refused)
    return wait


def leave(window: MainWindow) -> None:
    """The window has data again (the server, another server, a file): no offline page."""
    wait = current(window)
    if wait is None:
        return
    wait.stop()
    window.studio_offline = None  # type: ignore[attr-defined]
    window.statusBar().removeWidget(wait.label)
    wait.label.deleteLater()
    window.stack.removeWidget(wait.page)
    wait.page.deleteLater()
    window.side_panel.show()
    enable_data_actions(window, True)
    wait.deleteLater()


def enable_data_actions(window: MainWindow, enabled: bool) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    for action in file_menu.actions():
        if action.isSeparator() or {action.text(), action.objectName()} & STILL_WORKS:
            continue
        action.setEnabled(enabled)


def _one_line(reason: str) -> str:
    """The first line of the reason, without the address the page already shows."""
    lines = [line.strip() for line in reason.splitlines() if line.strip()]
    first = re.sub(r"^Cannot reach \S+: ", "", lines[0]) if lines else ""
    return first or "the server did not answer."
