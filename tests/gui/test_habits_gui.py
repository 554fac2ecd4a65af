"""Everyday habits in the window: a new profile answers the questionnaire and finds its
checklist on the Session start panel; a tick is stored; the weekly reminder shows and goes;
Settings reopens the questionnaire; discomfort logged on Progress shows beside the gap,
and a refused entry says why and stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from evenside.domain.habits import HabitAnswers
from evenside.domain.profile import Profile
from evenside.gui.dialogs.habits import HabitsDialog
from evenside.gui.dialogs.new_profile import NewProfileDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.gui.widgets.discomfort_panel import DiscomfortDialog
from evenside.services import habits, profiles
from evenside.services.store import Store
from fakes import FakeClock


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick ``text`` in a combo box by keyboard, as a user tabbing through the form would."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not a choice")


def _session(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    return page


def test_a_new_profile_answers_the_questionnaire_and_sees_its_checklist(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    settings = window.go_to("Settings")
    assert isinstance(settings, SettingsPage)
    qtbot.mouseClick(settings.new_profile, Qt.MouseButton.LeftButton)
    dialog = settings.new_profile_dialog
    assert isinstance(dialog, NewProfileDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.name)
    qtbot.keyClicks(dialog.fields.name, "Jo")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    # The profile is made; the questionnaire is the second step, keyboard on its first answer.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.habits.sleeping)
    assert [p.name for p in profiles.list_profiles(store)] == ["Alex", "Jo"]
    form = dialog.habits
    _choose(qtbot, form.sleeping, "Right side")
    _choose(qtbot, form.carrying, "Left hand or shoulder")
    form.phone_down.setFocus()
    qtbot.keyClick(form.phone_down, Qt.Key.Key_Space)
    _choose(qtbot, form.crossed, "Right")
    form.injuries_right.setFocus()
    qtbot.keyClicks(form.injuries_right, "shoulder strain")
    qtbot.keyClick(form.injuries_right, Qt.Key.Key_Return)  # Save answers

    qtbot.waitUntil(lambda: window.profile_switcher.currentText() == "Jo")
    session = _session(window)
    checklist = session.start_panel.habits
    qtbot.waitUntil(checklist.isVisible)
    assert [box.text() for box in checklist.boxes.values()] == [
        "Alternate your sleeping side during the night",
        "Carry with your right hand, or split the load",
        "Phone at eye level, not looking down",
        "Uncross, or cross with the left leg on top",
        "Note how your right side feels in the discomfort log (past injury: shoulder strain)",
    ]
    assert not any(box.isChecked() for box in checklist.boxes.values())
    assert not checklist.reminder.isVisible()  # answered today: the review is done

    # Tick one habit for today, by keyboard: it is stored, and still ticked after a rebuild.
    window.activateWindow()  # as a window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    carry = checklist.boxes["carry_other_hand"]
    carry.setFocus()
    qtbot.waitUntil(carry.hasFocus)
    qtbot.keyClick(carry, Qt.Key.Key_Space)
    jo = profiles.current_profile(store)
    assert jo is not None
    assert habits.ticked_on(store, jo.id, date(2026, 11, 2)) == {"carry_other_hand"}
    assert carry.hasFocus()  # the keyboard stays on the box just ticked
    window.set_profile(jo)
    rebuilt = _session(window).start_panel.habits
    qtbot.waitUntil(rebuilt.isVisible)
    assert rebuilt.boxes["carry_other_hand"].isChecked()
    assert not rebuilt.boxes["sleep_alternate"].isChecked()


def test_skipping_the_questionnaire_leaves_an_invitation_on_the_start_panel(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    settings = window.go_to("Settings")
    assert isinstance(settings, SettingsPage)
    qtbot.mouseClick(settings.new_profile, Qt.MouseButton.LeftButton)
    dialog = settings.new_profile_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.name)
    qtbot.keyClicks(dialog.fields.name, "Sam")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.habits.sleeping)
    qtbot.keyClick(_focus(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # S&kip
    qtbot.waitUntil(lambda: window.profile_switcher.currentText() == "Sam")
    checklist = _session(window).start_panel.habits
    qtbot.waitUntil(checklist.isVisible)
    assert checklist.boxes == {}
    assert "Answer a few questions" in checklist.message.text()
    sam = profiles.current_profile(store)
    assert sam is not None and not habits.answers(store, sam.id).answered


def test_settings_reopens_the_questionnaire_and_the_start_panel_follows(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    habits.save_answers(store, profile.id, HabitAnswers(sleeping_side="left"))
    window = make_window(store)
    session = _session(window)
    assert list(session.start_panel.habits.boxes) == ["sleep_alternate"]
    settings = window.go_to("Settings")
    assert isinstance(settings, SettingsPage)
    qtbot.mouseClick(settings.habits_box.button, Qt.MouseButton.LeftButton)
    dialog = settings.habits_box.dialog
    assert isinstance(dialog, HabitsDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.sleeping)
    assert dialog.form.sleeping.currentText() == "Left side"  # the stored answer
    _choose(qtbot, dialog.form.sleeping, "It varies")
    _choose(qtbot, dialog.form.mouse, "Right")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert habits.answers(store, profile.id) == HabitAnswers(
        sleeping_side="varies", mouse_hand="right"
    )
    session = _session(window)
    qtbot.waitUntil(lambda: list(session.start_panel.habits.boxes) == ["mouse_switch"])
    assert (
        session.start_panel.habits.boxes["mouse_switch"].text()
        == "Switch the mouse to your left hand for an hour"
    )


def test_the_weekly_reminder_shows_a_week_later_until_looked_over(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    habits.save_answers(store, profile.id, HabitAnswers(standing_leg="right"))  # 2 Nov
    clock.advance(days=7)
    window = make_window(store)
    checklist = _session(window).start_panel.habits
    qtbot.waitUntil(checklist.reminder.isVisible)
    assert "look over your everyday-habits checklist" in checklist.reminder.text()
    qtbot.mouseClick(checklist.reviewed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not checklist.reminder.isVisible())
    assert not habits.today(store, profile.id).reminder_due


def test_discomfort_logged_on_progress_shows_beside_the_gap(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    clock.advance(days=16)  # 18 Nov 2026
    window = make_window(store)
    page = window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    qtbot.keyClick(page, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # the &Overview tab
    panel = page.discomfort
    qtbot.waitUntil(panel.isVisible)
    assert "Nothing logged yet" in panel.recent.text()
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    form = panel.form
    assert isinstance(form, DiscomfortDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.side)

    # No place given: refused under the form, which stays open, and nothing is stored.
    form.level.setFocus()
    form.level.selectAll()
    qtbot.keyClicks(form.level, "4")
    qtbot.keyClick(form.level, Qt.Key.Key_Return)
    assert form.isVisible() and "where it is felt" in form.error.text()
    # A day in the future: refused too.
    form.site.setFocus()
    qtbot.keyClicks(form.site, "shoulder")
    form.day.setDate(QDate(2026, 11, 19))
    qtbot.keyClick(form.site, Qt.Key.Key_Return)
    assert form.isVisible() and "future" in form.error.text()
    assert habits.recent_discomfort(store, profile.id) == []

    form.day.setDate(QDate(2026, 11, 18))
    _choose(qtbot, form.side, "R · Right")
    form.note.setFocus()
    qtbot.keyClicks(form.note, "after presses")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    stored = habits.recent_discomfort(store, profile.id)
    assert [d.short for d in stored] == ["R shoulder 4/10 on 18 Nov"]
    assert stored[0].note == "after presses"
    qtbot.waitUntil(lambda: "shoulder <b>4/10</b> on 18 Nov" in panel.recent.text())
    assert ">R</span>" in panel.recent.text()  # the side's letter, in its colour
    assert panel.recent.toolTip() == "R shoulder 4/10 on 18 Nov: after presses"
