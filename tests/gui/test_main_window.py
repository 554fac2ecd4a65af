"""Main window: first start creates a profile, the demo opens on data, geometry is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.domain.volume_rule import VolumeRule
from evenside.gui.app import open_demo_store
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.library import LibraryPage
from evenside.paths import demo_database
from evenside.services import profiles
from evenside.services.store import Store


def test_first_start_creates_a_profile_by_keyboard(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome and not window.side_panel.isVisible()
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)  # empty name is refused inline
    assert welcome.error.isVisible() and profiles.list_profiles(store) == []
    welcome.dominant_left.click()
    welcome.lb.click()
    qtbot.keyClicks(welcome.name, "Robin")
    qtbot.keyClick(welcome.name, Qt.Key.Key_Return)
    [created] = profiles.list_profiles(store)
    assert (created.name, created.dominant, created.unit) == ("Robin", Side.LEFT, Unit.LB)
    # The welcome page's promise is the new profile's default: past the weaker side's volume
    # a set is refused unless logged anyway.
    assert "a set that would take it past is refused" in welcome.intro.text()
    assert profiles.settings(store, created.id).volume_rule is VolumeRule.REFUSE
    assert window.side_panel.isVisible() and window.profile_switcher.currentText() == "Robin"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Session",
        "History",
        "Progress",
        "Routines",
        "Library",
        "Measurements",
        "Assessments",
        "Settings",
    ]


def test_demo_button_opens_the_demo_database(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    window = MainWindow(store, open_demo=open_demo_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.store.path == demo_database() and demo_database().exists()
    assert "demo" in window.profile_switcher.currentText()
    window.go_to("Library")
    window.close()


def test_keyboard_shortcuts_switch_pages(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    window = make_window(store)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.stack.currentWidget(), LibraryPage)


def test_window_geometry_is_remembered(qtbot: QtBot, store: Store, user_folders: Path) -> None:
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 580)  # inside the offscreen screen (800 x 600)
    first.close()
    assert any((user_folders / "xdg_config_home").rglob("window-state.ini"))
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (790, 580)
