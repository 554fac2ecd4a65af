"""A past session's set edited in the session editor after another laptop changed it: the
editor says both values and asks; "Keep mine" saves this edit, "Take theirs" drops it.
Nothing is overwritten before the choice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage, SessionEditor
from evenside.services import workout
from evenside.services.store import Store
from fakes import FakeClock


def _editor(qtbot: QtBot, store: Store, profile: Profile, window: MainWindow) -> SessionEditor:
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    editor = SessionEditor(
        store, profile, page.model.listing(0).id, page, hub=page.hub, undo_stack=page.undo_stack
    )
    qtbot.addWidget(editor)
    editor.show()  # non-modal in the test; the page opens it with exec()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def _type_reps(qtbot: QtBot, editor: SessionEditor, reps: str) -> None:
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, 3))  # the left set's reps
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, reps)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _stored(store: Store, editor: SessionEditor) -> tuple[float | None, int | None]:
    logged = workout.get_session(store, editor.session_id).exercises[0].sets[0].record
    return logged.weight_kg, logged.reps


@pytest.mark.parametrize(
    ("answer", "kept"), [("&Keep mine", (20.0, 10)), ("&Take theirs", (22.5, 8))]
)
def test_an_edit_over_another_laptops_edit_asks_with_both_values(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    answer: str,
    kept: tuple[float, int],
) -> None:
    seed_past_session(store, clock, profile, "One-arm dumbbell row", [(Side.LEFT, 20, 8)], 2)
    editor = _editor(qtbot, store, profile, make_window(store))
    set_id = editor.model.logged(0).id
    workout.update_set(store, set_id, SetRecord(Side.LEFT, 22.5, 8))  # the desk, meanwhile
    _type_reps(qtbot, editor, "10")
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "editConflict") is not None)
    box = editor.findChild(QMessageBox, "editConflict")
    assert isinstance(box, QMessageBox)
    assert box.text() == (
        "This set was changed elsewhere since you opened it. "
        "Yours: L 20 kg x 10 (working). Theirs: L 22.5 kg x 8 (working)."
    )
    assert _stored(store, editor) == (22.5, 8)  # nothing overwritten before the choice
    button = next(b for b in box.findChildren(QPushButton) if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _stored(store, editor) == kept
    assert editor.model.logged(0).record.reps == kept[1]  # the editor shows what is stored
