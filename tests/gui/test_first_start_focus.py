"""First start by keyboard alone: the cursor waits in the welcome page's name field, and
once the profile is made the keys work at once (Ctrl+N starts a session)."""

from __future__ import annotations

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
