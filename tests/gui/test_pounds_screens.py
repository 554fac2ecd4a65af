"""A pound profile sees pounds: last time, the pre-filled weight, History volumes and the
plate calculator, with no "48.502 lb" and no "44.092 lb bar"; logging the pre-fill keeps
the stored kilograms exact."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import focused, seed_past_session, start_and_add, stored_sets, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store
from fakes import FakeClock


@pytest.fixture
def pounds(store: Store, clock: FakeClock) -> Profile:
    """Sam counts in pounds; the last session's dumbbells were logged as 22 kg (imported)."""
    sam = profiles.create_profile(store, "Sam", Side.RIGHT, Unit.LB)
    seed_past_session(
        store, clock, sam, "One-arm dumbbell row", [(Side.LEFT, 22, 8), (Side.RIGHT, 22, 8)], 3
    )
    return sam


def test_session_shows_and_logs_converted_weights_cleanly(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    pounds: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    window = make_window(store)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one-arm dumbbell row")
    first = page.entry.row(page.entry.order[0])
    # 22 kg = 48.50196 lb: shown to the half pound.
    assert "Last time: 48.5 lb x 8" in first.last_time.text()
    assert first.weight.text() == "48.5"
    assert focused() is first.weight
    # Up and Down: the next dumbbell, 2.5 lb apart (48.5 lies between 47.5 and 50).
    qtbot.keyClick(first.weight, Qt.Key.Key_Up)
    assert first.weight.text() == "50"
    qtbot.keyClick(first.weight, Qt.Key.Key_Down)
    assert first.weight.text() == "47.5"
    qtbot.keyClick(first.weight, Qt.Key.Key_Down)
    assert first.weight.text() == "45"
    type_into(qtbot, first.weight, "48.5")  # back to last time's weight, typed
    qtbot.keyClick(first.weight, Qt.Key.Key_Return)
    assert stored_sets(db_path) == [(page.entry.order[0].value, 22.0, 8, "working")]


def test_history_volumes_in_whole_pounds(
    qtbot: QtBot, store: Store, pounds: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("History")
    assert isinstance(page, HistoryPage)
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    # 22 kg x 8 = 176 kg x reps = 388.01 lb x reps per side.
    assert row[4:6] == ["388 lb", "388 lb"]


def test_switching_to_pounds_shows_a_45_lb_bar(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    page.unit.setCurrentIndex(page.unit.findData("lb"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.profile_label.text().startswith("<small>lb"))
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    assert page.bar.text() == "45"
    assert page.plates.text() == "45, 35, 25, 10, 5, 2.5"
    qtbot.mouseClick(page.plate_button, Qt.MouseButton.LeftButton)
    dialog = page.plate_dialog
    qtbot.keyClicks(dialog.target, "225")
    assert dialog.answer.text() == "Each side: 45 + 45 lb  (bar 45 lb)"
    dialog.close()
