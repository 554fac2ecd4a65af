"""History (open, edit, delete with undo), Settings (saved per profile, refused when
invalid), profiles (create, switch, rename, delete with a copy kept) and plate calculator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
)
from pytestqt.qtbot import QtBot
from session_helpers import BoxAnswerer, seed_past_session, start_and_add

from evenside.domain.e1rm import Formula
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.domain.volume_rule import VolumeRule
from evenside.gui.dialogs.plates import PlateCalculator
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage, SessionEditor
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import profiles, workout
from evenside.services.store import Store
from fakes import FakeClock


@pytest.fixture
def two_sessions(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    seed_past_session(
        store, clock, profile, "One-arm dumbbell row", [(Side.LEFT, 26, 8), (Side.RIGHT, 30, 8)], 5
    )
    seed_past_session(
        store, clock, profile, "Bulgarian split squat", [(Side.LEFT, 20, 8), (Side.RIGHT, 22, 8)], 2
    )
    return profile


def _history(window: MainWindow) -> HistoryPage:
    page = window.go_to("History")
    assert isinstance(page, HistoryPage)
    return page


def test_history_lists_sessions_with_per_side_volume(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    two_sessions: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _history(make_window(store))
    assert page.model.rowCount() == 2
    newest = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert newest[3] == "Bulgarian split squat"
    assert (newest[4], newest[5], newest[2]) == ("160 kg", "176 kg", "40 min")
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_delete_asks_first_and_undo_brings_it_back(
    qtbot: QtBot, store: Store, two_sessions: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _history(window)
    page.table.setFocus()
    page.table.selectRow(0)
    answers = BoxAnswerer(("Delete the session", QMessageBox.StandardButton.No))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.done
    assert len(workout.history(store, two_sessions.id)) == 2  # declined: nothing deleted

    window.activateWindow()  # back from the question box
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    page.table.selectRow(0)
    answers = BoxAnswerer(("Delete the session", QMessageBox.StandardButton.Yes))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.done
    assert [s.exercise_names for s in workout.history(store, two_sessions.id)] == [
        ("One-arm dumbbell row",)
    ]
    assert page.undo_button.isEnabled()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    restored = workout.history(store, two_sessions.id)
    assert [s.exercise_names for s in restored] == [
        ("Bulgarian split squat",),
        ("One-arm dumbbell row",),
    ]
    assert (restored[0].volume_left, restored[0].volume_right) == (160.0, 176.0)
    assert page.model.rowCount() == 2


def test_editing_a_past_set_changes_the_figures_that_depend_on_it(
    qtbot: QtBot, store: Store, two_sessions: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _history(window)
    table = page.table
    rect = table.visualRect(page.model.index(1, 0))  # the older session: the rows
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    edited: list[bool] = []

    def edit_in_the_dialog() -> None:
        """Runs inside the editor's own event loop, once it is on screen."""
        editor = QApplication.activeModalWidget()
        if not isinstance(editor, SessionEditor) or not editor.isVisible() or edited:
            return
        edited.append(True)
        poll.stop()
        try:
            change_the_left_weight(editor)
        finally:  # whatever happens, close it so the page's exec() returns
            close = editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
            qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    def change_the_left_weight(editor: SessionEditor) -> None:
        editor.activateWindow()  # the offscreen platform does not activate dialogs itself
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        editor.table.setFocus()
        editor.table.setCurrentIndex(editor.model.index(0, 2))  # left weight
        qtbot.keyClick(editor.table, Qt.Key.Key_F2)
        field = QApplication.focusWidget()
        assert field is not None
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, "30")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: workout.history(store, two_sessions.id)[1].volume_left == 240.0)

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(edit_in_the_dialog)
    poll.start()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # returns when it closes
    assert edited == [True]
    # Left was 26 kg x 8 = 208 kg; now 30 kg x 8 = 240 kg, shown without reopening the page.
    assert page.model.data(page.model.index(1, 4)) == "240 kg"
    # The weak side shown while logging comes from history, so it changes too: 30 x 8 on
    # both sides is no evidence either way, so the non-dominant side goes first.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    session_page = window.go_to("Session")
    assert isinstance(session_page, SessionPage)
    start_and_add(qtbot, session_page, "one arm dumbbell row")
    assert "non-dominant" in session_page.entry.prompt.text()


