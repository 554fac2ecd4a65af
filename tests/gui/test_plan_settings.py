"""The Settings page's weak-side plan group: typed values are saved per profile, and extra
sets that would be fewer at the warning threshold than at the notice are refused inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles
from evenside.services.store import Store


def _type(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_plan_settings_saved_and_bad_ones_refused(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    plan = page.plan_box
    # The defaults: +1 set from the notice, +2 from the warning, RPE 8, 4 sessions.
    assert (plan.sets_at_notice.text(), plan.sets_at_warning.text()) == ("1", "2")
    assert (plan.target_rpe.text(), plan.catch_up.text()) == ("8.0", "4 sessions")

    _type(qtbot, plan.sets_at_notice, "3")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "no fewer at the warning than at the notice" in page.error.text()
    assert profiles.settings(store, profile.id).plan_sets_at_notice == 1  # nothing saved

    _type(qtbot, plan.sets_at_notice, "2")
    _type(qtbot, plan.sets_at_warning, "3")
    _type(qtbot, plan.target_rpe, "9")
    _type(qtbot, plan.catch_up, "6")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == ""
    saved = profiles.settings(store, profile.id)
    assert (saved.plan_sets_at_notice, saved.plan_sets_at_warning) == (2, 3)
    assert (saved.plan_target_rpe, saved.catch_up_sessions) == (9.0, 6)
