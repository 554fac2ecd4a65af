"""Import dialog, opened from the File menu: reading off the GUI thread, the unit question,
the mapping step, the preview with every skipped row, importing, and Cancel that leaves the
database unchanged. Export, Back up now and Restore from the File menu.

The file dialogs are native modal dialogs, so they are answered by monkeypatching
``QFileDialog``; everything else goes through the real menu actions and buttons."""

from __future__ import annotations

import csv
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from session_helpers import file_action, seed_past_session

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.dialogs.import_dialog import ImportDialog
from evenside.gui.main_window import MainWindow
from evenside.services import backups, library, workout
from evenside.services.store import Store
from fakes import FakeClock

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def _digest(store: Store) -> str:
    with store.transaction() as session:
        rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT id, session_exercise_id, position, side, weight_kg, reps,"
                " duration_seconds, rpe, rir, kind, logged_at FROM sets UNION ALL "
                "SELECT id, 0, 0, name, 0, 0, 0, 0, 0, 0, 0 FROM exercises"
            )
            .fetchall()
        )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _open(
    qtbot: QtBot, window: MainWindow, path: Path, choose_file: Callable[[Path], None]
) -> ImportDialog:
    """File > Import history…, picking ``path`` in the file dialog."""
    choose_file(path)
    file_action(window, "&Import history…").trigger()
    [dialog] = window.findChildren(ImportDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def test_unit_question_mapping_preview_and_import(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
) -> None:
    window = make_window(store)
    dialog = _open(qtbot, window, FIXTURES / "strong_v2_quirks.csv", choose_file)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.unit_page)
    dialog.lb.click()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page)
    assert "4 of 4 names matched" in dialog.status.text()
    combo = dialog.combos["Plank"]
    assert combo.currentText() == "Plank"
    combo.setCurrentIndex(combo.findData("create-bilateral"))  # the user picks "new custom"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.preview_page)
    summary = dialog.summary.text()
    # 8 rows become 8 sets: the 3 "One Arm Dumbbell Row" rows say no side, so each is one
    # set marked "sides not recorded", not an invented left and right pair.
    assert "<b>2</b> new sessions and <b>8</b> sets from 06 Jan 2025 to 08 Jan 2025" in summary
    assert "Units: weights read as lb, as you chose." in summary
    assert "<b>3 one-sided sets</b> without a side" in summary
    assert "Rows read: 12 = 8 imported + 3 skipped + 1 kept as notes." in summary
    assert "New custom exercises: 1." in summary
    skipped = [dialog.skipped_list.item(i).text() for i in range(dialog.skipped_list.count())]
    assert skipped == [
        "Line 6: rest timer row (90 s rest), not a set",
        "Line 20: weight but no reps or time (its note kept on the workout)",
        'Line 22: unreadable number "nope"',
    ]
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Import
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert "2 sessions and 8 sets imported" in dialog.message_page.text()
    history = workout.history(store, profile.id)
    assert len(history) == 2
    # "Plank" was sent to a new custom exercise as the user chose: the library's Plank
    # keeps its name, the new one is told apart by the app.
    assert [e.name for e in library.all_exercises(store) if e.custom] == ["Plank (Strong)"]


def test_cancel_leaves_the_database_unchanged(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
    paused_import: tuple[threading.Event, threading.Event],
) -> None:
    reported, release = paused_import
    file = tmp_path / "twenty-workouts.csv"
    lines = [
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes"
    ]
    for day in range(1, 21):
        for order in range(1, 5):
            lines.append(f"2020-01-{day:02d} 18:00:00;W{day};Back Squat;{order};100;kg;5;;;;;;")
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _digest(store)
    window = make_window(store)
    dialog = _open(qtbot, window, file, choose_file)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page, timeout=10_000)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.preview_page)
    assert "<b>20</b> new sessions and <b>80</b> sets" in dialog.summary.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Import
    # The job has read the first of 20 workouts and waits: Cancel lands mid-import.
    assert reported.wait(10)
    qtbot.waitUntil(lambda: dialog.progress.value() == 1)
    assert dialog.progress.isVisible() and dialog.progress.maximum() == 20
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelling…"
    release.set()
    assert dialog.wait_for_job()
    qtbot.waitUntil(lambda: "cancelled" in dialog.message_page.text())
    assert dialog.message_page.text() == "Import cancelled; the database is unchanged."
    assert dialog.result_value is None
    assert workout.history(store, profile.id) == []
    assert _digest(store) == before


