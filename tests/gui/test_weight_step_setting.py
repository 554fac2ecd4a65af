"""Settings -> "Weights shown to": a pound profile picks 1 lb, and the weights converted
from kilograms read to the pound on the Session page and in the plate calculator; what was
typed in pounds still reads back as typed, and stored kilograms stay exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session, start_and_add

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.units import Unit, format_weight, to_kg
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store
from fakes import FakeClock


@pytest.fixture
def pounds(store: Store, clock: FakeClock) -> Profile:
    """Sam counts in pounds; the last rows were logged as 22 kg (48.50196 lb)."""
    sam = profiles.create_profile(store, "Sam", Side.RIGHT, Unit.LB)
    seed_past_session(
        store, clock, sam, "One-arm dumbbell row", [(Side.LEFT, 22, 8), (Side.RIGHT, 22, 8)], 3
    )
    return sam


def _settings(window: MainWindow) -> SettingsPage:
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    return page


def test_one_pound_steps_chosen_in_settings_reach_the_session_page(
    qtbot: QtBot, store: Store, pounds: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _settings(window)
    choice = page.weight_step
    offered = [choice.itemText(i) for i in range(choice.count())]
    assert offered == ["0.1 lb", "0.25 lb", "0.5 lb", "1 lb", "2.5 lb", "5 lb"]
    assert choice.currentText() == "0.5 lb"  # the default
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == "1 lb"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert profiles.settings(store, pounds.id).weight_step_lb == 1.0
    qtbot.waitUntil(lambda: window.page("Settings") is not page)  # the pages are rebuilt

    session = window.go_to("Session")
    assert isinstance(session, SessionPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start_and_add(qtbot, session, "one-arm dumbbell row")
    first = session.entry.row(session.entry.order[0])
    # 22 kg = 48.50196 lb: to the pound, 49 lb (it was 48.5 at the half pound).
    assert "Last time: 49 lb x 8" in first.last_time.text()
    assert first.weight.text() == "49"
    # A weight typed in pounds reads back as typed, whatever the step: 47.5 lb stays.
    assert format_weight(to_kg(47.5, Unit.LB), Unit.LB) == "47.5 lb"

    # Back on Settings the choice is kept; kilograms offer their own steps.
    again = _settings(window)
    assert again.weight_step.currentText() == "1 lb"
    again.unit.setCurrentIndex(again.unit.findData("kg"))
    kg = [again.weight_step.itemText(i) for i in range(again.weight_step.count())]
    assert kg == ["0.1 kg", "0.25 kg", "0.5 kg", "1 kg", "2.5 kg"]
    assert again.weight_step.currentText() == "0.25 kg"
    again.unit.setCurrentIndex(again.unit.findData("lb"))  # nothing left unsaved
    assert again.weight_step.currentText() == "1 lb"
