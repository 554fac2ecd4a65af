"""Ctrl+Z on a studio server (the throwaway test server): a set that went through the
outbox is undone like any other, while it waits and once it is sent (exactly that set,
found by its key); a Ctrl+Z that fails while the server is away leaves the undo history
where it was and says why; sets the server refuses for good are set aside, kept on this
laptop, named in the status bar and listed under File → Sets not sent…"""

from __future__ import annotations

from pathlib import Path

import pytest
from palettes import app_palette, dark_palette
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import file_action
from test_screenshots import save_shot
from test_studio_window import (
    _close,
    _log_pair,
    _session_with_row,
    _stored,
    _table,
    _window,
    server_down,
    server_store,
)

from evenside.gui import studio_window
from evenside.gui.dialogs.not_sent import NotSentDialog
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
__all__ = ["server_down", "server_store"]  # fixtures, used by name


def _ctrl_z(qtbot: QtBot, page: SessionPage) -> None:
    focused = QApplication.focusWidget() or page
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _rows(page: SessionPage) -> list[tuple[str, str, str, str]]:
    return [(side, weight, reps, "waiting" if mark == "waiting to send" else "")
            for side, weight, reps, mark in _table(page)]  # fmt: skip


def test_ctrl_z_undoes_a_set_that_went_through_the_outbox_waiting_and_sent(
    qtbot: QtBot, server_store: Store, postgres_url: str, server_down: Cluster
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    _log_pair(qtbot, page, "30", "4")  # stored on the server
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _log_pair(qtbot, page, "32.5", "3")  # both kept on this laptop
    _ctrl_z(qtbot, page)  # the last one, while it waits: out of the outbox
    assert _rows(page) == [
        ("L", "30 kg", "4", ""), ("R", "30 kg", "4", ""), ("L", "32.5 kg", "3", "waiting"),
    ]  # fmt: skip
    assert status.label.text().endswith("offline · 1 set waiting to send")
    server_down.resume()
    status.poll_now()
    qtbot.waitUntil(lambda: not status._busy and status.waiting == 0)
    qtbot.waitUntil(lambda: _rows(page)[-1] == ("L", "32.5 kg", "3", ""))
    _ctrl_z(qtbot, page)  # now sent: exactly that set goes, not an older one
    assert _rows(page) == [("L", "30 kg", "4", ""), ("R", "30 kg", "4", "")]
    assert _stored(postgres_url) == [("left", 30.0, 4), ("right", 30.0, 4)]
    _close(window)


def test_a_ctrl_z_that_fails_while_offline_is_not_skipped_later(
    qtbot: QtBot, server_store: Store, postgres_url: str, server_down: Cluster
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    _log_pair(qtbot, page, "30", "4")
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _ctrl_z(qtbot, page)  # the server is away: nothing is deleted
    assert page.table_message.text().startswith("Not undone: Lost the connection to ")
    assert page.undo_stack.index() == 2  # still both sets to undo
    server_down.resume()
    _ctrl_z(qtbot, page)  # the same set as before: R, then L
    assert _rows(page) == [("L", "30 kg", "4", "")]
    _ctrl_z(qtbot, page)
    assert _rows(page) == []
    assert _stored(postgres_url) == []
    _close(window)


def test_sets_the_server_refuses_are_set_aside_and_the_rest_arrive(
    qtbot: QtBot, server_store: Store, postgres_url: str, server_down: Cluster
) -> None:
    window, status = _window(qtbot, server_store)
    page = _session_with_row(window)
    _log_pair(qtbot, page, "30", "4")
    qtbot.waitUntil(lambda: not status._busy)
    server_down.pause()
    _log_pair(qtbot, page, "32.5", "3")  # waiting, for the row
    server_down.resume()
    assert page.current is not None
    row_entry = page.current.exercises[0].id
    workout.remove_exercise(server_store, row_entry)  # on another laptop meanwhile
    status.poll_now()
    qtbot.waitUntil(lambda: not status._busy)
    assert status.label.text().endswith("· connected · 2 sets not sent")
    assert status.label.toolTip() == (
        "2 sets of One-arm dumbbell row could not be sent: the exercise was removed from the "
        "session on another laptop. They are kept on this laptop: File → Sets not sent… "
        "lists them."
    )
    file_action(window, studio_window.NOT_SENT_TEXT).trigger()
    dialog = window.findChild(NotSentDialog)
    assert dialog is not None
    listing = dialog.listing.text()
    assert "L 32.5 kg × 3 at " in listing and "R 32.5 kg × 3 at " in listing
    dialog.put_back.click()  # the row added to the session again, the sets sent there
    assert dialog.listing.text().startswith("No sets are waiting here")
    assert _stored(postgres_url) == [("left", 32.5, 3), ("right", 32.5, 3)]
    _close(window)


@pytest.mark.screenshot
@pytest.mark.parametrize(
    ("name", "dark", "size"),
    [
        ("studio-not-sent.png", False, (1920, 1080)),
        ("studio-not-sent-dark.png", True, (1920, 1080)),
        ("studio-not-sent-1024x600.png", False, (1024, 600)),
        ("studio-not-sent-1024x600-dark.png", True, (1024, 600)),
    ],
)
def test_studio_not_sent_screenshots(
    qtbot: QtBot,
    server_store: Store,
    server_down: Cluster,
    tmp_path: Path,
    name: str,
    dark: bool,
    size: tuple[int, int],
) -> None:
    """The window saying 2 sets were not sent, and File → Sets not sent… over it."""
    with app_palette(dark_palette() if dark else None):
        window, status = _window(qtbot, server_store)
        window.resize(*size)
        page = _session_with_row(window)
        qtbot.waitUntil(lambda: not status._busy)
        server_down.pause()
        _log_pair(qtbot, page, "32.5", "3")
        server_down.resume()
        assert page.current is not None
        workout.remove_exercise(server_store, page.current.exercises[0].id)
        status.poll_now()
        qtbot.waitUntil(lambda: not status._busy)
        dialog = studio_window.show_not_sent(window)
        assert isinstance(dialog, NotSentDialog)
        qtbot.waitExposed(dialog)
        save_shot(window, tmp_path, name)
        save_shot(dialog, tmp_path, "dialog-" + name)
        dialog.close()
        _close(window)
