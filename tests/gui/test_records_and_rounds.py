"""Session page, from a new user's trial: a record line quotes the set that held the record
and leaves with its exercise, redo brings it back; undo of a superset round's last set shows
that exercise and stops the rest it started; Ctrl+G on the last exercise groups it with the
one before; a Settings save keeps a running rest."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import focused, seed_past_session, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services.store import Store
from fakes import FakeClock

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    window.activateWindow()
    return page


def _log(qtbot: QtBot, weight: str, reps: str) -> None:
    type_into(qtbot, focused(), weight)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into(qtbot, focused(), reps)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def _rows(page: SessionPage) -> list[str]:
    return [page.exercise_list.item(i).text() for i in range(page.exercise_list.count())]


def test_a_record_quotes_the_set_it_beat_comes_back_on_redo_and_leaves_with_its_exercise(
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
        "One-arm dumbbell curl",
        [(Side.LEFT, 14, 10), (Side.RIGHT, 14, 10)],
        3,
    )
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one-arm dumbbell curl")
    note = page.entry_panel.record_note
    _log(qtbot, "16", "3")  # 16 kg for 3 reps: nothing at 3 reps or more was as heavy
    # The 3-rep best was 14 kg, held by the 14 kg x 10 set (10 reps cover 3).
    assert note.isVisible()
    assert note.text() == "New record: L 16 kg x 3 (was 14 kg x 10)"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert page.set_model.rowCount() == 0 and not note.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)  # redo: the set and its line
    assert page.set_model.rowCount() == 1
    assert note.isVisible()
    assert note.text() == "New record: L 16 kg x 3 (was 14 kg x 10)"

    # The right side matches: 16 kg x 3 beats R's 3-rep best, 14 kg, held by 14 kg x 10.
    assert focused() is page.entry.row(Side.RIGHT).weight
    _log(qtbot, "16", "3")
    assert note.text() == "New record: R 16 kg x 3 (was 14 kg x 10)"

    # Another exercise, not in a superset with the curl: the line goes.
    start_and_add(qtbot, page, "bench press")
    assert "Bench press" in page.header.text()
    assert not note.isVisible()


def test_undo_of_a_rounds_last_set_shows_its_exercise_and_stops_its_rest(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "back squat")
    start_and_add(qtbot, page, "bench press")
    # Ctrl+G on the exercise just added (the last): grouped with the one before.
    qtbot.keyClick(focused(), Qt.Key.Key_G, CTRL)
    assert _rows(page) == [
        "┃ Back squat\n┃ Superset A · 0 sets",
        "┃ Bench press\n┃ Superset A · 0 sets",
    ]
    assert page.table_message.text() == ""
    assert focused() is page.entry.row(Side.BOTH).weight  # the keys are back in the entry

    page.exercise_list.setCurrentRow(0)
    assert "Back squat" in page.header.text()
    _log(qtbot, "100", "5")  # squat, then on to the bench press
    _log(qtbot, "60", "8")  # the bench press ends the round: rest, back to the squat
    assert "Back squat" in page.header.text()
    assert page.rest_timer.running
    assert page.rest_timer.caption.text() == "Round done: rest"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # the bench press set goes
    assert "Bench press" in page.header.text()  # shown where the set was
    assert page.set_model.rowCount() == 0
    assert not page.rest_timer.running
    assert page.rest_timer.caption.text() == "No rest running"
    assert focused() is page.entry.row(Side.BOTH).weight

    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)  # redo: it comes back, in view
    assert "Bench press" in page.header.text()
    assert page.set_model.rowCount() == 1


def test_ctrl_g_alone_in_the_session_says_so(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "back squat")
    qtbot.keyClick(focused(), Qt.Key.Key_G, CTRL)
    assert page.table_message.text() == (
        "There is no other exercise to superset this one with: add one first."
    )
    assert _rows(page) == ["Back squat\n0 sets"]


def test_saving_settings_mid_session_keeps_the_rest_running(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _page(window)
    start_and_add(qtbot, page, "back squat")
    _log(qtbot, "100", "5")
    assert page.rest_timer.running
    assert page.rest_timer.caption.text() == "Rest before the next set"

    qtbot.keyClick(focused(), Qt.Key.Key_8, CTRL)  # Settings
    settings = window.stack.currentWidget()
    assert isinstance(settings, SettingsPage)
    settings.unit.setFocus()
    qtbot.keyClick(settings.unit, Qt.Key.Key_Down)  # kg -> lb
    qtbot.keyClick(settings.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not settings)  # pages rebuilt

    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1, CTRL)
    rebuilt = window.stack.currentWidget()
    assert isinstance(rebuilt, SessionPage) and rebuilt is not page
    assert rebuilt.profile.unit.value == "lb"
    assert rebuilt.rest_timer.running
    assert rebuilt.rest_timer.caption.text() == "Rest before the next set"
    assert rebuilt.rest_timer.skip_button.isEnabled()


def test_enter_on_an_exercise_in_the_list_goes_back_to_typing_its_sets(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm db row")
    start_and_add(qtbot, page, "bench press")
    page.exercise_list.setFocus()  # Tab or a click into the list, on the exercise shown
    assert QApplication.focusWidget() is page.exercise_list
    qtbot.keyClick(page.exercise_list, Qt.Key.Key_Return)
    assert page.header.text().startswith("<h2>Bench press</h2>")
    assert page.entry_panel.isAncestorOf(focused())  # typing goes into the set again
