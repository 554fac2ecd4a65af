"""History by keyboard, as a new user met it: a set brought back in the session editor is
selected with the deletion notice gone, Alt+L on the last page stays there, the search
reads gym shorthand ("db row", "ohp", "sl rdl") and the filter row keeps "To" readable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage, SessionEditor
from evenside.services.store import Store
from fakes import FakeClock


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _history(window: MainWindow) -> HistoryPage:
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    return page


def test_ctrl_z_in_the_editor_clears_the_notice_and_selects_the_set_brought_back(
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
        "One-arm dumbbell row",
        [(Side.LEFT, 20, 8), (Side.RIGHT, 24, 8), (Side.LEFT, 20, 7)],
        3,
    )
    page = _history(make_window(store))
    editor = SessionEditor(
        store, profile, page.model.listing(0).id, page, hub=page.hub, undo_stack=page.undo_stack
    )
    qtbot.addWidget(editor)
    editor.show()  # non-modal in the test; the page opens it with exec()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.table.setFocus()
    editor.table.selectRow(1)  # R 24 kg x 8
    qtbot.keyClick(_focus(), Qt.Key.Key_Delete)
    assert editor.message.text() == "Set deleted. Undo (Ctrl+Z) brings it back."
    qtbot.keyClick(_focus(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == 3
    assert editor.message.text() == ""
    [selected] = editor.table.selectionModel().selectedRows()
    assert selected.row() == 1
    back = editor.model.logged(1).record
    assert (back.side, back.weight_kg, back.reps) == (Side.RIGHT, 24.0, 8)
    # Delete again takes the same set.
    qtbot.keyClick(_focus(), Qt.Key.Key_Delete)
    sides = [editor.model.logged(r).record.side for r in range(editor.model.rowCount())]
    assert sides == [Side.LEFT, Side.LEFT]
    editor.close()


@pytest.fixture
def hundred_and_five(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    for days in range(1, 106):
        seed_past_session(store, clock, profile, "Back squat", [(Side.BOTH, 60, 5)], days)
    return profile


def test_alt_l_on_the_last_page_stays_on_the_last_page(
    qtbot: QtBot,
    store: Store,
    hundred_and_five: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    window = make_window(store)
    qtbot.keyClick(_focus(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, HistoryPage)
    qtbot.keyClick(_focus(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert _focus() is page.search  # History opens with the cursor in the search
    qtbot.waitUntil(lambda: page.status.text() == "Sessions 101–105 of 105")
    for _ in range(3):  # more presses than there are pages
        qtbot.keyClick(_focus(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        assert page.search.text() == ""  # the key typed nothing either
        assert page.status.text() == "Sessions 101–105 of 105"
    qtbot.keyClick(_focus(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.status.text() == "Sessions 1–100 of 105")


def test_ctrl_f_reads_gym_shorthand(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    # Days back 1..8: row on 1, 5; overhead press on 2, 6; SL RDL on 3, 7; back squat 4, 8.
    names = ["One-arm dumbbell row", "Overhead press", "Single-leg Romanian deadlift"]
    for days in range(1, 9):
        name = (names + ["Back squat"])[(days - 1) % 4]
        side = Side.BOTH if name in ("Overhead press", "Back squat") else Side.LEFT
        seed_past_session(store, clock, profile, name, [(side, 20, 8)], days)
    page = _history(make_window(store))
    page.table.setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()

    def listed(text: str) -> set[str]:
        page.search.selectAll()
        qtbot.keyClicks(page.search, text)
        return {str(page.model.data(page.model.index(r, 3))) for r in range(page.model.rowCount())}

    assert listed("db row") == {"One-arm dumbbell row"}
    assert page.status.text() == "2 sessions"
    assert listed("ohp") == {"Overhead press"}
    assert listed("sl rdl") == {"Single-leg Romanian deadlift"}
    assert listed("bb squat") == {"Back squat"}
    assert listed("military press") == {"Overhead press"}
    assert listed("quat") == {"Back squat"}  # a part of a word still finds it
    assert listed("nordic") == set()
    assert page.status.text() == "No session matches: change the exercise or the days."


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_the_day_labels_have_room_for_every_letter(
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    size: tuple[int, int],
) -> None:
    """ "To" was drawn as "Tc": measured as a kerned pair, its "o" ran under the field."""
    window = make_window(store)
    window.resize(*size)
    page = _history(window)
    labels = {label.text(): label for label in page.findChildren(QLabel) if label.buddy()}
    for text, field in (("F&rom", page.from_day), ("&To", page.to_day)):
        label = labels[text]
        metrics = label.fontMetrics()
        letters = sum(metrics.horizontalAdvance(c) for c in text.replace("&", ""))
        assert label.width() >= letters
        assert label.geometry().right() < field.geometry().left()
