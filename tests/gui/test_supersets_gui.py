"""Session page: Ctrl+G supersets the exercise with the next one, the list shows "Superset
A", a set moves on to the next exercise of the round and the rest timer waits for the round
to end; Ctrl+Z takes the grouping back; the Superset menu and the context menu do the same."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage, SessionEditor
from evenside.gui.pages.session import SessionPage
from evenside.services import library, supersets, workout
from evenside.services.store import Store

CTRL = Qt.KeyboardModifier.ControlModifier


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    window.activateWindow()
    return page


def _rows(page: SessionPage) -> list[str]:
    return [page.exercise_list.item(i).text() for i in range(page.exercise_list.count())]


def _click_row(qtbot: QtBot, page: SessionPage, row: int) -> None:
    rect = page.exercise_list.visualItemRect(page.exercise_list.item(row))
    qtbot.mouseClick(page.exercise_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _log(qtbot: QtBot, weight: str, reps: str) -> None:
    type_into(qtbot, focused(), weight)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into(qtbot, focused(), reps)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_a_superset_round_by_keyboard(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "back squat")
    start_and_add(qtbot, page, "bench press")
    start_and_add(qtbot, page, "barbell curl")
    _click_row(qtbot, page, 0)
    assert "Back squat" in page.header.text()
    qtbot.keyClick(focused(), Qt.Key.Key_G, CTRL)
    assert _rows(page)[:2] == [
        "┃ Back squat\n┃ Superset A · 0 sets",
        "┃ Bench press\n┃ Superset A · 0 sets",
    ]
    assert _rows(page)[2] == "Barbell curl\n0 sets"

    _log(qtbot, "100", "5")  # squat: on to the bench press, no rest yet
    assert "Bench press" in page.header.text()
    assert focused() is page.entry.row(page.entry.order[0]).weight
    assert not page.rest_timer.running
    _log(qtbot, "60", "8")  # bench press ends the round: rest, then the squat again
    assert page.rest_timer.running
    assert "Back squat" in page.header.text()
    assert _rows(page)[:2] == [
        "┃ Back squat\n┃ Superset A · 1 set",
        "┃ Bench press\n┃ Superset A · 1 set",
    ]

    # Undo the two sets, then the grouping itself; redo brings the grouping back.
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert _rows(page)[:2] == ["Back squat\n0 sets", "Bench press\n0 sets"]
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier
    )
    assert _rows(page)[0] == "┃ Back squat\n┃ Superset A · 0 sets"

    # Ctrl+Shift+G takes it apart again.
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier
    )
    assert _rows(page)[:2] == ["Back squat\n0 sets", "Bench press\n0 sets"]


def test_the_superset_menu_and_the_context_menu_hold_the_actions(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bench press")
    start_and_add(qtbot, page, "barbell curl")
    menu = page.list_panel.superset_button.menu()
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Superset with the next exercise, or the previous one if last (Ctrl+G)",
        "Take the superset apart (Ctrl+Shift+G)",
    ]
    assert page.exercise_list.actions() == menu.actions()
    # The last exercise (just added) has nothing after it: it goes with the one before.
    menu.actions()[0].trigger()
    assert _rows(page) == [
        "┃ Bench press\n┃ Superset A · 0 sets",
        "┃ Barbell curl\n┃ Superset A · 0 sets",
    ]


def test_history_shows_the_superset(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    session = workout.start_session(store, profile.id)
    ids = {e.name: e.id for e in library.all_exercises(store)}
    squat, bench, curl = (
        workout.add_exercise(store, session.id, ids[n])
        for n in ("Back squat", "Bench press", "Barbell curl")
    )
    supersets.group(store, [squat, bench])
    workout.finish_session(store, session.id)
    window = make_window(store)
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    assert page.model.data(page.model.index(0, 3)) == (
        "Superset A: Back squat + Bench press, Barbell curl"
    )
    editor = SessionEditor(
        store, profile, session.id, page, hub=page.hub, undo_stack=page.undo_stack
    )
    rows = [editor.exercise_list.item(i).text() for i in range(editor.exercise_list.count())]
    assert rows == ["┃ Back squat · Superset A", "┃ Bench press · Superset A", "Barbell curl"]
    editor.close()
