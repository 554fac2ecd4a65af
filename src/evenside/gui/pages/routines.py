"""Routines page: routines made of days, each day a list of exercises with targets; the
balance checker beside it with one-click fixes; generate, duplicate, print, start a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.balance_check import Finding
from evenside.domain.errors import EvensideError
from evenside.domain.profile import Profile
from evenside.domain.routines import Routine, RoutineItem
from evenside.gui.dialogs.generate import GenerateDialog
from evenside.gui.models.routine_items import RoutineItemsModel
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.gui.widgets.findings import FindingsPanel
from evenside.services import library, routines, workout
from evenside.services.store import Store


class RoutinesPage(QWidget):
    session_started = Signal(object)  # WorkoutSession

    def __init__(self, store: Store, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.exercises = {e.id: e for e in library.all_exercises(store, include_archived=True)}
        self.routine: Routine | None = None
        self.undo_stack = QUndoStack(self)

        self.routine_list = QListWidget()
        self.new_button = QPushButton("&New…")
        self.generate_button = QPushButton("&Generate…")
        self.duplicate_button = QPushButton("D&uplicate")
        self.rename_button = QPushButton("Rena&me…")
        self.delete_button = QPushButton("Delete…")
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel("<b>Routines</b>"))
        left_box.addWidget(self.routine_list, 1)
        for row in (
            (self.new_button, self.generate_button),
            (self.duplicate_button, self.rename_button),
            (self.delete_button,),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            left_box.addLayout(line)
        left.setMaximumWidth(230)

        self.day = QComboBox()
        self.day.setMinimumContentsLength(18)
        self.day.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_day_button = QPushButton("+ Day")
        self.add_day_button.setToolTip("Add a day to this routine")
        self.duplicate_day_button = QPushButton("Copy day")
        self.duplicate_day_button.setToolTip("Duplicate this day with its exercises")
        self.rename_day_button = QPushButton("Rename…")
        self.rename_day_button.setToolTip("Rename this day")
        self.delete_day_button = QPushButton("Delete…")
        self.delete_day_button.setToolTip("Delete this day")
        days = QHBoxLayout()
        days.addWidget(QLabel("Day"))
        days.addWidget(self.day, 1)
        for button in (
            self.add_day_button,
            self.duplicate_day_button,
            self.rename_day_button,
            self.delete_day_button,
        ):
            days.addWidget(button)
        self.add_box = QLineEdit()
        self.add_box.setPlaceholderText("Add an exercise to this day: type a name, Enter")
        self.model = RoutineItemsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.up_button = QPushButton("Up")
        self.up_button.setToolTip("Move up (Alt+Up); rows can also be dragged")
        self.down_button = QPushButton("Down")
        self.down_button.setToolTip("Move down (Alt+Down)")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove from the day (Delete); Ctrl+Z brings it back")
        self.start_button = QPushButton("&Start this day")
        self.start_button.setToolTip("Start a session with this day's exercises and targets")
        self.print_button = QPushButton("&Print sheet…")
        item_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.print_button)
        item_buttons.addWidget(self.start_button)
        middle = QWidget()
        middle_box = QVBoxLayout(middle)
        middle_box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        middle_box.addWidget(self.title)
        middle_box.addLayout(days)
        middle_box.addWidget(self.add_box)
        middle_box.addWidget(self.table, 1)
        middle_box.addWidget(self.message)
        middle_box.addLayout(item_buttons)
        self.findings = FindingsPanel()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 600, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.routine_list.currentItemChanged.connect(lambda *_: self._routine_selected())
        self.day.currentIndexChanged.connect(lambda _i: self._show_day())
        self.new_button.clicked.connect(self.new_routine)
        self.generate_button.clicked.connect(self.generate)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.add_day_button.clicked.connect(self.add_day)
        self.duplicate_day_button.clicked.connect(self.duplicate_day)
        self.rename_day_button.clicked.connect(self.rename_day)
        self.delete_day_button.clicked.connect(self.delete_day)
        self.add_box.returnPressed.connect(self.add_exercise)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.start_button.clicked.connect(self.start_session)
        self.print_button.clicked.connect(self.print_sheet)
        self.model.edit_requested.connect(self._edit, Qt.ConnectionType.QueuedConnection)
        self.model.edit_refused.connect(self.message.setText)
        self.model.move_requested.connect(self._move, Qt.ConnectionType.QueuedConnection)
        self.findings.fix_requested.connect(self.apply_fix)
        add_shortcut(self, "Alt+Up", lambda: self.move_selected(-1))
        add_shortcut(self, "Alt+Down", lambda: self.move_selected(1))
        add_shortcut(self, QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        add_shortcut(
            self.table,
            QKeySequence.StandardKey.Delete,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.undo_stack.indexChanged.connect(self._undo_changed)
        self.reload()

    # -- loading --------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        current = select if select is not None else (self.routine.id if self.routine else None)
        self.routine_list.blockSignals(True)
        self.routine_list.clear()
        for routine_id, name in routines.list_routines(self.store, self.profile.id):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, routine_id)
            self.routine_list.addItem(item)
            if routine_id == current:
                self.routine_list.setCurrentItem(item)
        self.routine_list.blockSignals(False)
        if self.routine_list.currentRow() < 0 and self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        self._routine_selected()

    def _undo_changed(self, _index: int) -> None:
        self.reload()

    def _routine_selected(self) -> None:
        item = self.routine_list.currentItem()
        has = item is not None
        for widget in (
            self.duplicate_button,
            self.rename_button,
            self.delete_button,
            self.day,
            self.add_day_button,
            self.duplicate_day_button,
            self.rename_day_button,
            self.delete_day_button,
            self.add_box,
            self.table,
            self.start_button,
            self.print_button,
        ):
            widget.setEnabled(has)
        if item is None:
            self.routine = None
            self.title.setText(
                "<h3>No routine yet</h3><p>Create one, or let Evenside generate a balanced one.</p>"
            )
            self.model.set_items((), self.exercises)
            self.findings.show_findings([])
            return
        day_index = max(0, self.day.currentIndex())
        previous = self.routine.id if self.routine else None
        self.routine = routines.get_routine(self.store, int(item.data(Qt.ItemDataRole.UserRole)))
        self.title.setText(f"<h3>{self.routine.name}</h3><small>{self.routine.notes}</small>")
        self.day.blockSignals(True)
        self.day.clear()
        for day in self.routine.days:
            self.day.addItem(f"{day.name} · {len(day.items)}", day.id)
        keep = day_index if previous == self.routine.id else 0
        self.day.setCurrentIndex(min(keep, self.day.count() - 1))
        self.day.blockSignals(False)
        self._show_day()
        self.findings.show_findings(routines.check(self.store, self.profile.id, self.routine.id))

    def selected_day_id(self) -> int | None:
        data = self.day.currentData()
        return None if data is None else int(data)

    def _show_day(self) -> None:
        day_id = self.selected_day_id()
        if self.routine is None or day_id is None:
            self.model.set_items((), self.exercises)
            return
        self.model.set_items(self.routine.day(day_id).items, self.exercises)

    def _selected_item(self) -> RoutineItem | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else self.model.row_at(rows[0].row())

    def _select_item(self, item_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == item_id:
                self.table.selectRow(row)

    # -- routines -------------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except EvensideError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        return True

    def new_routine(self) -> None:
        name = self._ask("New routine", "Name of the routine:")
        if name is not None:
            created: list[Routine] = []
            if self._run(
                lambda: created.append(routines.create_routine(self.store, self.profile.id, name))
            ):
                self.reload(created[0].id)

    def generate(self) -> None:
        dialog = GenerateDialog(self)
        if not dialog.exec():
            return
        made: list[int] = []
        if self._run(
            lambda: made.append(
                routines.generate_routine(
                    self.store, self.profile.id, dialog.name.text(), dialog.choice()
                )
            )
        ):
            self.reload(made[0])

    def duplicate(self) -> None:
        if self.routine is not None:
            self.reload(routines.duplicate_routine(self.store, self.routine.id))

    def rename(self) -> None:
        if self.routine is None:
            return
        name = self._ask("Rename routine", "New name:", self.routine.name)
        routine_id = self.routine.id
        if name is not None and self._run(
            lambda: routines.rename_routine(self.store, routine_id, name)
        ):
            self.reload()

    def delete(self) -> None:
        if self.routine is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete routine",
            f'Delete the routine "{self.routine.name}"? Ctrl+Z brings it back.',
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        snapshot = routines.delete_routine(self.store, self.routine.id)
        holder = {"id": snapshot.id}
        self.routine = None

        def redo() -> None:
            routines.delete_routine(self.store, holder["id"])

        def undo() -> None:
            holder["id"] = routines.restore_routine(self.store, snapshot)

        self.undo_stack.push(ServiceCommand("delete routine", redo, undo))
        self.message.setText(f'Deleted "{snapshot.name}". Ctrl+Z brings it back.')

    # -- days -----------------------------------------------------------------------------

    def add_day(self) -> None:
        if self.routine is None:
            return
        name = self._ask("Add day", "Name of the day:", f"Day {len(self.routine.days) + 1}")
        routine_id = self.routine.id
        if name is not None and self._run(lambda: routines.add_day(self.store, routine_id, name)):
            self.reload()
            self.day.setCurrentIndex(self.day.count() - 1)

    def duplicate_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is not None:
            routines.duplicate_day(self.store, day_id)
            self.reload()
            self.day.setCurrentIndex(self.day.count() - 1)

    def rename_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None or self.routine is None:
            return
        name = self._ask("Rename day", "New name:", self.routine.day(day_id).name)
        if name is not None and self._run(lambda: routines.rename_day(self.store, day_id, name)):
            self.reload()

    def delete_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None or self.routine is None:
            return
        day = self.routine.day(day_id)
        answer = QMessageBox.question(
            self, "Delete day", f'Delete "{day.name}" and its {len(day.items)} exercises?'
        )
        if answer == QMessageBox.StandardButton.Yes:
            routines.delete_day(self.store, day_id)
            self.reload()

    # -- items ----------------------------------------------------------------------------

    def add_exercise(self) -> None:
        day_id = self.selected_day_id()
        matches = library.search(
            [e for e in self.exercises.values() if not e.archived], self.add_box.text()
        )
        if day_id is None or not self.add_box.text().strip():
            return
        if not matches:
            self.message.setText("No exercise matches that name.")
            return
        item_id = routines.add_item(self.store, day_id, matches[0].id)
        self.add_box.clear()
        self.reload()
        self._select_item(item_id)

    def _edit(self, item: RoutineItem) -> None:
        if self._run(lambda: routines.update_item(self.store, item)):
            self.reload()
            self._select_item(item.id)

    def _move(self, item_id: int, position: int) -> None:
        routines.move_item(self.store, item_id, position)
        self.reload()
        self._select_item(item_id)

    def move_selected(self, step: int) -> None:
        item = self._selected_item()
        if item is not None:
            row = self.table.selectionModel().selectedRows()[0].row()
            target = max(0, min(self.model.rowCount() - 1, row + step))
            if target != row:
                self._move(item.id, target)

    def remove_selected(self) -> None:
        item = self._selected_item()
        day_id = self.selected_day_id()
        if item is None or day_id is None:
            return
        routines.delete_item(self.store, item.id)
        holder = {"id": item.id}

        def redo() -> None:
            routines.delete_item(self.store, holder["id"])

        def undo() -> None:
            new_id = routines.add_item(self.store, day_id, item.exercise_id)
            routines.update_item(self.store, replace(item, id=new_id))
            routines.move_item(self.store, new_id, item.position)
            holder["id"] = new_id

        self.undo_stack.push(ServiceCommand("remove exercise", redo, undo))
        self.message.setText("Removed. Ctrl+Z brings it back.")

    def apply_fix(self, finding: Finding) -> None:
        fix = finding.fix
        if fix is not None and self._run(lambda: routines.apply_fix(self.store, fix)):
            self.reload()

    # -- sessions and sheets --------------------------------------------------------------

    def start_session(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None:
            return
        if workout.active_session(self.store, self.profile.id) is not None:
            QMessageBox.information(
                self, "Session in progress", "Finish the session in progress first (Session page)."
            )
            return
        self.session_started.emit(
            routines.start_session_from_day(self.store, self.profile.id, day_id)
        )

    def print_sheet(self) -> None:
        if self.routine is None:
            return
        from evenside.gui.dialogs.sheet_dialog import SheetDialog  # print support on first use

        dialog = SheetDialog(self.store, self.profile.id, self.routine, self)
        if self.day.currentIndex() >= 0:
            dialog.day.setCurrentIndex(self.day.currentIndex() + 1)
        dialog.exec()
