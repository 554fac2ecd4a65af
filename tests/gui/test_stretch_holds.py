"""Stretch holds follow ACSM: each stretch's own hold, repeated (a setting, 1 to 4, default
2), counted down hold by hold with the sides alternating, the first side leading."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add, type_into

from evenside.domain.errors import InvalidInput
from evenside.domain.library import Stretch
from evenside.domain.muscles import MuscleGroup
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.gui.widgets.stretch_card import HoldTimer, StretchCard
from evenside.services import profiles
from evenside.services.store import Store
from fakes import FakeMonotonic

CALF = Stretch(1, "Wall calf stretch", (MuscleGroup.CALVES,), "Sole flat on the wall.", 30, True)
BACK = Stretch(2, "Child's pose", (MuscleGroup.LOWER_BACK,), "Sit back.", 20, False)


def _card(
    qtbot: QtBot, stretch: Stretch, first: Side, repetitions: int
) -> tuple[StretchCard, HoldTimer]:
    clock = FakeMonotonic()
    card = StretchCard(clock)
    qtbot.addWidget(card)
    card.show_for(7, "Single-leg calf raise", (stretch,), first, repetitions)
    return card, card.timers[0]


def _run(hold: HoldTimer, seconds: float) -> None:
    hold.clock.advance(seconds)  # type: ignore[attr-defined]
    hold.tick()


def test_two_holds_per_side_alternate_with_the_first_side_leading(qtbot: QtBot) -> None:
    card, hold = _card(qtbot, CALF, Side.RIGHT, 2)
    assert "Wall calf stretch</b>: 2 × 30 s per side" in card.body.itemAt(0).widget().text()
    assert hold.button.text() == "Start R hold 1 of 2"
    qtbot.mouseClick(hold.button, Qt.MouseButton.LeftButton)
    assert "Right, hold 1 of 2" in hold.status.text() and hold.countdown.text() == "0:30"
    _run(hold, 12)
    assert hold.countdown.text() == "0:18"
    _run(hold, 18)  # right side held: 5 s to switch
    assert "Switch sides" in hold.status.text() and "Left, hold 1 of 2" in hold.status.text()
    assert hold.countdown.text() == "0:05" and hold.completed == 1
    _run(hold, 5)
    assert "Left, hold 1 of 2" in hold.status.text() and hold.countdown.text() == "0:30"
    _run(hold, 30)
    _run(hold, 5)
    assert "Right, hold 2 of 2" in hold.status.text()
    _run(hold, 30)
    _run(hold, 5)
    assert "Left, hold 2 of 2" in hold.status.text()
    _run(hold, 30)
    assert hold.finished and hold.completed == 4
    assert hold.status.text() == "Done: 2 × 30 s per side"
    assert not hold.button.isEnabled()


def test_a_two_sided_stretch_repeats_without_sides(qtbot: QtBot) -> None:
    _card_kept, hold = _card(qtbot, BACK, Side.LEFT, 3)
    assert [(h.side, h.repetition) for h in hold.holds] == [
        (Side.BOTH, 1),
        (Side.BOTH, 2),
        (Side.BOTH, 3),
    ]
    hold.start()
    _run(hold, 20)
    assert "Relax, next: hold 2 of 3" in hold.status.text()
    _run(hold, 5)
    _run(hold, 20)
    _run(hold, 5)
    _run(hold, 20)
    assert hold.status.text() == "Done: 3 × 20 s"


def test_pausing_restarts_the_hold_that_was_due(qtbot: QtBot) -> None:
    _card_kept, hold = _card(qtbot, CALF, Side.LEFT, 1)
    hold.start()
    _run(hold, 10)
    qtbot.mouseClick(hold.button, Qt.MouseButton.LeftButton)
    assert hold.button.text() == "Restart L hold 1 of 1" and hold.countdown.text() == "0:30"
    _run(hold, 100)  # paused: nothing counts
    assert hold.completed == 0
    qtbot.mouseClick(hold.button, Qt.MouseButton.LeftButton)
    _run(hold, 30)
    _run(hold, 5)
    _run(hold, 30)
    assert hold.status.text() == "Done: 30 s per side"


def test_repetitions_are_one_to_four() -> None:
    assert Settings().stretch_repetitions == 2
    for wrong in (0, 5):
        with pytest.raises(InvalidInput) as info:
            Settings(stretch_repetitions=wrong).validated()
        assert info.value.field == "stretch_repetitions"


def test_the_setting_reaches_the_card_after_an_exercise(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    settings = window.go_to("Settings")
    assert isinstance(settings, SettingsPage)
    assert settings.stretch_reps.value() == 2
    settings.stretch_reps.setValue(3)
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert profiles.settings(store, profile.id).stretch_repetitions == 3

    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "single leg calf raise")
    first, _ = page.entry.order
    type_into(qtbot, page.entry.row(first).weight, "10")
    type_into(qtbot, page.entry.row(first).reps, "12")
    qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    start_and_add(qtbot, page, "plank")
    card = page.stretch_card
    assert card.isVisible()
    hold = card.timers[0]
    assert hold.stretch.name == "Wall calf stretch, knee straight then bent"
    # Three repetitions, left first (no verdict yet): L R L R L R.
    assert [h.side.letter for h in hold.holds] == ["L", "R", "L", "R", "L", "R"]
    assert "3 × 30 s per side" in card.body.itemAt(0).widget().text()
