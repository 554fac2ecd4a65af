"""What a new trainer met in the window on a studio server (issue 18's trial): the exercise
list counts the sets waiting to send; one status label while the window reconnects; a
refused password asks again, saying so, and a cancelled prompt leaves the window on the
offline page instead of quitting; the Connect dialog tells a refused password apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from session_helpers import file_action
from test_studio_window import (  # noqa: F401 - the fixtures
    _close,
    _database,
    _log_pair,
    _session_with_row,
    _window,
    server_down,
    server_store,
)

from evenside.gui import app, studio_connect, studio_offline, studio_window
from evenside.gui.dialogs.connect import ConnectDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.offline import SIGNED_OUT
from evenside.services.store import Store
from postgres_cluster import Cluster

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
GENEROUS_MS = 30000
ZED_PASSWORD = "zed-secret-1"


def _visible_status_labels(window: MainWindow) -> list[str]:
    return [
        label.text()
        for label in window.statusBar().findChildren(QLabel, "studioStatus")
        if not label.isHidden()  # the status bar itself shows once there is data
    ]


@pytest.mark.postgres
def test_the_exercise_list_counts_the_sets_waiting_to_send(
    qtbot: QtBot,
    server_store: Store,  # noqa: F811
    server_down: Cluster,  # noqa: F811
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    _log_pair(qtbot, page, "24", "10")  # stored on the server
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _log_pair(qtbot, page, "22", "9")  # kept on this laptop
    _log_pair(qtbot, page, "20", "8")
    # 2 stored + 4 waiting = 6 sets, as the set table shows 6 rows.
    assert page.set_model.rowCount() == 6
    assert page.exercise_list.item(0).text() == "One-arm dumbbell row\n6 sets (4 waiting)"
    _close(window)


@pytest.mark.parametrize("width", [1024, 1920])
def test_one_whole_status_label_while_the_window_reconnects(
    qtbot: QtBot, silent_port: int, width: int
) -> None:
    url = f"postgresql+psycopg://anna@127.0.0.1:{silent_port}/studio_team?connect_timeout=1"
    window = MainWindow(None)
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.resize(width, 600)
    window.show()
    qtbot.waitExposed(window)
    studio_offline.wait_for_server(window, url, "connection refused", lambda: None, False)
    where = f"Studio: studio_team on 127.0.0.1:{silent_port} · anna"
    assert _visible_status_labels(window) == [f"{where} · offline · 0 sets waiting"]
    studio_connect.connect_window(
        window, url, opened=lambda _store: None, failed=lambda _exc: None, cancelled=lambda: None
    )
    connecting = studio_connect.current(window)
    assert connecting is not None
    shown = f"{where} · offline · 0 sets waiting · connecting…"
    assert _visible_status_labels(window) == [shown]
    qtbot.waitUntil(connecting.label.isVisible)  # the status bar is laid out
    assert connecting.label.width() >= connecting.label.sizeHint().width()  # not cut off
    connecting.page.cancel.click()
    assert _visible_status_labels(window) == [f"{where} · offline · 0 sets waiting"]
    window.close()
    studio_window.stop(window)


@pytest.fixture
def zed(postgres: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A login that signs in with a password (and no password file to find it in)."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    postgres.admin(f"CREATE ROLE zed LOGIN SUPERUSER PASSWORD '{ZED_PASSWORD}'")
    try:
        yield "zed"
    finally:
        postgres.admin("DROP ROLE zed")


@pytest.mark.postgres
def test_a_refused_password_asks_again_and_cancel_leaves_the_window_on_the_offline_page(
    qtbot: QtBot,
    server_store: Store,  # noqa: F811
    postgres_url: str,
    zed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    answers = iter(["not-it", None, ZED_PASSWORD])

    def prompt(_url: str, problem: str = "") -> str | None:
        asked.append(problem)
        return next(answers)

    monkeypatch.setattr(studio_connect, "ask_password", prompt)
    url = postgres_url.replace("evenside_admin@", f"{zed}@")
    window = MainWindow(None)
    qtbot.addWidget(window)
    studio_window.install_menu(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    app.open_data(qt_app, window, url)
    qtbot.waitUntil(lambda: studio_offline.current(window) is not None, timeout=GENEROUS_MS)
    # First no password at all: asked plainly; then the wrong one: asked again, saying so.
    assert asked[0] == ""
    assert asked[1].startswith(f"The server refused the password for {zed} (postgresql+")
    wait = studio_offline.current(window)
    assert wait is not None
    assert window.isVisible()  # cancelled: the window stays
    assert wait.page.title.text() == f"<h1>{SIGNED_OUT}</h1>"
    assert wait.page.retry.text() == "Try now asks for the password again."
    assert file_action(window, studio_window.CONNECT_TEXT).isEnabled()
    wait.page.try_now.click()  # asked again; the right password this time
    qtbot.waitUntil(lambda: getattr(window, "store", None) is not None, timeout=GENEROUS_MS)
    assert len(asked) == 3 and asked[2] == ""
    assert studio_offline.current(window) is None
    _close(window)
    window.store.close()


def test_the_password_prompt_says_the_last_one_was_refused(qtbot: QtBot) -> None:
    url = "postgresql+psycopg://anna@studio.local:5432/studio_team?sslmode=require"
    refused = "The server refused the password for anna (postgresql+psycopg://anna@…)."
    dialog = studio_connect.password_dialog(url, refused)
    qtbot.addWidget(dialog)
    assert dialog.labelText() == (
        f"{refused} Try again.\n\nPassword for anna on studio_team at studio.local:5432:"
    )
    plain = studio_connect.password_dialog(url)
    qtbot.addWidget(plain)
    assert plain.labelText() == "Password for anna on studio_team at studio.local:5432:"


@pytest.mark.postgres
def test_the_connect_dialog_says_the_server_refused_the_password(
    qtbot: QtBot, postgres: Cluster, postgres_url: str, zed: str, db_path: Path
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.host.setText(str(postgres.socket_dir))
    dialog.database.setText(_database(postgres_url))
    dialog.trainer.setText(zed)
    dialog.password.setText("not-it")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=GENEROUS_MS)
    assert dialog.error.text().startswith(f"The server refused the password for {zed} (")
    assert "Cannot reach" not in dialog.error.text()
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()


@pytest.mark.screenshot
@pytest.mark.parametrize(
    ("dark", "size"), [(False, (1920, 1080)), (True, (1024, 600)), (False, (1024, 600))]
)
def test_signed_out_and_reconnecting_screenshots(
    qtbot: QtBot,
    silent_port: int,
    screenshot_dir: Path,
    dark: bool,
    size: tuple[int, int],
) -> None:
    """Looked at: the offline page after a cancelled password prompt, its label giving way
    to one "… · connecting…" label."""
    from palettes import app_palette, dark_palette
    from test_screenshots import save_shot

    from evenside.domain.errors import LoginRefused

    folder = screenshot_dir
    url = f"postgresql+psycopg://anna@127.0.0.1:{silent_port}/studio_team?connect_timeout=1"
    refused = LoginRefused("The server refused the password for anna (postgresql+psycopg://…).")
    tag = f"{'dark' if dark else 'light'}-{size[0]}x{size[1]}"
    with app_palette(dark_palette() if dark else None):
        window = MainWindow(None)
        qtbot.addWidget(window)
        studio_window.install_menu(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        studio_offline.wait_for_server(window, url, refused, lambda: None)
        save_shot(window, folder, f"signed-out-{tag}.png")
        studio_connect.connect_window(
            window, url, opened=lambda _s: None, failed=lambda _e: None, cancelled=lambda: None
        )
        connecting = studio_connect.current(window)
        assert connecting is not None
        qtbot.waitUntil(connecting.label.isVisible)
        save_shot(window, folder, f"reconnecting-{tag}.png")
        window.close()
        studio_window.stop(window)
