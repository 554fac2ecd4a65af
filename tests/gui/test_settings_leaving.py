"""Settings: backups have a group of their own, and leaving the page (another page, or
closing the window) with changes not saved asks to save, discard or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import BoxAnswerer

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store

Button = QMessageBox.StandardButton
QUESTION = "Save the changes to the settings before leaving this page?"


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _ctrl(qtbot: QtBot, key: Qt.Key) -> None:
    window = QApplication.activeWindow()
    qtbot.keyClick(_focus(), key, Qt.KeyboardModifier.ControlModifier)
    if window is not None and window.isVisible():
        # A window manager gives the keys back to the window when a question closes;
        # offscreen, the test does.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsPage:
    _ctrl(qtbot, Qt.Key.Key_8)  # Settings, after Assessments
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return page


def _type_rest(qtbot: QtBot, page: SettingsPage, seconds: str) -> None:
    page.rest_sets.setFocus()
    page.rest_sets.selectAll()
    qtbot.keyClicks(page.rest_sets, seconds)


def test_backups_have_their_own_group(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _settings(qtbot, make_window(store))
    groups = {box.title(): box for box in page.findChildren(QGroupBox)}
    assert groups["Backups"].isAncestorOf(page.backups_kept)
    assert not groups["Rest timer"].isAncestorOf(page.backups_kept)
    assert page.backups_kept.text() == "10 daily copies"  # the default


def test_leaving_with_unsaved_changes_asks_to_save_discard_or_stay(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _settings(qtbot, window)
    _type_rest(qtbot, page, "120")

    answers = BoxAnswerer((QUESTION, Button.Cancel))  # stay
    _ctrl(qtbot, Qt.Key.Key_1)
    assert answers.done and window.stack.currentWidget() is page
    assert window.nav.currentRow() == 7 and page.rest_sets.value() == 120

    answers = BoxAnswerer((QUESTION, Button.Save))
    _ctrl(qtbot, Qt.Key.Key_1)
    assert answers.done and isinstance(window.stack.currentWidget(), SessionPage)
    assert profiles.settings(store, profile.id).rest_between_sets_seconds == 120

    page = _settings(qtbot, window)  # rebuilt after the save
    assert page.rest_sets.value() == 120
    _type_rest(qtbot, page, "45")
    answers = BoxAnswerer((QUESTION, Button.Discard))
    _ctrl(qtbot, Qt.Key.Key_2)
    assert answers.done and isinstance(window.stack.currentWidget(), HistoryPage)
    assert profiles.settings(store, profile.id).rest_between_sets_seconds == 120
    assert _settings(qtbot, window).rest_sets.value() == 120  # the discarded edit is gone

    # No change, no question: leaving is immediate.
    _ctrl(qtbot, Qt.Key.Key_1)
    assert isinstance(window.stack.currentWidget(), SessionPage)


def test_closing_the_window_with_unsaved_changes_asks_too(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _settings(qtbot, window)
    _type_rest(qtbot, page, "75")
    # The window's close button (offscreen has no Ctrl+Q: its key scheme is Windows').
    answers = BoxAnswerer((QUESTION, Button.Cancel))
    assert not window.close()
    assert answers.done and window.isVisible()
    answers = BoxAnswerer((QUESTION, Button.Save))
    assert window.close()
    assert answers.done and not window.isVisible()
    assert profiles.settings(store, profile.id).rest_between_sets_seconds == 75


def test_the_assessment_retest_interval_is_set_by_keyboard(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _settings(qtbot, make_window(store))
    assert page.retest.value() == 4  # the default: every four weeks
    page.retest.setFocus()
    page.retest.selectAll()
    qtbot.keyClicks(page.retest, "6")
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert profiles.settings(store, profile.id).retest_weeks == 6
