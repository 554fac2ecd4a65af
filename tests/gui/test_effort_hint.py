"""The one-time effort nudge on the Session page, driven by the keyboard: a one-sided set
logged with no RPE asks once, under the entry, for RPE on that side's last set; "Add RPE"
opens that set's RPE cell; once given, or for a bilateral lift, nothing is asked."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store

ASK = "Add RPE to this side's last set so Evenside can compare sides."


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    return page


def _log(qtbot: QtBot, page: SessionPage, side: Side, rpe: str = "") -> None:
    row = page.entry.row(side)
    type_into(qtbot, row.weight, "20")
    type_into(qtbot, row.reps, "8")
    type_into(qtbot, row.rpe, rpe)
    qtbot.keyClick(row.rpe, Qt.Key.Key_Return)


def _rpes(db_path: Path) -> list[tuple[str, float | None]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT side, rpe FROM sets ORDER BY id").fetchall()


def test_asks_once_and_add_rpe_opens_the_sides_last_set(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    db_path: Path,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    hint = page.entry_panel.effort_hint
    assert not hint.isVisible()
    _log(qtbot, page, Side.LEFT)
    assert hint.isVisible() and ASK in hint.text.text()
    assert ">L<" in hint.text.text()  # the side it means, with its letter
    assert focused() is page.entry.row(Side.RIGHT).weight  # typing is not interrupted
    _log(qtbot, page, Side.RIGHT)
    assert hint.isVisible()  # still the left it asks about: one line, not a second

    hint.add_button.setFocus()
    qtbot.keyClick(hint.add_button, Qt.Key.Key_Space)
    editor = QApplication.focusWidget()
    assert page.set_table.isAncestorOf(editor)  # typing goes into the left set's RPE cell
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _rpes(db_path) == [("left", 9.0), ("right", None)])
    assert not hint.isVisible()  # the left has an effort now

    _log(qtbot, page, Side.LEFT)  # again without effort: asked once is enough
    assert not hint.isVisible()


def test_no_ask_with_effort_given_or_for_a_bilateral_lift(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    hint = page.entry_panel.effort_hint
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log(qtbot, page, Side.LEFT, "9.5")
    _log(qtbot, page, Side.RIGHT, "7")
    assert not hint.isVisible()
    start_and_add(qtbot, page, "back squat")
    _log(qtbot, page, Side.BOTH)
    assert not hint.isVisible()
