"""The middle of the Routines page: one routine's days, and the exercises of the chosen
day with their targets (edited in place, reordered by keyboard or drag, removed with undo)."""

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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.library import Exercise
from evenside.domain.routines import Routine, RoutineItem
from evenside.domain.wording import counted
from evenside.gui.changes import ChangeHub
from evenside.gui.models.routine_items import RoutineItemsModel
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.gui.widgets.plan_lines import RoutinePlanLines
from evenside.services import library, routines
from evenside.services.store import Store


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    return button


class RoutineDayEditor(QWidget):
    """Edits the days of the routine it is shown; every edit is published through the hub
    (the page reloads and shows this editor the routine again)."""

    day_shown = Signal()

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.routine: Routine | None = None
        self.exercises: dict[int, Exercise] = {}
        self._select_after: int | None = None  # an item to select once the change is shown
        self.day = QComboBox()
        self.day.setMinimumContentsLength(18)
        self.day.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_day_button = _button("+ Day", "Add a day to this routine")
        self.duplicate_day_button = _button("Copy day", "Duplicate this day with its exercises")
        self.rename_day_button = _button("Rename…", "Rename this day")
        self.delete_day_button = _button("Delete…", "Delete this day")
        self.add_box = QLineEdit()
        self.add_box.setPlaceholderText("Add an exercise to this day: type a name, Enter")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.up_button = _button("Up", "Move up (Alt+Up); rows can also be dragged")
        self.down_button = _button("Down", "Move down (Alt+Down)")
        self.remove_button = _button(
            "Remove", "Remove from the day (Delete); Ctrl+Z brings it back"
        )
        self.plan_lines = RoutinePlanLines()
        self._build_table()
        self._lay_out()
        self._connect()

    def _build_table(self) -> None:
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

    def _lay_out(self) -> None:
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
        self.item_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            self.item_buttons.addWidget(button)
        self.item_buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(days)
        box.addWidget(self.add_box)
        box.addWidget(self.table, 1)
        box.addWidget(self.plan_lines)
        box.addWidget(self.message)
        box.addLayout(self.item_buttons)

    def _connect(self) -> None:
        self.day.currentIndexChanged.connect(lambda _i: self._show_day())
        self.add_day_button.clicked.connect(self.add_day)
        self.duplicate_day_button.clicked.connect(self.duplicate_day)
        self.rename_day_button.clicked.connect(self.rename_day)
        self.delete_day_button.clicked.connect(self.delete_day)
        self.add_box.returnPressed.connect(self.add_exercise)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.edit_requested.connect(self._edit, Qt.ConnectionType.QueuedConnection)
        self.model.edit_refused.connect(self.message.setText)
        self.model.move_requested.connect(self._move, Qt.ConnectionType.QueuedConnection)
        add_shortcut(self, "Alt+Up", lambda: self.move_selected(-1))
        add_shortcut(self, "Alt+Down", lambda: self.move_selected(1))
        add_shortcut(
            self.table,
            QKeySequence.StandardKey.Delete,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )

    # -- showing --------------------------------------------------------------------------

    def show_routine(
        self, routine: Routine | None, exercises: dict[int, Exercise], day_index: int = -1
    ) -> None:
        """Show ``routine`` (as stored now) on the day at ``day_index``, or the same day as
        before when it is the same routine, or its first day."""
        previous = self.routine.id if self.routine else None
        keep = max(0, self.day.currentIndex()) if routine and previous == routine.id else 0
        self.routine, self.exercises = routine, exercises
        for widget in (self, self.add_box, self.table):
            widget.setEnabled(routine is not None)
        self.day.blockSignals(True)
        self.day.clear()
        for day in routine.days if routine else ():
            self.day.addItem(f"{day.name} · {len(day.items)}", day.id)
        index = day_index if day_index >= 0 else keep
        self.day.setCurrentIndex(min(index, self.day.count() - 1))
        self.day.blockSignals(False)
        self._show_day()

    def selected_day_id(self) -> int | None:
        data = self.day.currentData()
        return None if data is None else int(data)

    def _show_day(self) -> None:
        day_id = self.selected_day_id()
        if self.routine is None or day_id is None:
            self.model.set_items((), self.exercises)
            self.plan_lines.hide()
            return
        items = self.routine.day(day_id).items
        self.model.set_items(items, self.exercises)
        self.plan_lines.show_items(self.store, self.routine.profile_id, items, self.exercises)
        if self._select_after is not None:
            self._select_item(self._select_after)
            self._select_after = None

    def _selected_item(self) -> RoutineItem | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else self.model.row_at(rows[0].row())

    def _select_item(self, item_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == item_id:
                self.table.selectRow(row)

    # -- writing --------------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def _run(self, action: Callable[[], object], select: int | None = None) -> bool:
        """Run a write; show a refusal, else publish the routine change."""
        try:
            action()
        except EvensideError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        self._select_after = select
        self.hub.publish(routines.CHANGED, self)
        return True

    def add_day(self) -> None:
        if self.routine is None:
            return
        name = self._ask("Add day", "Name of the day:", f"Day {len(self.routine.days) + 1}")
        routine_id = self.routine.id
        if name is not None and self._run(lambda: routines.add_day(self.store, routine_id, name)):
            self.day.setCurrentIndex(self.day.count() - 1)

    def duplicate_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is not None and self._run(lambda: routines.duplicate_day(self.store, day_id)):
            self.day.setCurrentIndex(self.day.count() - 1)

    def rename_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None or self.routine is None:
            return
        name = self._ask("Rename day", "New name:", self.routine.day(day_id).name)
        if name is not None:
            self._run(lambda: routines.rename_day(self.store, day_id, name))

    def delete_day(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None or self.routine is None:
            return
        day = self.routine.day(day_id)
        answer = QMessageBox.question(
            self,
            "Delete day",
            f'Delete "{day.name}" and its {counted(len(day.items), "exercise")}?',
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: routines.delete_day(self.store, day_id))

    def add_exercise(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None or not self.add_box.text().strip():
            return
        live = [e for e in self.exercises.values() if not e.archived]
        matches = library.search(live, self.add_box.text())
        if not matches:
            self.message.setText("No exercise matches that name.")
            return
        added: list[int] = []
        self.add_box.clear()
        self._run(lambda: added.append(routines.add_item(self.store, day_id, matches[0].id)))
        if added:
            self._select_item(added[0])

    def _edit(self, item: RoutineItem) -> None:
        self._run(lambda: routines.update_item(self.store, item), select=item.id)

    def _move(self, item_id: int, position: int) -> None:
        self._run(lambda: routines.move_item(self.store, item_id, position), select=item_id)

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
        holder = {"id": item.id}

        def redo() -> Changes:
            return routines.delete_item(self.store, holder["id"])

        def undo() -> Changes:
            new_id = routines.add_item(self.store, day_id, item.exercise_id)
            routines.update_item(self.store, replace(item, id=new_id))
            holder["id"] = new_id
            return routines.move_item(self.store, new_id, item.position)

        if self._run(lambda: routines.delete_item(self.store, item.id)):
            self.undo_stack.push(ServiceCommand("remove exercise", redo, undo, self.hub))
            self.message.setText("Removed. Ctrl+Z brings it back.")
