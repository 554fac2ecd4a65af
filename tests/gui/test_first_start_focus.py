"""First start by keyboard alone: the cursor waits in the welcome page's name field, and
once the profile is made the keys work at once (Ctrl+N starts a session)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import profiles, workout
from evenside.services.store import Store


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def test_first_start_types_into_the_name_field_then_ctrl_n_starts_a_session(
    qtbot: QtBot, store: Store
) -> None:
    # As the application does it: the window is shown first, the data attached after.
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.resize(1180, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.attach(store)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.name)

    qtbot.keyClicks(_focus(), "Sam")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    [created] = profiles.list_profiles(store)
    assert (created.name, created.dominant, created.unit) == ("Sam", Side.RIGHT, Unit.KG)

    page = window.stack.currentWidget()
    assert isinstance(page, SessionPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.start_button)
    qtbot.keyClick(_focus(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert workout.active_session(store, created.id) is not None
    assert QApplication.focusWidget() is page.add_box  # type the first exercise next
    window.close()


def test_readme_step_one_name_alt_l_alt_b_enter_creates_the_profile(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    """README step 1 word for word: type the name, Alt+L, Alt+B, then Enter. After Alt+B
    the focus is on the "lb" radio button; Enter there still creates the profile."""
    window = make_window(store)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.name)
    qtbot.keyClicks(_focus(), "Ana")
    welcome = window.welcome
    qtbot.keyClick(_focus(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(welcome.dominant_left.isChecked)  # a mnemonic clicks after a short flash
    qtbot.keyClick(_focus(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(welcome.lb.isChecked)
    assert _focus() is welcome.lb
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    [created] = profiles.list_profiles(store)
    assert (created.name, created.dominant, created.unit) == ("Ana", Side.LEFT, Unit.LB)
    assert isinstance(window.stack.currentWidget(), SessionPage)


def test_enter_on_the_side_radio_button_creates_the_profile(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.name)
    qtbot.keyClicks(_focus(), "Bo")
    qtbot.keyClick(_focus(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert _focus() is window.welcome.dominant_left
    qtbot.waitUntil(window.welcome.dominant_left.isChecked)
    qtbot.keyClick(_focus(), Qt.Key.Key_Enter)  # the keypad's Enter
    [created] = profiles.list_profiles(store)
    assert (created.name, created.dominant, created.unit) == ("Bo", Side.LEFT, Unit.KG)
