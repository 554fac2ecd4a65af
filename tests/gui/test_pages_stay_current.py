"""Every open page shows what another page just wrote, without a restart: a finished
session on History, Progress and its Overview; a custom exercise from the Library on the
Session page; a routine from the Routines page on the Session page's start panel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.gui.dialogs.custom_exercise import CustomExerciseDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.library import LibraryPage
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store


def _go(qtbot: QtBot, window: MainWindow, number: int) -> QWidget:
    """Ctrl+<number>, as the user switches pages; returns the page shown."""
    window.activateWindow()  # back from a dialog: shortcuts reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    qtbot.waitUntil(page.isVisible)
    return page


def _list_names(widget: object) -> list[str]:
    items = widget.exercise_list  # type: ignore[attr-defined]
    return [items.item(row).text().split("\n")[0] for row in range(items.count())]


def test_a_finished_session_shows_on_history_progress_and_overview_without_a_restart(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    history = _go(qtbot, window, 2)
    assert isinstance(history, HistoryPage)
    assert history.status.text() == "No sessions yet: they appear here once logged."
    progress = _go(qtbot, window, 3)
    assert isinstance(progress, ProgressPage)
    assert progress.exercise_list.count() == 0
    assert progress.overview_model.rowCount() == 0

    session = _go(qtbot, window, 1)
    assert isinstance(session, SessionPage)
    start_and_add(qtbot, session, "bulgarian split squat")
    weak, strong = session.entry.order
    type_into(qtbot, session.entry.row(weak).weight, "20")
    type_into(qtbot, session.entry.row(weak).reps, "8")
    qtbot.keyClick(session.entry.row(weak).reps, Qt.Key.Key_Return)
    type_into(qtbot, session.entry.row(strong).reps, "10")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # 200 kg past the weak side's 160: refused
    assert session.entry.row(strong).log_anyway.isVisible()
    both_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focused(), Qt.Key.Key_Return, both_keys)  # logged anyway
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.stretch_card.isVisible()  # the last stretch first; done, then the summary
    qtbot.keyClick(session.stretch_card.done_button, Qt.Key.Key_Space)
    assert session.pages.currentWidget() is session.summary_view

    assert _go(qtbot, window, 2) is history
    assert history.status.text() == "1 session"
    assert history.model.rowCount() == 1
    assert _go(qtbot, window, 3) is progress
    assert _list_names(progress) == ["Bulgarian split squat"]
    assert "Bulgarian split squat" in progress.chart_header.text()
    bar = progress.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert progress.tabs.currentIndex() == 1
    overview = progress.overview_model
    assert [overview.data(overview.index(0, c)) for c in (0, 1, 2)] == [
        "Bulgarian split squat",
        # Brzycki e1RM: L 20 x 36/29 = 24.83 kg, R 20 x 36/27 = 26.67 kg; 1.84/26.67
        "6.9 %",
        # one session is no verdict: a side is called weaker from 3 sessions of evidence
        "no clear side",
    ]


def test_a_custom_exercise_made_in_the_library_can_be_added_on_the_open_session_page(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    session = _go(qtbot, window, 1)
    assert isinstance(session, SessionPage)
    session.start_button.setFocus()
    qtbot.keyClick(session.start_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert session.current is not None

    library = _go(qtbot, window, 5)
    assert isinstance(library, LibraryPage)

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CustomExerciseDialog)
        qtbot.keyClicks(dialog.name, "Kettlebell windmill")
        item = dialog.primary.findItems("Obliques", Qt.MatchFlag.MatchExactly)[0]
        dialog.primary.setCurrentItem(item)
        qtbot.keyClick(dialog.primary, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_and_save)
    qtbot.mouseClick(library.add_button, Qt.MouseButton.LeftButton)

    assert _go(qtbot, window, 1) is session
    qtbot.keyClick(focused_or(session), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(session.add_box, "windmill")
    assert session.list_panel.matches.item(0).text() == "Kettlebell windmill"
    qtbot.keyClick(session.add_box, Qt.Key.Key_Return)
    assert _list_names(session) == ["Kettlebell windmill"]
    assert "<h2>Kettlebell windmill</h2>" in session.header.text()


def focused_or(widget: QWidget) -> QWidget:
    return QApplication.focusWidget() or widget


def test_a_routine_made_on_the_routines_page_can_be_started_from_the_session_page(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    session = _go(qtbot, window, 1)
    assert isinstance(session, SessionPage)
    assert not session.start_panel.routine_day.isVisibleTo(session)

    routines_page = _go(qtbot, window, 4)
    assert isinstance(routines_page, RoutinesPage)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legs", True))
    qtbot.mouseClick(routines_page.new_button, Qt.MouseButton.LeftButton)

    assert _go(qtbot, window, 1) is session
    combo = session.start_panel.routine_day
    assert [combo.itemText(i) for i in range(combo.count())] == ["Legs: Day 1"]
    assert combo.isVisible()
