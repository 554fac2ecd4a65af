"""Bird dog and dead bug are done for reps or held: the entry row takes either, per side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store


def test_bird_dog_logs_reps_on_one_side_and_a_hold_on_the_other(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "bird dog")
    left, right = page.entry.row(Side.LEFT), page.entry.row(Side.RIGHT)
    assert not left.reps.isHidden() and not left.duration.isHidden()
    assert left.duration.placeholderText() == "or sec"

    type_into(qtbot, left.reps, "10")
    qtbot.keyClick(left.reps, Qt.Key.Key_Return)
    assert right.reps.text() == "10"  # filled in from the left side's set
    right.reps.clear()
    type_into(qtbot, right.duration, "0:30")
    qtbot.keyClick(right.duration, Qt.Key.Key_Return)
    assert right.error.isHidden()

    left.reps.clear()
    left.duration.clear()
    qtbot.keyClick(left.reps, Qt.Key.Key_Return)  # neither: refused inline
    assert left.error.text() == "Enter the reps, or how long you held it."

    session = workout.active_session(store, profile.id)
    assert session is not None
    logged = [
        (s.record.side, s.record.reps, s.record.duration_seconds) for s in session.exercises[0].sets
    ]
    assert logged == [(Side.LEFT, 10, None), (Side.RIGHT, None, 30)]


def test_a_one_sided_strength_exercise_still_asks_for_reps(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one arm dumbbell row")
    row = page.entry.row(page.entry.order[0])
    assert row.duration.isHidden()


def test_a_suitcase_carry_takes_the_time_and_the_load_carried(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "suitcase carry")
    first = page.entry.row(page.entry.order[0])
    assert first.reps.isHidden() and not first.duration.isHidden()
    assert not first.weight.isHidden() and first.weight.placeholderText() == "load (optional)"
    assert first.first_field() is first.duration  # typing starts at the time
    type_into(qtbot, first.weight, "24")
    type_into(qtbot, first.duration, "40")
    qtbot.keyClick(first.duration, Qt.Key.Key_Return)
    assert first.error.isHidden()
    session = workout.active_session(store, profile.id)
    assert session is not None
    logged = [
        (s.record.side, s.record.weight_kg, s.record.duration_seconds)
        for s in session.exercises[0].sets
    ]
    assert logged == [(page.entry.order[0], 24.0, 40)]
