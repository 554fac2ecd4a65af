"""At 1024x600 the Routines page puts its balance check below the day, so the day's
buttons show their whole text ("Print sheet…", "Start this day"); on a wide window it sits
beside the day again. History hides its calendar on a narrow window until asked for."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.routines import RoutinesPage
from evenside.services.store import Store


def test_routines_at_1024_keep_their_buttons_whole(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legs", True))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.day_and_findings.orientation() == Qt.Orientation.Vertical)
    for button in (page.print_button, page.start_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: page.day_and_findings.orientation() == Qt.Orientation.Horizontal)


def test_history_calendar_steps_aside_on_a_narrow_window(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    qtbot.waitUntil(lambda: not page.calendar.isVisible())
    assert not page.calendar_button.isChecked()
    qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)  # asked for: shown
    assert page.calendar.isVisible()
    window.resize(1100, 650)
    assert page.calendar.isVisible()  # the user's choice stays
