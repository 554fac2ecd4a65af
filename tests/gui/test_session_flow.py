"""Session page beyond single sets: stretch card after each exercise, rest timer on a fake
clock, the finishing summary against the domain functions, reopening after a restart."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import focused, seed_past_session, start_and_add, type_into

from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.training import StretchStatus
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.widgets.rest_timer import RestTimer
from evenside.services import profiles, workout
from evenside.services.store import Store
from fakes import FakeClock, FakeMonotonic


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    return page


def _log_pair(
    qtbot: QtBot, page: SessionPage, weight: str, reps: str, right_reps: str | None = None
) -> None:
    left, right = page.entry.order
    type_into(qtbot, page.entry.row(left).weight, weight)
    type_into(qtbot, page.entry.row(left).reps, reps)
    qtbot.keyClick(page.entry.row(left).reps, Qt.Key.Key_Return)
    if right_reps is not None:
        type_into(qtbot, page.entry.row(right).reps, right_reps)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_stretch_card_after_each_exercise_records_done_and_skip(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split squat")
    _log_pair(qtbot, page, "20", "8")
    assert not page.stretch_card.isVisible()

    start_and_add(qtbot, page, "one arm dumbbell row")  # moving on: stretch what was worked
    card = page.stretch_card
    assert card.isVisible()
    assert "after Bulgarian split squat" in card.title.text()
    assert len(card.timers) == 2
    first_hold = card.timers[0]
    # one side at a time, L first, twice (the default repetitions)
    assert [h.side for h in first_hold.holds] == [Side.LEFT, Side.RIGHT] * 2
    qtbot.mouseClick(card.done_button, Qt.MouseButton.LeftButton)
    assert not card.isVisible()

    _log_pair(qtbot, page, "30", "10")
    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert card.isVisible() and "after One-arm dumbbell row" in card.title.text()
    qtbot.mouseClick(card.skip_button, Qt.MouseButton.LeftButton)

    session = workout.active_session(store, profile.id)
    assert session is not None
    assert [e.stretch_status for e in session.exercises] == [
        StretchStatus.DONE,
        StretchStatus.SKIPPED,
    ]
    assert "✓ stretched" in page.exercise_list.item(0).text()


def test_stretch_reminder_setting_turns_the_card_off(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    profiles.save_settings(store, profile.id, Settings(stretch_reminders=False))
    page = _page(make_window(store))
    start_and_add(qtbot, page, "bulgarian split squat")
    _log_pair(qtbot, page, "20", "8")
    start_and_add(qtbot, page, "one arm dumbbell row")
    assert not page.stretch_card.isVisible()


def test_rest_timer_against_a_fake_clock(qtbot: QtBot) -> None:
    clock = FakeMonotonic()
    timer = RestTimer(clock)
    qtbot.addWidget(timer)
    timer.show()
    timer.start(90, "Rest before the next set")
    assert timer.display.text() == "1:30"
    clock.advance(30)
    timer.tick()
    assert timer.display.text() == "1:00"
    qtbot.mouseClick(timer.pause_button, Qt.MouseButton.LeftButton)
    clock.advance(40)
    timer.tick()
    assert timer.display.text() == "1:00" and timer.pause_button.text() == "Resume"
    qtbot.mouseClick(timer.pause_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(timer.plus_button, Qt.MouseButton.LeftButton)
    assert timer.display.text() == "1:15"
    qtbot.mouseClick(timer.minus_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(timer.minus_button, Qt.MouseButton.LeftButton)
    assert timer.display.text() == "0:45"
    clock.advance(45)
    with qtbot.waitSignal(timer.finished, timeout=1000):
        timer.tick()
    assert "Rest over" in timer.caption.text() and not timer.running
    assert "#1B7F4B" in timer.styleSheet()  # the visual cue
    timer.start(60, "Rest")
    qtbot.mouseClick(timer.skip_button, Qt.MouseButton.LeftButton)
    assert not timer.running and timer.caption.text() == "Rest skipped"


def test_rest_between_sides_then_between_sets(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    profiles.save_settings(
        store, profile.id, Settings(rest_between_sides_seconds=20, rest_between_sets_seconds=75)
    )
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    left = page.entry.row(Side.LEFT)
    type_into(qtbot, left.weight, "30")
    type_into(qtbot, left.reps, "10")
    qtbot.keyClick(left.reps, Qt.Key.Key_Return)
    assert page.rest_timer.running and page.rest_timer.display.text() == "0:20"
    assert "then R" in page.rest_timer.caption.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.rest_timer.display.text() == "1:15"


def test_finish_summary_shows_the_hand_computed_bests_and_gap(
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
        [(Side.LEFT, 26, 8), (Side.RIGHT, 30, 8)],
        days_ago=4,
    )
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log_pair(qtbot, page, "28", "8")
    _log_pair(qtbot, page, "28", "7", right_reps="9")
    # No verdict yet: L (Alex's non-dominant side) is protected. R 28 x 9 would take R to
    # 224 + 252 = 476 kg, past L's 224 + 196 = 420 kg: refused, then logged anyway.
    right = page.entry.row(Side.RIGHT)
    assert right.error.isVisible() and "past L's 420 kg" in right.error.text()
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    clock.advance(minutes=35)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The last exercise's stretch card comes before the summary; the stretch is done there.
    assert page.pages.currentWidget() is page.work_panel
    assert page.stretch_card.isVisible() and "One-arm dumbbell row" in (
        page.stretch_card.title.text()
    )
    qtbot.keyClick(page.stretch_card.done_button, Qt.Key.Key_Space)
    assert page.pages.currentWidget() is page.summary_view
    summary = page.summary_view.summary
    [row] = summary.exercises

    # Brzycki, w * 36 / (37 - r): left best 28 x 8 = 28 * 36 / 29 = 34.759,
    # right best 28 x 9 = 28 * 36 / 28 = 36.0.
    assert row.left.best == pytest.approx(34.759, abs=1e-3)
    assert row.right.best == pytest.approx(36.0)
    assert row.left.volume == pytest.approx(420)  # 28 x 8 + 28 x 7
    assert row.right.volume == pytest.approx(476)  # 28 x 8 + 28 x 9
    # Today (36.0 - 34.759) / 36.0 = 3.45 %, left weaker. Four days ago 26 x 8 against
    # 30 x 8, same reps: (30 - 26) / 30 = 13.33 %. The gap closed by 9.89 points.
    assert row.asymmetry is not None
    assert row.asymmetry.percent == pytest.approx(3.448, abs=1e-3)
    assert row.asymmetry.weaker is Side.LEFT
    assert row.asymmetry_change == pytest.approx(-9.885, abs=1e-3)
    assert row.strong_side is Side.RIGHT and row.strong_side_extra_volume == pytest.approx(56)
    assert row.records == (Side.LEFT,)  # 28 x 8 beats 26 x 8; the right side fell short
    assert summary.unstretched == ()  # stretched on the card at the finish
    assert summary.minutes == 35

    text = page.summary_view.text.toPlainText()
    assert "R did 56 kg more volume than L" in text and "record L" in text
    assert "R logged past L's volume 1 time (log anyway)" in text
    assert "2 sets per side" in text
    assert "Not stretched" not in text and "unstretched" not in text
    assert "L weaker by 3 % (closed 10 pts vs last time)" in text  # 3.45 %, 9.89 points


def test_unfinished_session_reopens_after_restart(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    first = make_window(store)
    page = _page(first)
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log_pair(qtbot, page, "30", "10")
    start_and_add(qtbot, page, "bulgarian split squat")
    page.session_notes.setFocus()
    type_into(qtbot, page.session_notes, "Left knee felt fine")
    qtbot.keyClick(page.session_notes, Qt.Key.Key_Tab)  # leaving the field saves it
    first.close()

    second = make_window(store)
    reopened = _page(second)
    assert reopened.current is not None and reopened.pages.currentWidget() is reopened.work_panel
    assert reopened.exercise_list.count() == 2
    assert "One-arm dumbbell row" in reopened.header.text()  # where the last set was logged
    assert reopened.set_model.rowCount() == 2
    assert reopened.session_notes.text() == "Left knee felt fine"


def test_rir_and_a_per_exercise_rest(
    qtbot: QtBot,
    store: Store,
    db_path: object,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    import sqlite3

    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    page.rest_spin.setFocus()
    page.rest_spin.selectAll()
    qtbot.keyClicks(page.rest_spin, "120")
    qtbot.keyClick(page.rest_spin, Qt.Key.Key_Tab)
    assert page.exercises[page.current.exercises[0].exercise_id].rest_seconds == 120  # type: ignore[union-attr]

    page.entry.effort.setCurrentIndex(page.entry.effort.findData("rir"))
    left = page.entry.row(Side.LEFT)
    assert left.rpe.placeholderText() == "RIR (optional)"
    type_into(qtbot, left.weight, "30")
    type_into(qtbot, left.reps, "10")
    type_into(qtbot, left.rpe, "7")
    qtbot.keyClick(left.rpe, Qt.Key.Key_Return)
    assert "RIR must be 0 to 5" in left.error.text()
    type_into(qtbot, left.rpe, "2")
    qtbot.keyClick(left.rpe, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.rest_timer.display.text() == "2:00"
    with sqlite3.connect(str(db_path)) as connection:
        efforts = connection.execute("SELECT side, rpe, rir FROM sets ORDER BY id").fetchall()
    assert efforts == [("left", None, 2.0), ("right", None, None)]
    assert page.set_model.data(page.set_model.index(0, 5)) == "8"  # shown on the RPE scale


def test_finish_button_shows_the_last_stretch_and_finishing_past_it_lists_not_stretched(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log_pair(qtbot, page, "20", "10")
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert page.pages.currentWidget() is page.work_panel  # not finished yet
    assert page.stretch_card.isVisible()
    assert page.finish_button.text() == "F&inish, no stretch (Ctrl+Return)"
    # Ctrl+Return again: finished without the stretch, and the summary says so.
    qtbot.keyClick(
        page.stretch_card.done_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert page.pages.currentWidget() is page.summary_view
    text = page.summary_view.text.toPlainText()
    assert "Not stretched: One-arm dumbbell row" in text
    assert "Left unstretched" not in text
    assert "1 set per side" in text
    assert page.finish_button.text() == "F&inish session"


def test_readme_step_six_first_ctrl_return_shows_the_stretch_a_second_the_summary(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    """README step 6 as written: the first Ctrl+Return shows the last exercise's stretch
    card (its stretch was neither done nor skipped), the second shows the summary."""
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log_pair(qtbot, page, "20", "10")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.pages.currentWidget() is page.work_panel
    assert page.stretch_card.isVisible()
    assert "One-arm dumbbell row" in page.stretch_card.title.text()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.pages.currentWidget() is page.summary_view


def test_after_ctrl_d_the_first_ctrl_return_still_shows_the_card_first(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    """README step 5 then 6: Ctrl+D shows the stretch; it still takes two Ctrl+Return."""
    page = _page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    _log_pair(qtbot, page, "20", "10")
    qtbot.keyClick(_focus(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.stretch_card.isVisible()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The first press keeps the card up and offers to finish past it; the second finishes.
    assert page.pages.currentWidget() is page.work_panel and page.stretch_card.isVisible()
    assert page.finish_button.text() == "F&inish, no stretch (Ctrl+Return)"
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.pages.currentWidget() is page.summary_view
