"""The Session page's components driven by keyboard and mouse: the pre-fill rule when
switching exercises, moving and removing exercises with undo and redo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from session_helpers import BoxAnswerer, seed_past_session, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store
from fakes import FakeClock


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    return page


def _names(page: SessionPage) -> list[str]:
    rows = page.exercise_list
    return [rows.item(i).text().split("\n")[0] for i in range(rows.count())]


def _fields(page: SessionPage) -> dict[str, tuple[str, str]]:
    """What the entry rows hold now: side letter -> (weight, reps)."""
    return {
        side.letter: (page.entry.row(side).weight.text(), page.entry.row(side).reps.text())
        for side in page.entry.order
    }


def _key_in_list(qtbot: QtBot, page: SessionPage, key: Qt.Key) -> None:
    page.exercise_list.setFocus()
    qtbot.keyClick(page.exercise_list, key)


def test_a_newly_selected_exercise_prefills_from_its_own_last_session_or_stays_empty(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_past_session(
        store,
        clock,
        profile,
        "Bulgarian split squat",
        [(Side.LEFT, 22.5, 8), (Side.RIGHT, 22.5, 9)],
        days_ago=3,
    )
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split squat")
    assert _fields(page) == {"L": ("22.5", "8"), "R": ("22.5", "9")}

    start_and_add(qtbot, page, "one arm dumbbell row")  # never done before
    assert _names(page) == ["Bulgarian split squat", "One-arm dumbbell row"]
    assert _fields(page) == {"L": ("", ""), "R": ("", "")}
    left = page.entry.row(Side.LEFT)
    type_into(qtbot, left.weight, "30")  # typed, not logged
    type_into(qtbot, left.reps, "5")

    _key_in_list(qtbot, page, Qt.Key.Key_Up)
    assert "Bulgarian split squat" in page.header.text()
    assert _fields(page) == {"L": ("22.5", "8"), "R": ("22.5", "9")}

    _key_in_list(qtbot, page, Qt.Key.Key_Down)
    assert "One-arm dumbbell row" in page.header.text()
    assert _fields(page) == {"L": ("", ""), "R": ("", "")}
    qtbot.keyClick(page.entry.row(page.entry.order[0]).reps, Qt.Key.Key_Return)
    assert page.set_model.rowCount() == 0  # Enter on empty fields logs nothing


def test_move_an_exercise_with_alt_arrows_then_undo_and_redo(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    for query in ("bulgarian split squat", "one arm dumbbell row", "bench press"):
        start_and_add(qtbot, page, query)
    assert _names(page) == ["Bulgarian split squat", "One-arm dumbbell row", "Bench press"]

    page.exercise_list.setFocus()
    qtbot.keyClick(page.exercise_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _names(page) == ["Bulgarian split squat", "Bench press", "One-arm dumbbell row"]
    assert page.exercise_list.currentItem().text().startswith("Bench press")

    qtbot.mouseClick(page.list_panel.up_button, Qt.MouseButton.LeftButton)
    assert _names(page) == ["Bench press", "Bulgarian split squat", "One-arm dumbbell row"]

    page.exercise_list.setFocus()
    qtbot.keyClick(page.exercise_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(page) == ["Bulgarian split squat", "Bench press", "One-arm dumbbell row"]
    qtbot.keyClick(page.exercise_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(page) == ["Bulgarian split squat", "One-arm dumbbell row", "Bench press"]
    qtbot.keyClick(
        page.exercise_list,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _names(page) == ["Bulgarian split squat", "Bench press", "One-arm dumbbell row"]


def test_remove_an_exercise_with_its_sets_then_undo_brings_back_the_same_sets(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split squat")
    weak, strong = page.entry.order
    type_into(qtbot, page.entry.row(weak).weight, "20")
    type_into(qtbot, page.entry.row(weak).reps, "8")
    qtbot.keyClick(page.entry.row(weak).reps, Qt.Key.Key_Return)
    qtbot.keyClick(page.entry.row(strong).reps, Qt.Key.Key_Return)
    start_and_add(qtbot, page, "bench press")
    _key_in_list(qtbot, page, Qt.Key.Key_Up)
    assert page.exercise_list.currentItem().text() == "Bulgarian split squat\n2 sets"
    ids_before = [page.set_model.logged(r).id for r in (0, 1)]

    answers = BoxAnswerer(
        ("Remove Bulgarian split squat and its 2 sets", QMessageBox.StandardButton.Yes)
    )
    qtbot.mouseClick(page.list_panel.remove_button, Qt.MouseButton.LeftButton)
    assert answers.done
    assert _names(page) == ["Bench press"]

    page.window().activateWindow()  # the question box has closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    page.exercise_list.setFocus()
    qtbot.keyClick(page.exercise_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [page.exercise_list.item(i).text() for i in range(2)] == [
        "Bulgarian split squat\n2 sets",
        "Bench press\n0 sets",
    ]
    _key_in_list(qtbot, page, Qt.Key.Key_Home)
    model = page.set_model
    assert [model.logged(r).record.side for r in range(model.rowCount())] == [weak, strong]
    assert [(model.logged(r).record.weight_kg, model.logged(r).record.reps) for r in (0, 1)] == [
        (20.0, 8),
        (20.0, 8),  # the strong side was pre-filled with the weak side's set
    ]
    assert [model.logged(r).id for r in (0, 1)] == ids_before  # the same rows, by id