def test_a_malformed_file_is_reported_and_changes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
) -> None:
    bad = tmp_path / "junk.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    before = _digest(store)
    dialog = _open(qtbot, make_window(store), bad, choose_file)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.message_page)
    assert "not a text file" in dialog.message_page.text()
    assert "Nothing was imported" in dialog.status.text()
    assert _digest(store) == before


def test_back_up_now_and_restore_from_the_menu(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(store)
    file_action(window, "&Back up now").trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10000)
    copies = backups.list_backups(store.path)
    assert len(copies) == 1 and copies[0].name.endswith("-manual.sqlite3")
    session = workout.start_session(window.store, profile.id)
    assert session.id  # the session exists before the restore
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(copies[0]), ""))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    file_action(window, "&Restore from backup…").trigger()
    qtbot.waitUntil(lambda: "Restored" in window.statusBar().currentMessage(), timeout=10000)
    assert window.isEnabled()
    assert workout.active_session(window.store, profile.id) is None  # back to before it
    assert "-before-restore.sqlite3" in window.statusBar().currentMessage()


def test_export_from_the_menu(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
) -> None:
    seed_past_session(
        store,
        clock,
        profile,
        "One-arm dumbbell row",
        [(Side.LEFT, 26, 8), (Side.RIGHT, 30, 8)],
        days_ago=3,
    )
    window = make_window(store)
    target = tmp_path / "out.csv"
    choose_file(target)
    file_action(window, "&Export (Evenside CSV)…").trigger()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"Exported 2 sets to {target}",
        timeout=10_000,
    )
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["exercise"], r["side"], r["weight_kg"], r["reps"]) for r in rows] == [
        ("One-arm dumbbell row", "left", "26.0", "8"),
        ("One-arm dumbbell row", "right", "30.0", "8"),
    ]


def test_export_for_strong_from_the_menu(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
) -> None:
    seed_past_session(
        store, clock, profile, "Back squat", [(Side.BOTH, 100, 5), (Side.BOTH, 100, 4)], 3
    )
    window = make_window(store)
    target = tmp_path / "strong.csv"
    choose_file(target)
    file_action(window, "Export for &Strong and others…").trigger()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"Exported 2 sets to {target}",
        timeout=10_000,
    )
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Exercise Name"], r["Set Order"], r["Weight"], r["Reps"]) for r in rows] == [
        ("Back squat", "1", "100.0", "5"),
        ("Back squat", "2", "100.0", "4"),
    ]


def test_weights_that_look_like_pounds_are_questioned_before_the_mapping(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    choose_file: Callable[[Path], None],
) -> None:
    file = tmp_path / "pounds.csv"
    rows = [
        f"2025-05-0{day} 18:00:00,A,1h,Bench Press (Barbell),1,{weight},5,0,0,"
        for day, weight in [(1, 135), (2, 185), (3, 225), (4, 225), (5, 135)]
    ]
    file.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        + "\n".join(rows) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    window = make_window(store)
    dialog = _open(qtbot, window, file, choose_file)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.unit_page)
    dialog.kg.click()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "look like pounds" in dialog.unit_question.text())
    assert dialog.pages.currentWidget() is dialog.unit_page
    assert "5 of 5 weights are pound plate loads" in dialog.unit_question.text()
    assert dialog.lb.isChecked()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # pounds, then
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.preview_page)
    assert "Units: weights read as lb, as you chose." in dialog.summary.text()