def _settings_page(window: MainWindow) -> SettingsPage:
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    return page


def test_settings_are_saved_per_profile_and_bad_values_refused(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    page = _settings_page(window)
    page.formula.setCurrentIndex(page.formula.findData("epley"))
    page.rest_sides.setValue(25)
    assert page.cap.isChecked()  # the volume rule refuses by default
    page.cap.setChecked(False)  # a notice only
    page.plates.setText("20, 10, heavy")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert '"heavy" is not a plate size' in page.error.text()
    assert profiles.settings(store, profile.id).e1rm_formula is Formula.BRZYCKI  # nothing saved

    page.plates.setText("20, 10, 5, 2.5")
    page.notice.setValue(20)  # above the warning threshold
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "below the warning threshold" in page.error.text()

    page.notice.setValue(8)
    page.backups_kept.setValue(4)
    low, high = page.pair_spins["chest_upper_back"]
    low.setValue(0.6)
    high.setValue(0.9)
    page.unit.setCurrentIndex(page.unit.findData("lb"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = profiles.settings(store, profile.id)
    assert saved.e1rm_formula is Formula.EPLEY and saved.volume_rule is VolumeRule.NOTICE
    assert (saved.notice_percent, saved.rest_between_sides_seconds) == (8, 25)
    assert saved.backups_to_keep == 4
    assert saved.pair_targets == (("chest_upper_back", 0.6, 0.9),)
    chest = saved.opposing_pairs()[0]
    assert (chest.low, chest.high) == (0.6, 0.9)
    assert profiles.current_profile(store) == Profile(profile.id, "Alex", Side.RIGHT, Unit.LB)
    qtbot.waitUntil(lambda: window.profile_label.text().startswith("<small>lb"))


def test_profiles_create_switch_and_delete_with_a_copy_kept(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    two_sessions: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    page = _settings_page(window)
    qtbot.mouseClick(page.new_profile, Qt.MouseButton.LeftButton)
    dialog = page.new_profile_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.name)
    qtbot.keyClicks(dialog.fields.name, "Client B")
    qtbot.keyClick(dialog.fields.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.habits.sleeping)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)  # the habits step
    qtbot.waitUntil(lambda: window.profile_switcher.currentText() == "Client B")
    history = _history(window)
    assert history.model.rowCount() == 0  # every page shows the current profile only

    switcher = window.profile_switcher
    switcher.setFocus()
    # The user picks Alex with the arrow keys on the closed switcher, as with a mouse pick.
    step = Qt.Key.Key_Up if switcher.findText("Alex") < switcher.currentIndex() else Qt.Key.Key_Down
    qtbot.keyClick(switcher, step)
    assert switcher.currentText() == "Alex"
    assert _history(window).model.rowCount() == 2

    page = _settings_page(window)
    item = page.profile_list.findItems("Client B", Qt.MatchFlag.MatchExactly)[0]
    page.profile_list.setCurrentItem(item)
    answers = BoxAnswerer(
        ('Delete the profile "Client B"', QMessageBox.StandardButton.Yes),
        ("A copy from before is at", QMessageBox.StandardButton.Ok),
    )
    qtbot.mouseClick(page.delete_profile, Qt.MouseButton.LeftButton)
    assert answers.done
    assert [p.name for p in profiles.list_profiles(store)] == ["Alex"]
    copies = list(db_path.parent.glob("*before-deleting-client-b-*"))
    assert len(copies) == 1 and copies[0].stat().st_size > 0


def test_plate_calculator(qtbot: QtBot, store: Store, profile: Profile) -> None:
    dialog = PlateCalculator(profiles.settings(store, profile.id), Unit.KG)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.target, "100")
    assert dialog.answer.text() == "Each side: 25 + 15 kg  (bar 20 kg)"
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, "101")
    assert "Closest load: 100 kg, 1 kg short" in dialog.answer.text()
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, "ten")
    assert "Weight must be a number" in dialog.error.text()
    assert isinstance(dialog, QDialog)
