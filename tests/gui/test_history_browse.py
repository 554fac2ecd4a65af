"""History for years of training: a page at a time (every session reachable), search by
exercise, a day range, a calendar of training days, a set deleted in the session editor and
brought back with Ctrl+Z, and "History of this exercise" from Progress and the Library."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session, start_and_add

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage, SessionEditor
from evenside.gui.pages.library import LibraryPage
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store
from fakes import FakeClock

# The clock stands at Mon 2 Nov 2026 18:00.
TODAY = date(2026, 11, 2)


@pytest.fixture
def many(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    """105 sessions, one a day: rows on even days back, split squats on odd days back."""
    for days in range(1, 106):
        name = "One-arm dumbbell row" if days % 2 == 0 else "Bulgarian split squat"
        seed_past_session(store, clock, profile, name, [(Side.LEFT, 20, 8)], days)
    return profile


def _history(window: MainWindow) -> HistoryPage:
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    return page


def _first_date(page: HistoryPage) -> str:
    return str(page.model.data(page.model.index(0, 0)))


def test_every_session_is_reachable_a_page_at_a_time(
    qtbot: QtBot, store: Store, many: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _history(make_window(store))
    assert page.model.rowCount() == 100  # not all 105 at once
    assert page.status.text() == "Sessions 1–100 of 105"
    assert not page.newer_button.isEnabled() and page.older_button.isEnabled()
    qtbot.mouseClick(page.older_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Sessions 101–105 of 105"
    assert page.model.rowCount() == 5
    # The oldest: 105 days before 2 Nov 2026 is Mon 20 Jul 2026 (15 weeks).
    last = page.model.data(page.model.index(4, 0))
    assert last == "Mon 20 Jul 2026 18:00"
    assert page.newer_button.isEnabled() and not page.older_button.isEnabled()
    qtbot.mouseClick(page.newer_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Sessions 1–100 of 105"
    assert _first_date(page) == "Sun 01 Nov 2026 18:00"


def test_search_by_exercise_and_a_day_range(
    qtbot: QtBot, store: Store, many: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _history(make_window(store))
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "SPLIT")
    # Odd days back 1, 3, ..., 105: 53 sessions.
    assert page.status.text() == "53 sessions"
    names = {page.model.data(page.model.index(r, 3)) for r in range(page.model.rowCount())}
    assert names == {"Bulgarian split squat"}
    # From 20 Oct to 25 Oct: days back 8 to 13; the odd ones 9, 11, 13.
    page.from_day.setDate(QDate(2026, 10, 20))
    page.to_day.setDate(QDate(2026, 10, 25))
    assert page.status.text() == "3 sessions"
    assert _first_date(page) == "Sat 24 Oct 2026 18:00"
    page.search.clear()
    assert page.status.text() == "6 sessions"
    qtbot.keyClicks(page.search, "deadlift")
    assert page.status.text() == "No session matches: change the exercise or the days."
    qtbot.mouseClick(page.all_days, Qt.MouseButton.LeftButton)
    page.search.clear()
    assert page.status.text() == "Sessions 1–100 of 105"


def test_calendar_marks_training_days_and_lists_a_chosen_day(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    for days in (2, 9):  # Sat 31 Oct and Sat 24 Oct
        seed_past_session(store, clock, profile, "One-arm dumbbell row", [(Side.LEFT, 20, 8)], days)
    page = _history(make_window(store))
    calendar = page.calendar
    calendar.setCurrentPage(2026, 10)

    def bold(day: int) -> bool:
        weight = calendar.dateTextFormat(QDate(2026, 10, day)).fontWeight()
        return weight == QFont.Weight.Bold

    assert bold(31) and bold(24) and not bold(30)
    calendar.setFocus()
    calendar.setSelectedDate(QDate(2026, 10, 24))
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.status.text() == "1 session"
    assert _first_date(page) == "Sat 24 Oct 2026 18:00"


def test_editor_deletes_a_set_and_ctrl_z_brings_it_back(
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
    session_id = page.model.listing(0).id
    editor = SessionEditor(
        store, profile, session_id, page, hub=page.hub, undo_stack=page.undo_stack
    )
    qtbot.addWidget(editor)
    editor.show()  # non-modal in the test; the page opens it with exec()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.model.rowCount() == 3
    editor.table.setFocus()
    editor.table.selectRow(1)  # R 24 kg x 8
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.model.rowCount() == 2
    sides = [editor.model.logged(r).record.side for r in range(2)]
    assert sides == [Side.LEFT, Side.LEFT]
    assert "Undo (Ctrl+Z) brings it back" in editor.message.text()
    assert page.model.listing(0).volume_right == 0.0  # History follows at once
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == 3
    back = editor.model.logged(1).record
    assert (back.side, back.weight_kg, back.reps) == (Side.RIGHT, 24.0, 8)
    assert workout.get_session(store, session_id).exercises[0].sets[1].record == back
    qtbot.waitUntil(lambda: page.model.listing(0).volume_right == 192.0)  # 24 x 8
    editor.close()


def test_history_of_this_exercise_from_progress_and_library(
    qtbot: QtBot, store: Store, many: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    progress = window.go_to("Progress")
    assert isinstance(progress, ProgressPage)
    progress.open_exercise(
        next(e.id for e in progress._with_data if e.name == "One-arm dumbbell row")
    )
    qtbot.mouseClick(progress.history_button, Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    assert isinstance(page, HistoryPage)
    # Even days back 2, 4, ..., 104: 52 sessions.
    assert page.status.text() == "52 sessions"
    assert page.search.text() == "One-arm dumbbell row"

    library = window.go_to("Library")
    assert isinstance(library, LibraryPage)
    qtbot.keyClicks(library.search, "bulgarian split squat")
    qtbot.mouseClick(library.history_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page
    assert page.status.text() == "53 sessions"
    assert _first_date(page) == (TODAY - timedelta(days=1)).strftime("%a %d %b %Y 18:00")


def test_history_of_an_exercise_lists_its_records_per_side(
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
        [(Side.LEFT, 20, 8), (Side.RIGHT, 24, 8), (Side.LEFT, 22, 5), (Side.RIGHT, 26, 5)],
        3,
    )
    window = make_window(store)
    progress = window.go_to("Progress")
    assert isinstance(progress, ProgressPage)
    progress.open_exercise(
        next(e.id for e in progress._with_data if e.name == "One-arm dumbbell row")
    )
    progress.exercise_list.setFocus()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # the button's key
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), HistoryPage))
    page = window.stack.currentWidget()
    assert isinstance(page, HistoryPage)
    assert page.records.isVisible()
    text = page.records.text()
    # Left: 22 x 5 is the 1-, 3- and 5-rep record, 20 x 8 the 8-rep one; Brzycki e1RM
    # 20 * 36 / 29 = 24.8 beats 22 * 36 / 32 = 24.75. Right: 26 x 5; 24 x 8 -> 29.8.
    left_row = text.split("left</td>")[1].split("</tr>")[0]
    right_row = text.split("right</td>")[1].split("</tr>")[0]
    assert left_row.count("22 kg") == 3 and "20 kg" in left_row and "24.8 kg" in left_row
    assert right_row.count("26 kg") == 3 and "24 kg" in right_row and "29.8 kg" in right_row
    assert "Both" not in text  # a one-sided exercise has no "both" row
    page.search.clear()
    assert not page.records.isVisible()


def test_ctrl_h_while_logging_opens_this_exercises_history(
    qtbot: QtBot, store: Store, many: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    session = window.go_to("Session")
    assert isinstance(session, SessionPage)
    start_and_add(qtbot, session, "bulgarian split squat")
    focus = QApplication.focusWidget()
    assert focus is session.entry.row(session.entry.order[0]).weight
    qtbot.keyClick(focus, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, HistoryPage)
    # The 53 past sessions with split squats (odd days back) and today's, just started.
    assert page.status.text() == "54 sessions"
    assert page.records.isVisible()
