"""Every Alt key on a page does one thing: no two controls shown together (nor a control
and the menu bar) share an underlined letter. A shared letter makes Alt+X only move the
focus between them, so the README's "Alt+S saves" would never save."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.page_registry import PAGES
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store

_MNEMONIC = re.compile(r"&(?!&)(\w)")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabEnabled(i)]
    return []


def mnemonics(window: MainWindow, page: QWidget) -> dict[str, list[str]]:
    """Letter -> the texts using it, over the menu bar and the page's shown controls."""
    found: dict[str, list[str]] = {}
    menus = [a.text() for a in window.menuBar().actions()]
    shown = [w for w in page.findChildren(QWidget) if w.isVisibleTo(window)]
    for text in menus + [t for w in shown for t in _texts(w)]:
        letter = _letter(text)
        if letter is not None:
            found.setdefault(letter, []).append(text)
    return found


@pytest.mark.parametrize("name", [spec.name for spec in PAGES])
def test_no_two_controls_on_a_page_share_an_alt_key(
    name: str, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = window.go_to(name)
    found = mnemonics(window, page)
    shared = {k: v for k, v in found.items() if len(v) > 1}
    assert shared == {}


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def test_alt_s_saves_the_settings(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    """README: "Settings: Alt+S saves". Alt+M reaches Body mass, Alt+S saves it."""
    window = make_window(store)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    qtbot.keyClick(_focus(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert _focus() is page.body_mass
    qtbot.keyClicks(page.body_mass, "81.5")
    qtbot.keyClick(_focus(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: profiles.settings(store, profile.id).body_mass_kg == 81.5)
    shown = window.go_to("Settings")  # the page as it is now (saving may rebuild it)
    assert isinstance(shown, SettingsPage) and shown.may_leave()  # nothing left unsaved


def test_alt_r_and_alt_t_reach_the_history_days_not_the_file_menu(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    page.table.setFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert page.from_day.hasFocus()
    qtbot.keyClick(_focus(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert page.to_day.hasFocus()
    assert QApplication.activePopupWidget() is None  # no menu opened


def test_while_logging_the_session_page_shares_no_alt_key(
    store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    """With a session under way the page shows Finish session beside the File menu."""
    window = make_window(store)
    page = window.go_to("Session")
    page.start_session()  # type: ignore[attr-defined]
    found = mnemonics(window, page)
    assert found["i"] == ["F&inish session"]
    assert {k: v for k, v in found.items() if len(v) > 1} == {}
