"""The window on a studio server (the throwaway test server): the status bar names the
server, the signed-in trainer and the connection state; a set logged while the server is
down is kept on the laptop as "waiting to send" and arrives once when it is back; a set
another laptop logs reaches this window's pages; File → Connect to a studio server…
opens a server in the running window."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from palettes import app_palette, dark_palette
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import file_action, type_into
from test_screenshots import save_shot

from evenside.cli import main
from evenside.domain.changes import Changes
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.gui import studio_window
from evenside.gui.dialogs.connect import ConnectDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.studio_status import StudioStatus
from evenside.services import library, profiles, studio_link, workout
from evenside.services.store import Store, open_store
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
KEPT_SHOTS = {"studio-waiting.png", "studio-waiting-1024x600-dark.png"}  # the rest: looked at
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")


@pytest.fixture
def server_store(postgres_url: str) -> Iterator[Store]:
    store = open_store(postgres_url)
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    yield store
    store.close()
    studio_link.close_outboxes()


@pytest.fixture
def server_down(postgres: Cluster) -> Iterator[Cluster]:
    yield postgres
    with contextlib.suppress(subprocess.CalledProcessError):  # already running
        postgres.resume()


def _window(qtbot: QtBot, store: Store) -> tuple[MainWindow, StudioStatus]:
    window = MainWindow(store)
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    status = studio_window.attach_status(window)
    assert status is not None
    window.resize(1180, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, status


def _close(window: MainWindow) -> None:
    """Close the window as the app does: stop looking at the server first."""
    window.close()
    studio_window.stop(window)


def _database(url: str) -> str:
    return url.split("?", maxsplit=1)[0].rsplit("/", 1)[-1]


def _stored(url: str) -> list[tuple[str, float | None, int | None]]:
    store = open_store(url)
    try:
        session = workout.active_session(store, profiles.list_profiles(store)[0].id)
        assert session is not None
        return [
            (s.side.value, s.record.weight_kg, s.record.reps)
            for e in session.exercises
            for s in e.sets
        ]
    finally:
        store.close()


def _log_pair(qtbot: QtBot, page: SessionPage, weight: str, reps: str) -> None:
    first, second = page.entry.order
    type_into(qtbot, page.entry.row(first).weight, weight)
    type_into(qtbot, page.entry.row(first).reps, reps)
    qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
    type_into(qtbot, page.entry.row(second).reps, reps)
    qtbot.keyClick(page.entry.row(second).reps, Qt.Key.Key_Return)


def _session_with_row(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    page.start_session()
    named = {e.name: i for i, e in page.exercises.items()}
    page.add_exercise(named["One-arm dumbbell row"])
    return page


def test_the_status_bar_names_the_server_the_trainer_and_the_state(
    qtbot: QtBot, server_store: Store, postgres_url: str
) -> None:
    window, status = _window(qtbot, server_store)
    qtbot.waitUntil(lambda: not status._busy)
    assert status.label.text() == (
        f"Studio: {_database(postgres_url)} on this computer · signed in as evenside_admin"
        " · connected"
    )
    assert status.label.isVisible()
    _close(window)


def test_sets_logged_while_the_server_is_down_wait_then_arrive_once(
    qtbot: QtBot,
    server_store: Store,
    postgres_url: str,
    server_down: Cluster,
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _log_pair(qtbot, page, "24", "10")
    assert status.label.text().endswith("offline · 2 sets waiting to send")
    status.poll_now()  # still down: they stay
    qtbot.waitUntil(lambda: not status._busy)
    assert status.label.text().endswith("offline · 2 sets waiting to send")
    server_down.resume()
    status.poll_now()
    qtbot.waitUntil(lambda: not status._busy)
    assert status.label.text().endswith("· connected")
    assert _stored(postgres_url) == [("left", 24.0, 10), ("right", 24.0, 10)]
    _close(window)


def _table(page: SessionPage) -> list[tuple[str, str, str, str]]:
    """Each row of the set table: side, weight, reps, and its Logged column."""
    model = page.set_model
    return [
        tuple(model.index(r, c).data() for c in (1, 2, 3, 7))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def _marks(page: SessionPage) -> list[bool]:
    return [text == "waiting to send" for *_, text in _table(page)]


def test_waiting_sets_show_in_the_table_until_the_server_has_them(
    qtbot: QtBot, server_store: Store, postgres_url: str, server_down: Cluster
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    _log_pair(qtbot, page, "24", "10")  # stored on the server
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _log_pair(qtbot, page, "22", "9")  # kept on this laptop
    _log_pair(qtbot, page, "20", "8")
    # At once, in the order logged, after the stored pair: marked in words, not colour.
    assert [row[:3] for row in _table(page)] == [
        ("L", "24 kg", "10"), ("R", "24 kg", "10"),
        ("L", "22 kg", "9"), ("R", "22 kg", "9"),
        ("L", "20 kg", "8"), ("R", "20 kg", "8"),
    ]  # fmt: skip
    assert _marks(page) == [False, False, True, True, True, True]
    model = page.set_model
    assert model.index(2, 3).data(Qt.ItemDataRole.AccessibleTextRole) == "9, set waiting to send"
    assert not model.flags(model.index(2, 3)) & Qt.ItemFlag.ItemIsEditable
    page.set_table.setFocus()
    page.set_table.selectRow(2)
    qtbot.keyClick(page.set_table, Qt.Key.Key_Delete)
    assert page.table_message.text() == (
        "That set is waiting to send: it can be changed once the server has it."
    )
    # Closed while offline; the marks are there again when the window opens anew.
    _close(window)
    server_store.close()
    server_down.resume()
    store = open_store(postgres_url)
    try:
        reopened = MainWindow(store)  # before it first looks at the server
        qtbot.addWidget(reopened)
        reopened.show()
        page = reopened.go_to("Session")
        assert isinstance(page, SessionPage)
        assert _marks(page) == [False, False, True, True, True, True]
        status = studio_window.attach_status(reopened)  # sends what waits, then refreshes
        assert status is not None
        qtbot.waitUntil(lambda: not status._busy and status.waiting == 0)
        qtbot.waitUntil(lambda: _marks(page) == [False] * 6)
        assert _stored(postgres_url) == [
            ("left", 24.0, 10), ("right", 24.0, 10),
            ("left", 22.0, 9), ("right", 22.0, 9),
            ("left", 20.0, 8), ("right", 20.0, 8),
        ]  # fmt: skip
        _close(reopened)
    finally:
        store.close()


def test_a_set_logged_on_another_laptop_reaches_the_pages(
    qtbot: QtBot, server_store: Store, postgres_url: str
) -> None:
    window, status = _window(qtbot, server_store)
    qtbot.waitUntil(lambda: not status._busy)
    seen: list[Changes] = []
    window.hub.changed.connect(lambda changes, _handler: seen.append(changes))
    other = open_store(postgres_url)  # the desk's laptop
    alex = profiles.list_profiles(other)[0]
    row = next(e.id for e in library.all_exercises(other) if e.name == "One-arm dumbbell row")
    session = workout.start_session(other, alex.id)
    workout.log_set(
        other, workout.add_exercise(other, session.id, row), SetRecord(Side.LEFT, 20, 8)
    )
    other.close()
    status.poll_now()
    qtbot.waitUntil(lambda: not status._busy)
    assert seen and seen[-1].sets and seen[-1].sessions
    _close(window)


def test_file_connect_opens_a_server_in_the_running_window(
    qtbot: QtBot, server_store: Store, postgres: Cluster, postgres_url: str, db_path: Path
) -> None:
    window = MainWindow(open_store(db_path))
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    file_action(window, studio_window.CONNECT_TEXT).trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None
    dialog.host.setText(str(postgres.socket_dir))
    dialog.database.setText(_database(postgres_url))
    dialog.trainer.setText("evenside_admin")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.store.server is not None)  # connected off the GUI thread
    status = window.studio_status  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not status._busy)
    assert "signed in as evenside_admin · connected" in status.label.text()
    assert window.windowTitle().endswith("Alex")
    _close(window)
    window.store.close()


@pytest.mark.screenshot
@pytest.mark.parametrize(("tag", "size"), [("light", (1920, 1080)), ("dark", (1024, 600))])
def test_studio_screenshots(
    qtbot: QtBot,
    server_store: Store,
    screenshot_dir: Path,
    tag: str,
    size: tuple[int, int],
) -> None:
    palette: QPalette | None = dark_palette() if tag == "dark" else None
    with app_palette(palette):
        window, status = _window(qtbot, server_store)
        page = _session_with_row(window)
        _log_pair(qtbot, page, "24", "10")
        qtbot.waitUntil(lambda: not status._busy)
        window.resize(*size)
        name = "studio-connected.png" if tag == "light" else "studio-connected-1024x600-dark.png"
        save_shot(window, screenshot_dir, name)
        _close(window)


@pytest.mark.screenshot
@pytest.mark.parametrize(
    ("name", "dark", "size"),
    [
        ("studio-waiting.png", False, (1920, 1080)),
        ("studio-waiting-dark.png", True, (1920, 1080)),
        ("studio-waiting-1024x600.png", False, (1024, 600)),
        ("studio-waiting-1024x600-dark.png", True, (1024, 600)),
    ],
)
def test_studio_waiting_screenshots(
    qtbot: QtBot,
    server_store: Store,
    server_down: Cluster,
    screenshot_dir: Path,
    tmp_path: Path,
    name: str,
    dark: bool,
    size: tuple[int, int],
) -> None:
    """The Session page with a stored pair and a pair waiting to send, the server down."""
    with app_palette(dark_palette() if dark else None):
        window, status = _window(qtbot, server_store)
        window.resize(*size)
        page = _session_with_row(window)
        _log_pair(qtbot, page, "24", "10")
        qtbot.waitUntil(lambda: not status._busy)
        server_down.pause()
        _log_pair(qtbot, page, "24", "9")
        assert status.label.text().endswith("offline · 2 sets waiting to send")
        assert _marks(page) == [False, False, True, True]
        save_shot(window, screenshot_dir if name in KEPT_SHOTS else tmp_path, name)
        _close(window)


def test_evenside_db_url_opens_the_window_on_the_server(
    postgres_url: str,
    server_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown: list[str] = []
    real = studio_window.attach_status

    def attach_and_look(window: MainWindow) -> StudioStatus | None:
        status = real(window)
        assert status is not None
        shown.append(status.label.text())
        shown.append(window.windowTitle())
        return status

    monkeypatch.setattr(studio_window, "attach_status", attach_and_look)
    monkeypatch.setenv("EVENSIDE_EXIT_WHEN_READY", "1")
    assert main(["--db", postgres_url]) == 0
    assert capsys.readouterr().out.startswith("ready ")
    assert shown == [
        f"Studio: {_database(postgres_url)} on this computer · signed in as evenside_admin"
        " · connected",
        "Evenside – Alex",
    ]


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A headless command refuses in one line; the window waits instead (the next test)."""
    url = f"postgresql+psycopg://maria:s3cret@/evenside?host={tmp_path}"
    assert main(["report", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("evenside: Cannot reach postgresql+psycopg://maria:***@/evenside")
    assert err.count("\n") == 1
    assert "s3cret" not in err


def test_the_window_on_a_server_that_cannot_be_reached_opens_and_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"postgresql+psycopg://maria:s3cret@/evenside?host={tmp_path}"
    monkeypatch.setenv("EVENSIDE_EXIT_WHEN_READY", "1")
    assert main(["--db", url]) == 0  # the offline page was up, ready for input
    captured = capsys.readouterr()
    assert captured.out.startswith("ready ")
    assert captured.err.startswith("evenside: Cannot reach postgresql+psycopg://maria:***@/")
    assert captured.err.endswith("; the window waits for it.\n")
    assert captured.err.count("\n") == 1
    assert "s3cret" not in captured.err
