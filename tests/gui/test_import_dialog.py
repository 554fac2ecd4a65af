"""Import dialog: reading off the GUI thread, the unit question, the mapping step, the
preview with every skipped row, importing, and Cancel that leaves the database unchanged.
Back up now and restore from the File menu."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.dialogs.import_dialog import ImportDialog
from evenside.gui.main_window import MainWindow
from evenside.services import backups, library, workout
from evenside.services.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def _digest(store: Store) -> str:
    with store.transaction() as session:
        rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT * FROM sets UNION ALL "
                "SELECT id, 0, 0, name, 0, 0, 0, 0, 0, 0, 0 FROM exercises"
            )
            .fetchall()
        )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    dialog = window.import_history(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_unit_question_mapping_preview_and_import(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    dialog = _open(qtbot, window, FIXTURES / "strong_v2_quirks.csv")
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.unit_page)
    dialog.lb.click()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page)
    assert "4 of 4 names matched" in dialog.status.text()
    combo = dialog.combos["Plank"]
    assert combo.currentText() == "Plank"
    combo.setCurrentIndex(combo.findData("create-bilateral"))  # the user picks "new custom"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary.text()
    assert "<b>2</b> sessions and <b>11</b> sets from 06 Jan 2025 to 08 Jan 2025" in summary
    assert "Rows read: 12 = 8 imported + 4 skipped." in summary
    assert "New custom exercises: 1." in summary
    skipped = [dialog.skipped_list.item(i).text() for i in range(dialog.skipped_list.count())]
    assert skipped == [
        "Line 6: rest timer row, not a set",
        "Line 16: note row, not a set",
        "Line 20: weight but no reps",
        'Line 22: unreadable number "nope"',
    ]
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Import
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert "2 sessions and 11 sets imported" in dialog.message_page.text()
    history = workout.history(store, profile.id)
    assert len(history) == 2
    # "Plank" was sent to a new custom exercise; the library already has one by that name,
    # so the import uses it rather than making a duplicate.
    assert [e.name for e in library.all_exercises(store) if e.custom] == []


def test_cancel_leaves_the_database_unchanged(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    big = tmp_path / "big.csv"
    lines = [
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes"
    ]
    for day in range(3000):
        for order in range(1, 5):
            lines.append(
                f"2020-{1 + day % 12:02d}-{1 + day % 28:02d} {day % 24:02d}:{day % 60:02d}:00;"
                f"W{day};Back Squat;{order};100;kg;5;;;;;;"
            )
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _digest(store)
    window = make_window(store)
    dialog = _open(qtbot, window, big)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page, timeout=20_000)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Import
    assert dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.wait_for_job()
    qtbot.waitUntil(lambda: "cancelled" in dialog.message_page.text(), timeout=10_000)
    assert "the database is unchanged" in dialog.message_page.text()
    assert _digest(store) == before


def test_a_malformed_file_is_reported_and_changes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    bad = tmp_path / "junk.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    before = _digest(store)
    dialog = _open(qtbot, make_window(store), bad)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.message_page)
    assert "not a text file" in dialog.message_page.text()
    assert "Nothing was imported" in dialog.status.text()
    assert _digest(store) == before


def _file_action(window: MainWindow, text: str) -> QAction:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a for a in file_menu.actions() if a.text() == text)


def test_back_up_now_and_restore_from_the_menu(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    _file_action(window, "&Back up now").trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10000)
    copies = backups.list_backups(store.path)
    assert len(copies) == 1 and copies[0].name.endswith("-manual.sqlite3")
    session = workout.start_session(window.store, profile.id)
    assert session.id  # the session exists before the restore
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(copies[0]), ""))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    _file_action(window, "&Restore from backup…").trigger()
    qtbot.waitUntil(lambda: "Restored" in window.statusBar().currentMessage(), timeout=10000)
    assert window.isEnabled()
    assert workout.active_session(window.store, profile.id) is None  # back to before it
    assert "-before-restore.sqlite3" in window.statusBar().currentMessage()


def test_export_from_the_menu(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    window = make_window(store)
    job = window.export_history("evenside", tmp_path / "out.csv")
    assert job is not None and job.done.wait(10)
    qtbot.waitUntil(lambda: "Exported 0 sets" in window.statusBar().currentMessage())
