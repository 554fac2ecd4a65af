"""Settings -> New profile asks the name, the dominant side and the unit, by keyboard:
a trainer's left-handed client in pounds starts on the right side in the right unit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.gui.dialogs.new_profile import NewProfileDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _alt(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(_focus(), key, Qt.KeyboardModifier.AltModifier)


def test_new_profile_takes_side_and_unit_by_keyboard(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    qtbot.keyClick(window.nav, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    page.profile_list.setFocus()
    _alt(qtbot, Qt.Key.Key_R)  # "New p&rofile…"
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewProfileDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewProfileDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.name)
    # Alex's profile is in kg and the new one starts right-handed in kg ...
    assert dialog.fields.dominant_right.isChecked() and dialog.fields.kg.isChecked()
    # ... an empty name is refused in the dialog, which stays open.
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() and len(profiles.list_profiles(store)) == 1
    qtbot.keyClicks(dialog.fields.name, "Jo")
    _alt(qtbot, Qt.Key.Key_L)  # left-handed
    qtbot.waitUntil(dialog.fields.dominant_left.isChecked)  # a mnemonic clicks after a blink
    _alt(qtbot, Qt.Key.Key_B)  # pounds
    qtbot.waitUntil(dialog.fields.lb.isChecked)
    dialog.fields.name.setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    # The everyday-habits questionnaire follows; Alt+K skips it.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.habits.sleeping)
    _alt(qtbot, Qt.Key.Key_K)

    qtbot.waitUntil(lambda: window.profile_switcher.currentText() == "Jo")
    jo = profiles.current_profile(store)
    assert jo is not None
    assert (jo.name, jo.dominant, jo.unit) == ("Jo", Side.LEFT, Unit.LB)
    assert window.profile_label.text() == "<small>lb · left-handed</small>"
    assert isinstance(window.stack.currentWidget(), SettingsPage)
    # The rebuilt page holds the window's keys (a window manager re-activates the window
    # when its dialog closes; offscreen, the test does).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.stack.currentWidget())


def test_cancel_makes_no_profile(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.new_profile, Qt.MouseButton.LeftButton)
    dialog = page.new_profile_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.name)
    qtbot.keyClicks(dialog.fields.name, "Nobody")
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [p.name for p in profiles.list_profiles(store)] == ["Alex"]
