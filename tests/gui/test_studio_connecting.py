"""A studio server that does not answer never freezes the window (a network that silently
drops packets, as a gym's Wi-Fi does). The server here is a socket that listens and never
accepts: the connection is made, PostgreSQL's start-up handshake then hangs. While the
attempt is pending the window shows "Connecting to <server>…" (password hidden) and keeps
processing events; Cancel and Quit work; after the address's connect_timeout the offline
page appears. File → Connect to a studio server… connects the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from palettes import app_palette, dark_palette
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from session_helpers import file_action
from test_screenshots import save_shot

from evenside.gui import app, studio_connect, studio_offline, studio_window
from evenside.gui.dialogs.connect import ConnectDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.studio_connect import Attempt, Connecting
from evenside.services.store import open_store

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
GENEROUS_MS = 30000  # the attempt gives up after 2 s (libpq counts connect_timeout=1 as 2)


def _silent_url(port: int) -> str:
    return f"postgresql+psycopg://u:s3cret@127.0.0.1:{port}/db?connect_timeout=1"


def _start(qtbot: QtBot, url: str, size: tuple[int, int] = (1180, 760)) -> MainWindow:
    """The window as ``evenside --db URL`` starts it: shown first, then the data opened."""
    window = MainWindow(None)
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    app.open_data(qt_app, window, url)
    return window


def _connecting(window: MainWindow) -> Connecting:
    connecting = studio_connect.current(window)
    assert connecting is not None
    return connecting


def _events_run_while_pending(qtbot: QtBot, pending: Attempt) -> None:
    """A timer started now fires while the attempt is still under way: the GUI thread is
    free (an attempt on it would hold the timer back until it gave up)."""
    seen: list[bool] = []
    QTimer.singleShot(10, lambda: seen.append(not pending.done))
    qtbot.waitUntil(lambda: bool(seen), timeout=GENEROUS_MS)
    assert seen == [True]


def test_a_window_on_a_silent_server_stays_responsive_then_shows_the_offline_page(
    qtbot: QtBot, silent_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    window = _start(qtbot, _silent_url(silent_port))
    connecting = _connecting(window)
    page = connecting.page
    assert window.stack.currentWidget() is page and page.isVisible()
    assert page.title.text() == f"<h1>Connecting to db on 127.0.0.1:{silent_port}…</h1>"
    assert page.address.text() == (
        f"as u · postgresql+psycopg://u:***@127.0.0.1:{silent_port}/db?connect_timeout=1"
    )
    assert page.limit.text().startswith("If it does not answer within 2 s, the window says why")
    assert connecting.label.text() == f"Studio: db on 127.0.0.1:{silent_port} · u · connecting…"
    assert not file_action(window, "&Back up now").isEnabled()  # no data yet
    assert file_action(window, studio_window.CONNECT_TEXT).isEnabled()
    _events_run_while_pending(qtbot, connecting.attempt)

    qtbot.waitUntil(lambda: studio_offline.current(window) is not None, timeout=GENEROUS_MS)
    wait = studio_offline.current(window)
    assert wait is not None
    assert studio_connect.current(window) is None
    assert window.stack.currentWidget() is wait.page and wait.page.isVisible()
    assert wait.page.reason.text() == "Why: connection timeout expired"
    assert wait.page.retry.text().startswith("Evenside tries again by itself, next in ")
    shown = [wait.page.server.text(), wait.page.reason.text(), wait.label.text()]
    assert not any("s3cret" in text for text in shown)
    err = capsys.readouterr().err
    assert err.startswith(
        f"evenside: Cannot reach postgresql+psycopg://u:***@127.0.0.1:{silent_port}"
    )
    assert "s3cret" not in err
    window.close()
    studio_window.stop(window)


def test_cancel_while_connecting_shows_the_offline_page_which_waits_for_try_now(
    qtbot: QtBot, silent_port: int
) -> None:
    window = _start(qtbot, _silent_url(silent_port))
    connecting = _connecting(window)
    attempt = connecting.attempt
    connecting.page.cancel.click()
    wait = studio_offline.current(window)
    assert wait is not None
    assert window.stack.currentWidget() is wait.page
    assert wait.page.reason.text() == "Why: the connection was cancelled."
    assert wait.page.retry.text() == "Evenside does not try again until you click Try now."
    assert not wait.timer.isActive()
    qtbot.waitUntil(lambda: attempt.done, timeout=GENEROUS_MS)  # it gave up by itself
    assert studio_offline.current(window) is wait  # and was not heard of again
    assert not wait.timer.isActive()
    window.close()
    studio_window.stop(window)


def test_quit_while_connecting_closes_the_window(qtbot: QtBot, silent_port: int) -> None:
    window = _start(qtbot, _silent_url(silent_port))
    connecting = _connecting(window)
    attempt = connecting.attempt
    connecting.page.quit.click()
    assert not window.isVisible()
    studio_window.stop(window)  # as the app does after its event loop: nothing waited for
    assert studio_connect.current(window) is None
    assert attempt.cancelled
    qtbot.waitUntil(lambda: attempt.done, timeout=GENEROUS_MS)
    assert studio_offline.current(window) is None  # a forgotten attempt shows nothing


def _connect_dialog(window: MainWindow, port: int) -> ConnectDialog:
    file_action(window, studio_window.CONNECT_TEXT).trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText("evenside")
    dialog.trainer.setText("maria")
    dialog.password.setText("s3cret")
    return dialog


def test_file_connect_to_a_silent_server_can_be_cancelled(
    qtbot: QtBot, silent_port: int, db_path: Path
) -> None:
    window = MainWindow(open_store(db_path))
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.show()
    dialog = _connect_dialog(window, silent_port)
    connect = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    connect.click()
    attempt = dialog.attempt
    assert attempt is not None
    assert dialog.progress.isVisible()
    assert dialog.progress.text() == (
        f"Connecting to evenside on 127.0.0.1:{silent_port}… "
        "If it does not answer within 5 s, this dialog says why."
    )
    assert not connect.isEnabled() and not dialog.host.isEnabled()
    _events_run_while_pending(qtbot, attempt)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert window.store.path == db_path  # still the file
    qtbot.waitUntil(lambda: attempt.done, timeout=GENEROUS_MS)
    assert window.store.path == db_path and window.store.server is None
    window.close()
    window.store.close()


def test_file_connect_to_a_silent_server_says_why_after_the_timeout(
    qtbot: QtBot, silent_port: int, db_path: Path
) -> None:
    window = MainWindow(open_store(db_path))
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.show()
    dialog = _connect_dialog(window, silent_port)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=GENEROUS_MS)
    assert dialog.error.text() == (
        f"Cannot reach postgresql+psycopg://maria:***@127.0.0.1:{silent_port}/evenside: "
        "connection timeout expired"
    )
    assert not dialog.progress.isVisible()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.host.isEnabled() and dialog.host.hasFocus()
    assert dialog.isVisible() and window.store.server is None
    dialog.reject()
    window.close()
    window.store.close()


@pytest.mark.screenshot
@pytest.mark.parametrize(
    ("name", "dark", "size"),
    [
        ("studio-connecting-1024x600.png", False, (1024, 600)),
        ("studio-connecting-dark.png", True, (1920, 1080)),
    ],
)
def test_studio_connecting_screenshots(
    qtbot: QtBot,
    silent_port: int,
    screenshot_dir: Path,
    name: str,
    dark: bool,
    size: tuple[int, int],
) -> None:
    with app_palette(dark_palette() if dark else None):
        window = _start(qtbot, f"postgresql+psycopg://maria@127.0.0.1:{silent_port}/evenside", size)
        attempt = _connecting(window).attempt
        save_shot(window, screenshot_dir, name)
        window.close()
        studio_window.stop(window)
        qtbot.waitUntil(lambda: attempt.done, timeout=GENEROUS_MS)


def test_a_file_opened_from_the_offline_page_does_not_wait_for_a_look_under_way(
    qtbot: QtBot, silent_port: int, db_path: Path
) -> None:
    window = _start(qtbot, _silent_url(silent_port))
    _connecting(window).page.cancel.click()
    wait = studio_offline.current(window)
    assert wait is not None
    wait.page.try_now.click()  # a look at the silent server, under way for 2 s
    look = wait._job
    assert look is not None
    assert wait.page.retry.text() == "Trying to reach the server now…"
    open_store(db_path).close()
    wait.open_file(db_path)
    under_way = not look.done.is_set()  # the file was shown without waiting for the look
    assert under_way
    assert studio_offline.current(window) is None
    assert window.store.path == db_path
    qtbot.waitUntil(look.done.is_set, timeout=GENEROUS_MS)
    assert studio_offline.current(window) is None and window.store.path == db_path
    window.close()
    window.store.close()
