"""A window started while its studio server is away (the throwaway test server, paused):
it opens on the offline page, which names the server and counts the sets waiting on this
laptop; when the server is back, "Try now" opens it as a normal start does, and every
waiting set arrives once, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from palettes import app_palette, dark_palette
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import file_action, type_into
from test_screenshots import save_shot
from test_studio_window import (
    _close,
    _database,
    _log_pair,
    _marks,
    _session_with_row,
    _stored,
    _table,
    _window,
    server_down,
    server_store,
)

from evenside.gui import app, studio_connect, studio_offline, studio_window
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store, open_store
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
__all__ = ["server_down", "server_store"]  # fixtures, used by name
KEPT_SHOTS = {"studio-offline.png", "studio-offline-1024x600-dark.png"}  # the rest: looked at


def _three_sets_then_killed(qtbot: QtBot, store: Store, server: Cluster) -> None:
    """Log a pair and one more set while the server is down, then the app is gone: only
    the outbox files are left."""
    window, status = _window(qtbot, store)
    page = _session_with_row(window)
    qtbot.waitUntil(lambda: not status._busy)
    server.pause()
    _log_pair(qtbot, page, "24", "10")
    first = page.entry.order[0]
    type_into(qtbot, page.entry.row(first).weight, "22")
    type_into(qtbot, page.entry.row(first).reps, "9")
    qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
    assert status.label.text().endswith("offline · 3 sets waiting to send")
    _close(window)
    store.close()


def _start(qtbot: QtBot, url: str) -> MainWindow:
    """The window as ``evenside --db URL`` starts it: shown first, then the data opened."""
    window = MainWindow(None)
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.resize(1180, 760)
    window.show()
    qtbot.waitExposed(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    app.open_data(qt_app, window, url)
    qtbot.waitUntil(lambda: studio_connect.current(window) is None, timeout=20000)
    return window


def test_a_window_started_while_the_server_is_away_waits_then_sends_each_set_once(
    qtbot: QtBot, server_store: Store, postgres_url: str, server_down: Cluster
) -> None:
    _three_sets_then_killed(qtbot, server_store, server_down)
    window = _start(qtbot, postgres_url)  # the server is still paused
    wait = studio_offline.current(window)
    assert wait is not None
    page = wait.page
    assert window.stack.currentWidget() is page and page.isVisible()
    assert page.server.text().startswith(f"<b>{_database(postgres_url)} on this computer, as ")
    assert page.waiting.text() == "3 sets are waiting on this laptop for this server."
    assert page.reason.text().startswith("Why: ")
    assert "Cannot reach" not in page.reason.text()  # the address is shown once, above
    assert page.retry.text().startswith("Evenside tries again by itself, next in ")
    assert wait.label.text().endswith(" · offline · 3 sets waiting")
    assert not file_action(window, "&Back up now").isEnabled()  # no data to back up
    assert file_action(window, studio_window.CONNECT_TEXT).isEnabled()
    page.try_now.click()  # still away: it stays, and tries later
    qtbot.waitUntil(lambda: not wait.busy)
    assert studio_offline.current(window) is wait
    assert wait.timer.interval() == 6000  # backing off: 3 s after the start, now 6 s
    assert page.waiting.text() == "3 sets are waiting on this laptop for this server."

    server_down.resume()
    qtbot.mouseClick(page.try_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: studio_offline.current(window) is None)
    status = window.studio_status  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not status._busy and status.waiting == 0)
    assert status.label.text().endswith("· connected")
    session = window.stack.currentWidget()
    assert isinstance(session, SessionPage)
    qtbot.waitUntil(lambda: _marks(session) == [False, False, False])
    assert [row[:3] for row in _table(session)] == [
        ("L", "24 kg", "10"), ("R", "24 kg", "10"), ("L", "22 kg", "9"),
    ]  # fmt: skip
    assert file_action(window, "&Back up now").isEnabled()
    _close(window)
    window.store.close()
    assert _stored(postgres_url) == [("left", 24.0, 10), ("right", 24.0, 10), ("left", 22.0, 9)]


def test_a_database_file_can_be_opened_instead(qtbot: QtBot, tmp_path: Path, db_path: Path) -> None:
    url = f"postgresql+psycopg://maria:s3cret@/evenside?host={tmp_path}"  # no server there
    window = _start(qtbot, url)
    wait = studio_offline.current(window)
    assert wait is not None
    assert wait.page.server.text() == (
        f"<b>evenside on this computer, as maria</b><br>"
        f"postgresql+psycopg://maria:***@/evenside?host={tmp_path}"
    )
    shown = [wait.page.reason.text(), wait.label.text(), wait.label.toolTip()]
    assert not any("s3cret" in text for text in shown)
    assert wait.page.waiting.text() == "No sets are waiting on this laptop for this server."
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("shopping list")
    wait.open_file(not_a_database)
    assert wait.page.error.isVisible()
    assert str(not_a_database) in wait.page.error.text()
    assert studio_offline.current(window) is wait  # still waiting for the server
    open_store(db_path).close()
    wait.open_file(db_path)
    assert studio_offline.current(window) is None
    assert window.store.path == db_path
    assert window.stack.currentWidget() is window.welcome  # an empty file: the first profile
    window.close()
    window.store.close()


@pytest.mark.screenshot
@pytest.mark.parametrize(
    ("name", "dark", "size"),
    [
        ("studio-offline.png", False, (1920, 1080)),
        ("studio-offline-dark.png", True, (1920, 1080)),
        ("studio-offline-1024x600.png", False, (1024, 600)),
        ("studio-offline-1024x600-dark.png", True, (1024, 600)),
    ],
)
def test_studio_offline_screenshots(
    qtbot: QtBot,
    server_store: Store,
    postgres_url: str,
    server_down: Cluster,
    screenshot_dir: Path,
    tmp_path: Path,
    name: str,
    dark: bool,
    size: tuple[int, int],
) -> None:
    with app_palette(dark_palette() if dark else None):
        _three_sets_then_killed(qtbot, server_store, server_down)
        window = _start(qtbot, postgres_url)
        window.resize(*size)
        wait = studio_offline.current(window)
        assert wait is not None
        wait.timer.stop()  # the countdown as it first reads
        save_shot(window, screenshot_dir if name in KEPT_SHOTS else tmp_path, name)
        window.close()
        studio_window.stop(window)
