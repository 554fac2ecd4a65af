"""Routines page: build a routine by keyboard and mouse, edit targets in place, reorder by
keyboard and by drag, one-click fixes, duplicate, undo a deletion, start a session from a
day with its targets, save the sheet as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from session_helpers import BoxAnswerer

from evenside.domain.profile import Profile
from evenside.gui.dialogs.sheet_dialog import SheetDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.services import routines, workout
from evenside.services.store import Store


def _page(window: MainWindow) -> RoutinesPage:
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    return page


def _names(page: RoutinesPage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]  # type: ignore[misc]


def _add(qtbot: QtBot, page: RoutinesPage, query: str) -> None:
    page.add_box.setFocus()
    qtbot.keyClicks(page.add_box, query)
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)


@pytest.fixture
def built(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, RoutinesPage]:
    window = make_window(store)
    page = _page(window)
    assert "No routine yet" in page.title.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Push pull", True))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    for query in ("bench press", "one arm row dumbbell", "barbel curl"):
        _add(qtbot, page, query)
    return window, page


def test_build_a_routine_by_typing(
    built: tuple[MainWindow, RoutinesPage], store: Store, profile: Profile
) -> None:
    _window, page = built
    assert _names(page) == ["Bench press", "One-arm dumbbell row", "Barbell curl"]
    [(routine_id, name)] = routines.list_routines(store, profile.id)
    assert name == "Push pull"
    assert [i.exercise_id for i in routines.get_routine(store, routine_id).days[0].items] == [
        page.model.row_at(r).exercise_id for r in range(3)
    ]


def test_targets_edit_in_place_and_bad_values_are_refused(
    qtbot: QtBot, built: tuple[MainWindow, RoutinesPage], store: Store
) -> None:
    _window, page = built
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(1, 1))  # sets of the row
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "4")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert page.routine is not None
    qtbot.waitUntil(
        lambda: routines.get_routine(store, page.routine.id).days[0].items[1].target_sets == 4
    )  # type: ignore[union-attr]
    table.setFocus()
    table.setCurrentIndex(page.model.index(1, 2))  # reps from, above reps to
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "20")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "low end not above the high end" in page.message.text())
    assert routines.get_routine(store, page.routine.id).days[0].items[1].rep_low == 8


def test_reorder_by_keyboard_and_by_drag(
    qtbot: QtBot, qtmodeltester: object, built: tuple[MainWindow, RoutinesPage]
) -> None:
    _window, page = built
    page.table.setFocus()
    page.table.selectRow(2)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _names(page) == ["Bench press", "Barbell curl", "One-arm dumbbell row"]
    # A drag of the first row below the last: what the view hands the model on drop.
    data = page.model.mimeData([page.model.index(0, 0)])
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(lambda: _names(page) == ["Barbell curl", "One-arm dumbbell row", "Bench press"])
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_duplicate_day_and_routine_and_undo_a_deletion(
    qtbot: QtBot, built: tuple[MainWindow, RoutinesPage], store: Store, profile: Profile
) -> None:
    window, page = built
    qtbot.mouseClick(page.duplicate_day_button, Qt.MouseButton.LeftButton)
    assert page.day.count() == 2 and _names(page) == [
        "Bench press",
        "One-arm dumbbell row",
        "Barbell curl",
    ]
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert [n for _, n in routines.list_routines(store, profile.id)] == [
        "Push pull",
        "Push pull (copy)",
    ]
    answers = BoxAnswerer(('Delete the routine "Push pull (copy)"', QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers.done
    assert [n for _, n in routines.list_routines(store, profile.id)] == ["Push pull"]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.routine_list.setFocus()
    qtbot.keyClick(page.routine_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    copies = [r for r in routines.list_routines(store, profile.id) if r[1] == "Push pull (copy)"]
    assert copies and len(routines.get_routine(store, copies[0][0]).days) == 2


def test_start_a_session_from_a_day_with_targets(
    qtbot: QtBot, built: tuple[MainWindow, RoutinesPage], store: Store, profile: Profile
) -> None:
    window, page = built
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    session_page = window.stack.currentWidget()
    assert isinstance(session_page, SessionPage)
    current = workout.active_session(store, profile.id)
    assert current is not None and current.name == "Push pull: Day 1"
    assert session_page.exercise_list.count() == 3
    assert "Target: 3 x 8-12, 90 s rest" in session_page.header.text()
    assert session_page.entry.row(session_page.entry.order[0]).reps.text() == "8"  # target reps


def test_sheet_dialog_saves_a_pdf(
    qtbot: QtBot,
    tmp_path: Path,
    built: tuple[MainWindow, RoutinesPage],
    store: Store,
    profile: Profile,
) -> None:
    _window, page = built
    assert page.routine is not None
    dialog = SheetDialog(store, profile.id, page.routine, page)
    qtbot.addWidget(dialog)
    dialog.weeks.setValue(4)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData(False))  # portrait
    target = dialog.save_pdf(tmp_path / "push-pull.pdf")
    assert target is not None
    reader = PdfReader(str(target))
    assert "Barbell curl" in reader.pages[-1].extract_text().replace("\t", " ")
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)


def test_rename_a_day_then_delete_another(
    qtbot: QtBot,
    built: tuple[MainWindow, RoutinesPage],
    store: Store,
    profile: Profile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, page = built
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Upper", True))
    qtbot.mouseClick(page.rename_day_button, Qt.MouseButton.LeftButton)
    assert [page.day.itemText(i) for i in range(page.day.count())] == ["Upper · 3"]
    qtbot.mouseClick(page.duplicate_day_button, Qt.MouseButton.LeftButton)
    assert [page.day.itemText(i) for i in range(page.day.count())] == [
        "Upper · 3",
        "Upper (copy) · 3",
    ]
    assert page.day.currentIndex() == 1
    answers = BoxAnswerer(
        ('Delete "Upper (copy)" and its 3 exercises?', QMessageBox.StandardButton.Yes)
    )
    qtbot.mouseClick(page.delete_day_button, Qt.MouseButton.LeftButton)
    assert answers.done
    assert [page.day.itemText(i) for i in range(page.day.count())] == ["Upper · 3"]
    [(routine_id, _name)] = routines.list_routines(store, profile.id)
    assert [d.name for d in routines.get_routine(store, routine_id).days] == ["Upper"]


def test_remove_an_exercise_from_a_day_with_delete_then_undo(
    qtbot: QtBot, built: tuple[MainWindow, RoutinesPage]
) -> None:
    window, page = built
    rect = page.table.visualRect(page.model.index(1, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _names(page) == ["Bench press", "Barbell curl"]
    assert page.message.text() == "Removed. Ctrl+Z brings it back."
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(page) == ["Bench press", "One-arm dumbbell row", "Barbell curl"]
    assert [page.day.itemText(i) for i in range(page.day.count())] == ["Day 1 · 3"]


def test_generate_dialog_makes_a_routine_of_the_days_asked_for(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    from evenside.gui.dialogs.generate import GenerateDialog

    page = _page(make_window(store))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GenerateDialog)
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Three days")
        dialog.days.setFocus()
        dialog.days.selectAll()
        qtbot.keyClicks(dialog.days, "3")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert [n for _, n in routines.list_routines(store, profile.id)] == ["Three days"]
    assert page.routine_list.currentItem().text() == "Three days"
    assert page.day.count() == 3
    assert page.model.rowCount() > 0


def test_start_this_day_opens_the_days_first_exercise(
    qtbot: QtBot, built: tuple[MainWindow, RoutinesPage]
) -> None:
    window, page = built
    page.start_button.setFocus()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    session_page = window.stack.currentWidget()
    assert isinstance(session_page, SessionPage)
    assert session_page.exercise_list.currentRow() == 0
    assert session_page.exercise_list.currentItem().text().startswith("Bench press")
    assert "Bench press" in session_page.header.text()
    assert "Barbell curl" not in session_page.header.text()
