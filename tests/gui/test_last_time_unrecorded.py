"""The set entry's "Last time" line for a one-sided exercise whose last session came from a
file that never said the sides: there was a session, its sides are not known."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot
from session_helpers import exercise_id, start_and_add

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store
from fakes import FakeClock


def test_last_time_says_the_sides_were_not_recorded(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    now = clock.moment
    clock.moment = now - timedelta(days=3)
    earlier = workout.start_session(store, profile.id)
    entry = workout.add_exercise(store, earlier.id, exercise_id(store, "One-arm dumbbell row"))
    for _ in range(2):
        workout.log_set(store, entry, SetRecord(Side.BOTH, 30.0, 10, sides_unrecorded=True))
    workout.finish_session(store, earlier.id)
    clock.moment = now
    window = make_window(store)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one-arm dumbbell row")
    for side in (Side.LEFT, Side.RIGHT):
        text = page.entry.row(side).last_time.text()
        assert text == "Last time, sides not recorded: 30 kg x 10, 30 kg x 10"
