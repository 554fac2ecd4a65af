"""The Session page's exercise picker: gym shorthand finds the exercise, and a name that
matches nothing offers to create it as a custom exercise, added to the session on saving."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import library, workout
from evenside.services.store import Store


def _type_in_picker(qtbot: QtBot, page: SessionPage, text: str) -> None:
    if page.current is None:
        page.start_button.setFocus()
        qtbot.keyClick(page.start_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.add_box, text)


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    return page


def test_shorthand_finds_the_exercise(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    _type_in_picker(qtbot, page, "sl rdl")
    matches = page.list_panel.matches
    assert matches.item(0).text() == "Single-leg Romanian deadlift"
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)
    session = workout.active_session(store, profile.id)
    assert session is not None and len(session.exercises) == 1


def test_no_match_offers_a_custom_exercise_and_adds_it(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    _type_in_picker(qtbot, page, "zercher squat")
    matches = page.list_panel.matches
    assert matches.isVisible() and matches.count() == 1
    assert matches.item(0).text() == "No match: create custom exercise “zercher squat”…"
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)

    dialog = page.list_panel.custom_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "zercher squat"
    quads = dialog.primary.findItems("Quads", Qt.MatchFlag.MatchExactly)[0]
    dialog.primary.setCurrentItem(quads)
    qtbot.keyClick(dialog.primary, Qt.Key.Key_Space)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    created = next(e for e in library.all_exercises(store) if e.name == "zercher squat")
    assert created.custom
    session = workout.active_session(store, profile.id)
    assert session is not None
    assert [e.exercise_id for e in session.exercises] == [created.id]
    assert "zercher squat" in page.list_panel.exercise_list.item(0).text()


def test_cancelling_the_custom_exercise_adds_nothing(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    before = len(library.all_exercises(store))
    _type_in_picker(qtbot, page, "zercher squat")
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)
    dialog = page.list_panel.custom_dialog
    assert dialog is not None
    dialog.reject()
    assert len(library.all_exercises(store)) == before
    session = workout.active_session(store, profile.id)
    assert session is not None and session.exercises == ()
