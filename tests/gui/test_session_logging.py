"""Session page: log a unilateral exercise by keyboard, weak side first, matched strong side,
the strong-side notice and cap, validation that stores nothing, undo and in-place editing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from session_helpers import (
    BoxAnswerer,
    focused,
    seed_past_session,
    start_and_add,
    stored_sets,
    type_into,
)

from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.volume_rule import VolumeRule
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import profiles, workout
from evenside.services.store import Store
from fakes import FakeClock


def _session_page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    window.activateWindow()
    return page


@pytest.fixture
def left_weaker(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    """Three past sessions of Bulgarian split squats with the left side 12 % weaker."""
    for days in (9, 6, 3):
        seed_past_session(
            store,
            clock,
            profile,
            "Bulgarian split squat",
            [(Side.LEFT, 22, 8), (Side.RIGHT, 25, 8), (Side.LEFT, 22, 7), (Side.RIGHT, 25, 8)],
            days,
        )
    return profile


def test_whole_unilateral_exercise_by_keyboard_alone(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "bulgrian")
    assert "Bulgarian split squat" in page.header.text()
    prompt = page.entry.prompt.text()
    # 22 vs 25 kg x 8 in three sessions: Brzycki gap 3 / 25 = 12 % each time, sd 0.
    assert "Start with" in prompt and "weaker by 12 % (e1RM (Brzycki), 3 sessions" in prompt
    assert page.entry.order == [Side.LEFT, Side.RIGHT]

    left, right = page.entry.row(Side.LEFT), page.entry.row(Side.RIGHT)
    assert focused() is left.weight  # the weak side is first, ready for input
    assert left.weight.text() == "22" and left.reps.text() == "8"  # pre-filled from last time
    assert "Last time: 22 kg x 8, 22 kg x 7" in left.last_time.text()
    assert "Last time: 25 kg x 8, 25 kg x 8" in right.last_time.text()

    for set_number, (weight, reps) in enumerate([("24", "8"), ("24", "7"), ("22", "8")], 1):
        type_into(qtbot, focused(), weight)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is left.reps
        type_into(qtbot, left.reps, reps)
        qtbot.keyClick(left.reps, Qt.Key.Key_Return)
        # Focus moves to the strong side, pre-filled to match what the weak side just did.
        assert focused() is right.weight
        assert (right.weight.text(), right.reps.text()) == (weight, reps)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert focused() is left.weight
        assert len(stored_sets(db_path)) == 2 * set_number

    assert stored_sets(db_path) == [
        ("left", 24.0, 8, "working"),
        ("right", 24.0, 8, "working"),
        ("left", 24.0, 7, "working"),
        ("right", 24.0, 7, "working"),
        ("left", 22.0, 8, "working"),
        ("right", 22.0, 8, "working"),
    ]
    assert page.set_model.rowCount() == 6
    assert page.notice.isHidden()
    current = page.current
    assert current is not None and current.exercises[0].first_side is Side.LEFT


def test_no_history_starts_with_the_non_dominant_side(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm row")
    assert "your non-dominant side" in page.entry.prompt.text()
    assert page.entry.order == [Side.LEFT, Side.RIGHT]  # Alex is right-handed
    assert focused() is page.entry.row(Side.LEFT).weight


def test_notice_when_the_strong_side_gets_ahead(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    profiles.save_settings(store, left_weaker.id, Settings(volume_rule=VolumeRule.NOTICE))
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # L 22 x 8 as pre-filled
    type_into(qtbot, page.entry.row(Side.RIGHT).reps, "10")
    qtbot.keyClick(page.entry.row(Side.RIGHT).reps, Qt.Key.Key_Return)
    assert page.notice.isVisible()
    # 22 x 10 = 220 kg against 22 x 8 = 176 kg.
    assert "R is ahead of L by 44 kg of volume" in page.notice.text()
    assert len(stored_sets(db_path)) == 2  # a notice, not a refusal


def test_the_volume_rule_refuses_inline_and_one_key_logs_anyway(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))  # the rule refuses by default
    start_and_add(qtbot, page, "bulgarian split")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # L 22 x 8 = 176 kg
    right = page.entry.row(Side.RIGHT)
    type_into(qtbot, right.reps, "10")  # R 22 x 10 = 220 kg
    qtbot.keyClick(right.reps, Qt.Key.Key_Return)
    assert right.error.isVisible() and right.log_anyway.isVisible()
    assert right.error.text() == (
        "Not logged: this set would take R to 220 kg, past L's 176 kg (R has 176 kg left in "
        "this exercise). Lighten it, or press Ctrl+Shift+Enter to log it anyway."
    )
    assert "Ctrl+Shift+Enter" in right.log_anyway.text()
    assert stored_sets(db_path) == [("left", 22.0, 8, "working")]
    assert focused() is right.reps  # ready to lighten it

    qtbot.keyClick(
        right.reps,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored_sets(db_path) == [("left", 22.0, 8, "working"), ("right", 22.0, 10, "working")]
    assert _overrides(db_path) == [0, 1]  # the set past the rule is marked as logged anyway
    # ... and the set table says so beside its time, in words, with a tooltip.
    logged_column = page.set_model.headers.index("Logged")
    left_cell = page.set_model.index(0, logged_column)
    right_cell = page.set_model.index(1, logged_column)
    assert "logged anyway" not in page.set_model.data(left_cell)
    assert page.set_model.data(right_cell).endswith(" · logged anyway")
    tip = page.set_model.data(right_cell, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Logged past the volume rule")
    assert not right.error.isVisible() and not right.log_anyway.isVisible()
    assert "R is ahead of L by 44 kg of volume" in page.notice.text()


def _overrides(db_path: Path) -> list[int]:
    """The volume_override mark of each set of the open session, in order."""
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT t.volume_override FROM sets t "
            "JOIN session_exercises se ON se.id = t.session_exercise_id "
            "JOIN sessions s ON s.id = se.session_id WHERE s.ended_at IS NULL "
            "ORDER BY t.position"
        ).fetchall()
    return [row[0] for row in rows]


def test_the_log_anyway_key_does_nothing_without_a_refusal(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split")
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focused(), Qt.Key.Key_Return, modifiers)
    assert stored_sets(db_path) == []


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("weight", "abc", "Weight must be a number"),
        ("weight", "1001", "Weight must be 0 to 1000 kg"),
        ("weight", "-5", "Weight must be 0 to 1000 kg"),
        ("reps", "2.5", "Reps must be a whole number"),
        ("reps", "1001", "Reps must be 0 to 1000"),
        ("reps", "0", "only for a failed attempt"),
        ("reps", "", "Enter the reps"),
        ("rpe", "11", "RPE must be 5 to 10 in halves"),
        ("rpe", "7.3", "RPE must be 5 to 10 in halves"),
    ],
)
def test_invalid_input_is_refused_inline_and_nothing_is_stored(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    field: str,
    text: str,
    message: str,
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    row = page.entry.row(Side.LEFT)
    type_into(qtbot, row.weight, "20")
    type_into(qtbot, row.reps, "8")
    target = getattr(row, field)
    target.clear()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert row.error.isVisible() and message in row.error.text()
    assert QApplication.focusWidget() is target  # back where the problem is
    assert stored_sets(db_path) == []


def test_undo_redo_edit_in_place_and_delete(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    row = page.entry.row(Side.LEFT)
    type_into(qtbot, row.weight, "20")
    type_into(qtbot, row.reps, "10")
    qtbot.keyClick(row.reps, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # R matches: 20 x 10
    assert len(stored_sets(db_path)) == 2

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_sets(db_path) == [("left", 20.0, 10, "working")]
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored_sets(db_path) == [("left", 20.0, 10, "working"), ("right", 20.0, 10, "working")]

    # Edit the right side's reps in the table: select the cell, F2, type, Enter.
    table = page.set_table
    table.setFocus()
    table.setCurrentIndex(page.set_model.index(1, 3))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_sets(db_path)[1] == ("right", 20.0, 9, "working"))
    assert page.set_model.data(page.set_model.index(1, 3)) == "9"

    # A bad edit is refused with a message and changes nothing.
    table.setFocus()
    table.setCurrentIndex(page.set_model.index(1, 3))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "nine")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits an editor on a queued call; wait for it.
    qtbot.waitUntil(lambda: "Reps must be a number" in page.table_message.text())
    assert stored_sets(db_path)[1] == ("right", 20.0, 9, "working")

    table.setFocus()
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the edit
    assert stored_sets(db_path)[1] == ("right", 20.0, 10, "working")

    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored_sets(db_path) == [("right", 20.0, 10, "working")]
    assert "Ctrl+Z brings it back" in page.table_message.text()
    qtbot.keyClick(page.set_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_sets(db_path) == [("left", 20.0, 10, "working"), ("right", 20.0, 10, "working")]


def test_overriding_the_order_for_one_set_is_recorded(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split")
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.entry.order == [Side.RIGHT, Side.LEFT]
    assert focused() is page.entry.row(Side.RIGHT).weight
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert [s[0] for s in stored_sets(db_path)] == ["right", "left"]
    # Starting with the strong side is the user's one-keystroke choice past the volume rule
    # (R 25 x 8 before L had any volume): logged, and recorded as such.
    assert _overrides(db_path) == [1, 0]
    assert page.entry.order == [Side.LEFT, Side.RIGHT]  # back to weak side first
    session = workout.active_session(store, left_weaker.id)
    assert session is not None and session.exercises[0].first_side is Side.RIGHT


def test_set_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    left_weaker: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtmodeltester.check(page.set_model)  # type: ignore[attr-defined]


def test_one_logged_set_reads_1_set(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    assert page.exercise_list.item(0).text() == "One-arm dumbbell row\n0 sets"
    left = page.entry.row(Side.LEFT)
    type_into(qtbot, focused(), "20")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into(qtbot, left.reps, "8")
    qtbot.keyClick(left.reps, Qt.Key.Key_Return)  # the left side only: one set
    assert page.exercise_list.item(0).text() == "One-arm dumbbell row\n1 set"

    answers = BoxAnswerer(("Remove One-arm dumbbell row", QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.list_panel.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: answers.done)
    assert answers.seen == [
        "Remove One-arm dumbbell row and its 1 set from this session? Ctrl+Z brings it back."
    ]
    assert page.exercise_list.count() == 1
