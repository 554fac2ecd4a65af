"""The sets of the selected exercise: edited in place (F2, double-click), deleted with the
Delete key; both undone with Ctrl+Z. A set appears here only once it is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import EvensideError
from evenside.domain.library import LoadBasis
from evenside.domain.training import SetRecord
from evenside.gui.models.sets import RPE, SetTableModel
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.services import workout


class SetTable(QWidget):
    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.view: ExerciseView | None = None
        self.set_model = SetTableModel()
        self.set_table = QTableView()
        self.set_table.setModel(self.set_model)
        self.set_table.verticalHeader().hide()
        self.set_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.set_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Room for the header and four sets: the table never shrinks to a sliver.
        self.set_table.setMinimumHeight(
            self.set_table.horizontalHeader().sizeHint().height()
            + 4 * self.set_table.verticalHeader().defaultSectionSize()
            + 2 * self.set_table.frameWidth()
        )
        self.table_message = QLabel()
        self.table_message.setStyleSheet(ERROR_STYLE)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.set_table, 1)
        box.addWidget(self.table_message)
        # Queued: the model is reset after an edit, which must not happen inside setData.
        self.set_model.edit_requested.connect(self.edit_set, Qt.ConnectionType.QueuedConnection)
        self.set_model.edit_refused.connect(self.table_message.setText)
        add_shortcut(
            self.set_table,
            QKeySequence.StandardKey.Delete,
            self.delete_selected_set,
            Qt.ShortcutContext.WidgetShortcut,
        )

    def show_view(self, view: ExerciseView) -> None:
        fresh = (
            self.view is None
            or view.exercise is None
            or self.view.exercise is None
            or self.view.exercise.id != view.exercise.id
        )
        self.view = view
        unit = self.scope.profile.unit
        if view.exercise is None or view.lib is None:
            self.set_model.set_sets([], unit, LoadBasis.TOTAL)
        else:
            self.set_model.set_sets(
                list(view.exercise.sets), unit, view.lib.load_basis, view.lib.reps_or_time
            )
            self.set_table.scrollToBottom()
        if fresh:
            self.table_message.clear()

    def edit_effort(self, set_id: int) -> None:
        """Open the RPE cell of a set for typing (asked for by the effort hint)."""
        rows = [
            r for r in range(self.set_model.rowCount()) if self.set_model.logged(r).id == set_id
        ]
        if not rows:
            return
        index = self.set_model.index(rows[0], RPE)
        self.set_table.setCurrentIndex(index)
        self.set_table.scrollTo(index)
        self.set_table.setFocus()
        self.set_table.edit(index)

    def say(self, text: str) -> None:
        self.table_message.setText(text)

    def edit_set(self, set_id: int, record: SetRecord) -> None:
        view, scope = self.view, self.scope
        if view is None or view.exercise is None:
            return
        old = next(s.record for s in view.exercise.sets if s.id == set_id)
        try:
            changes = workout.update_set(scope.store, set_id, record)
        except EvensideError as exc:
            self.say(f"Not saved: {exc}")
            return
        scope.undo_stack.push(
            ServiceCommand(
                "edit set",
                lambda: workout.update_set(scope.store, set_id, record),
                lambda: workout.update_set(scope.store, set_id, old),
                scope.hub,
            )
        )
        self.table_message.clear()
        scope.hub.publish(changes, scope.handler)

    def delete_selected_set(self) -> None:
        view, scope = self.view, self.scope
        rows = self.set_table.selectionModel().selectedRows()
        if view is None or view.exercise is None or not rows:
            return
        logged = self.set_model.logged(rows[0].row())
        exercise_id = view.exercise.id
        deleted = workout.delete_set(scope.store, logged.id)
        scope.undo_stack.push(
            ServiceCommand(
                "delete set",
                lambda: workout.delete_set(scope.store, logged.id).changes,
                lambda: workout.restore_set(scope.store, exercise_id, logged),
                scope.hub,
            )
        )
        scope.hub.publish(deleted, scope.handler)
        self.say("Set deleted: Ctrl+Z brings it back.")
