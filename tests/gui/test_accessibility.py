"""Every input and button of the main pages has an accessible name a screen reader can
say, and Tab on the History page goes along its filter row in reading order."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.accessibility import CONTROLS
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store

PAGES = (
    "Session",
    "History",
    "Progress",
    "Routines",
    "Library",
    "Measurements",
    "Assessments",
    "Settings",
)


def _unnamed(page: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in page.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and not w.accessibleName()
    ]


@pytest.mark.parametrize("name", PAGES)
def test_every_control_has_an_accessible_name(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    name: str,
) -> None:
    window = make_window(store)
    page = window.go_to(name)
    if isinstance(page, SessionPage):
        page.start_session()  # the logging controls appear
    assert _unnamed(page) == []


def test_history_filters_in_tab_order(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("History")
    assert isinstance(page, HistoryPage)
    stops = [page.search, page.from_day, page.to_day, page.all_days, page.calendar_button]
    order = []
    widget = page.search
    while len(order) < len(stops):
        if widget in stops and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == stops  # left to right along the filter row
