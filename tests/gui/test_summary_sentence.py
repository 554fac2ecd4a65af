"""The session summary leads each exercise with its plain sentence, above its numbers: the
weak-side verdict for one-sided work (with the session just finished counted), "both" for a
bilateral lift, and "not measured" when no effort was logged, never "even"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import exercise_id, focused, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"


def _earlier_weeks(
    store: Store, clock: FakeClock, profile: Profile, rpe: tuple[float, float] | None
) -> None:
    """20 kg x 8 on each side, twice, one, two and three weeks before the clock's Monday."""
    now = clock.moment
    for weeks_ago in (3, 2, 1):
        clock.moment = now - timedelta(weeks=weeks_ago)
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, exercise_id(store, ROW))
        for _ in range(2):
            for side, effort in zip((Side.LEFT, Side.RIGHT), rpe or (None, None), strict=True):
                workout.log_set(store, se_id, SetRecord(side, 20, 8, rpe=effort))
        workout.finish_session(store, session.id)
    clock.moment = now


def _finish_today(qtbot: QtBot, window: MainWindow, rpe: tuple[str, str]) -> SessionPage:
    """Today by keyboard: a row 20 kg x 8 per side with the given RPE, then a back squat,
    then Ctrl+Enter finishes."""
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one arm dumbbell row")
    left, right = page.entry.order
    assert (left, right) == (Side.LEFT, Side.RIGHT)
    for side, effort in zip((left, right), rpe, strict=True):
        row = page.entry.row(side)
        type_into(qtbot, row.weight, "20")
        type_into(qtbot, row.reps, "8")
        type_into(qtbot, row.rpe, effort)
        qtbot.keyClick(row.rpe, Qt.Key.Key_Return)
    start_and_add(qtbot, page, "back squat")
    row = page.entry.row(Side.BOTH)
    type_into(qtbot, row.weight, "80")
    type_into(qtbot, row.reps, "5")
    qtbot.keyClick(row.reps, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The squat's stretch card comes first; skipping it brings the summary.
    assert page.stretch_card.isVisible() and "Back squat" in page.stretch_card.title.text()
    qtbot.keyClick(page.stretch_card.skip_button, Qt.Key.Key_Space)
    assert page.pages.currentWidget() is page.summary_view
    return page


def _lines(page: SessionPage) -> list[str]:
    return [
        line.strip() for line in page.summary_view.text.toPlainText().splitlines() if line.strip()
    ]


def test_summary_leads_with_the_verdict_counting_today(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    _earlier_weeks(store, clock, profile, (9.5, 7.0))
    page = _finish_today(qtbot, make_window(store), ("9.5", "7"))
    # Four sessions of 20 x 8: L at RPE 9.5 (.774 of 1RM), R at RPE 7 (.707).
    # d = 1 - .707 / .774 = 8.66 % every time, sd 0: beyond variation, above 3 %,
    # the gap flat since the first of them, Monday 12 October.
    sentence = (
        "Your left is 9 % weaker than your right, beyond day-to-day variation, "
        "and the gap has held steady since 12 October."
    )
    lines = _lines(page)
    lead = lines.index(f"{ROW} – {sentence}")
    numbers = lines.index(ROW, lead)  # the row's figures come after its sentence
    assert lead < numbers
    both = lines.index(
        "Back squat – Both sides together: one figure for the pair, no side to compare."
    )
    # The squat's figures: one set, 80 x 5 = 400 kg in the volume's "Both" column, no side.
    assert lines[both + 1 : both + 4] == ["Back squat", "1 set", "400 kg"]
    assert lines.count("Both") == 2  # a "Both" column under Volume and under Best
    assert "even" not in " ".join(lines).replace("Evenside", "")


def test_summary_without_effort_says_not_measured_never_even(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    _earlier_weeks(store, clock, profile, None)
    page = _finish_today(qtbot, make_window(store), ("", ""))
    lines = _lines(page)
    assert (
        f"{ROW} – Not measured yet: log RPE on your last set per side, or run a check. "
        "Start with your left, your non-dominant side." in lines
    )
    assert "not measured" in lines  # the asymmetry cell, not "0 %" or "even"
    assert "even" not in " ".join(lines).replace("Evenside", "")
