"""Settings folds to one column on a narrow window and back to two on a wide one. A window
grown while another page was shown brings Settings back in two columns with Save on screen
(it came back with the one-column positions, Save far below the window)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from evenside.gui.main_window import MainWindow
from evenside.gui.pages.settings import SettingsPage
from evenside.services.demo import fill_demo
from evenside.services.store import Store


def test_save_is_on_screen_after_the_window_grew_on_another_page(
    qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    fill_demo(store, end=date(2026, 11, 1))  # a profile with its habits: a long page
    window = make_window(store)
    window.resize(1366, 768)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    viewport = page.page_scroll.viewport()

    def save_in_view() -> bool:
        button = page.save_button
        corner = button.mapTo(viewport, QPoint(button.width(), button.height()))
        return viewport.rect().contains(corner)

    # One column: Save is below, reached by scrolling.
    qtbot.waitUntil(lambda: page.page_scroll.verticalScrollBar().isVisible())
    assert not save_in_view()
    qtbot.wait(300)  # a while on the page, as a user stays (no assertion on timing)
    window.go_to("History")
    window.resize(1920, 1080)  # grown while Settings is not shown
    window.go_to("Settings")  # two columns: everything fits, Save included
    qtbot.waitUntil(save_in_view)
