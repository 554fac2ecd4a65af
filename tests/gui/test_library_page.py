"""Library page: search by typing, filters, stretches shown, custom exercises validated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from evenside.domain.library import Laterality
from evenside.domain.muscles import MuscleGroup
from evenside.domain.profile import Profile
from evenside.domain.units import Unit
from evenside.gui.dialogs.custom_exercise import CustomExerciseDialog
from evenside.gui.dialogs.import_names import ImportNamesDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.library import LibraryPage
from evenside.services import library, transfer, workout
from evenside.services.store import Store


def _library(window: MainWindow) -> LibraryPage:
    page = window.go_to("Library")
    assert isinstance(page, LibraryPage)
    return page


def _names(page: LibraryPage) -> list[str]:
    return [page.model.exercise(r).name for r in range(page.model.rowCount())]


def test_typing_with_a_typo_finds_the_exercise_and_its_stretches(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _library(make_window(store))
    qtbot.keyClicks(page.search, "bulgrian sqat")
    assert _names(page) == ["Bulgarian split squat"]
    text = page.detail.toPlainText()
    assert "Standing quad stretch" in text and "hold 30 s per side" in text


def test_filters_by_muscle_and_laterality(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _library(make_window(store))
    page.muscle.setCurrentIndex(page.muscle.findText("Calves"))
    calves = _names(page)
    assert "Single-leg calf raise" in calves and "Standing calf raise" in calves
    page.laterality.setCurrentIndex(page.laterality.findText("Unilateral"))
    assert "Standing calf raise" not in _names(page)
    shown = [page.model.exercise(r) for r in range(page.model.rowCount())]
    assert shown and all(
        MuscleGroup.CALVES in e.muscles and e.laterality is Laterality.UNILATERAL for e in shown
    )
    qtbot.keyClicks(page.search, "zzzz")
    assert _names(page) == [] and "No exercise matches" in page.detail.toPlainText()


def test_clicking_a_row_shows_that_exercise(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _library(make_window(store))
    qtbot.keyClicks(page.search, "curl")
    target = _names(page).index("One-arm hammer curl")
    rect = page.table.visualRect(page.model.index(target, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "One-arm hammer curl" in page.detail.toPlainText().splitlines()[0]


def test_exercise_model_passes_the_model_tester(
    qtmodeltester: object,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _library(make_window(store))
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_custom_exercise_is_validated_inline_then_saved(
    qtbot: QtBot, store: Store, profile: Profile
) -> None:
    before = len(library.all_exercises(store))
    dialog = CustomExerciseDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)

    qtbot.keyClicks(dialog.name, "Split squat")  # taken, and no muscle chosen
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "already exists" in dialog.error.text()
    assert len(library.all_exercises(store)) == before

    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Landmine row")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "primary muscle" in dialog.error.text()
    assert len(library.all_exercises(store)) == before

    item = dialog.primary.findItems("Upper back", Qt.MatchFlag.MatchExactly)[0]
    dialog.primary.setCurrentItem(item)
    dialog.primary.setFocus()
    qtbot.keyClick(dialog.primary, Qt.Key.Key_Space)  # space toggles the check box
    assert item.checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.created is not None and dialog.created.custom
    assert [s.name for s in dialog.created.stretches] == ["Hug-and-round upper back stretch"]
    assert len(library.all_exercises(store)) == before + 1


def test_add_button_opens_the_dialog_and_selects_the_new_exercise(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _library(make_window(store))

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CustomExerciseDialog)
        qtbot.keyClicks(dialog.name, "Kettlebell windmill")
        item = dialog.primary.findItems("Obliques", Qt.MatchFlag.MatchExactly)[0]
        dialog.primary.setCurrentItem(item)
        qtbot.keyClick(dialog.primary, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_and_save)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.exercise(i.row()).name for i in selected] == ["Kettlebell windmill"]


def test_names_from_imports_remap_moves_the_sets_and_undo_moves_them_back(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    file = tmp_path / "strong.csv"
    file.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        "2025-03-01 10:00:00,A,1h,Chest Press (Machine),1,50,10,0,0,\n",
        encoding="utf-8",
    )
    parsed = transfer.read_import(file, unit=Unit.KG)
    transfer.commit_import(
        store, profile.id, parsed, transfer.default_mapping(transfer.suggestions(store, parsed))
    )
    page = _library(make_window(store))
    qtbot.mouseClick(page.names_button, Qt.MouseButton.LeftButton)
    [dialog] = page.findChildren(ImportNamesDialog)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells[:3] == ["strong", "Chest Press (Machine)", "Chest Press (Machine)"]
    assert "no library exercise with the same movement" in cells[3]
    dialog.target.setCurrentIndex(dialog.target.findText("Bench press"))
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm is not None and dialog.confirm.isVisible()
    qtbot.mouseClick(
        dialog.confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
    )
    assert dialog.table.item(0, 2).text() == "Bench press"
    assert dialog.table.item(0, 4).text() == "you"
    [session] = workout.history(store, profile.id)
    names = {e.id: e.name for e in library.all_exercises(store)}
    detail = workout.get_session(store, session.id)
    assert [names[e.exercise_id] for e in detail.exercises] == ["Bench press"]
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    detail = workout.get_session(store, session.id)
    assert [names[e.exercise_id] for e in detail.exercises] == ["Chest Press (Machine)"]
    assert dialog.table.item(0, 2).text() == "Chest Press (Machine)"
