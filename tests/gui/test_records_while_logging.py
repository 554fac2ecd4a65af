"""Session page: a set that beats its side's personal record says so at once, in the
profile's unit; one that does not says nothing; undo takes the announcement away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import focused, seed_past_session, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store
from fakes import FakeClock


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    window.activateWindow()
    return page


def _log(qtbot: QtBot, weight: str, reps: str) -> None:
    field = focused()
    type_into(qtbot, field, weight)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    type_into(qtbot, focused(), reps)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_a_set_that_beats_its_side_is_announced_and_undo_removes_it(
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
        [(Side.LEFT, 22, 8), (Side.RIGHT, 25, 8)],
        3,
    )
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bulgarian")
    note = page.entry_panel.record_note
    assert focused() is page.entry.row(Side.LEFT).weight
    _log(qtbot, "24", "8")  # left: 24 kg x 8 beats 22 kg x 8
    assert note.isVisible()
    assert note.text() == "New record: L 24 kg x 8 (was 22 kg x 8)"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.set_model.rowCount() == 0
    assert not note.isVisible()

    _log(qtbot, "24", "8")
    assert note.text() == "New record: L 24 kg x 8 (was 22 kg x 8)"
    # right: 24 kg x 8 is below 25 kg x 8, and its estimate below too: nothing to say
    _log(qtbot, "24", "8")
    assert page.set_model.rowCount() == 2
    assert not note.isVisible()


def test_bilateral_records_say_both_and_a_first_set_says_nothing(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_past_session(store, clock, profile, "Back squat", [(Side.BOTH, 100, 5)], 3)
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm row")  # never done: nothing to beat
    note = page.entry_panel.record_note
    _log(qtbot, "30", "8")
    assert page.set_model.rowCount() == 1
    assert not note.isVisible()

    start_and_add(qtbot, page, "back squat")
    _log(qtbot, "105", "5")
    assert note.isVisible()
    assert note.text() == "New record: both 105 kg x 5 (was 100 kg x 5)"
