"""A past session's exercises and sets: edit a set in place, delete one (Delete), and undo
either (Ctrl+Z) through the History page's undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.profile import Profile
from evenside.domain.supersets import labels as superset_labels
from evenside.domain.training import SetRecord, WorkoutSession
from evenside.gui.changes import ChangeHub
from evenside.gui.dialogs import edit_conflict
from evenside.gui.models.sets import SetTableModel
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.services import library, set_edits, workout
from evenside.services.store import Store


class SessionEditor(QDialog):
    """A past session's exercises and sets; a set edited here changes every figure from it."""

    def __init__(
        self,
        store: Store,
        profile: Profile,
        session_id: int,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile, self.session_id = store, profile, session_id
        self.hub = hub or ChangeHub(self)
        self.undo_stack = undo_stack or QUndoStack(self)
        self.exercises = {e.id: e for e in library.all_exercises(store, include_archived=True)}
        self.setWindowTitle("Edit session")
        self.title = QLabel()
        self.exercise_list = QListWidget()
        self.exercise_list.setMaximumWidth(260)
        self.exercise_list.setAccessibleName("Exercises of the session")
        self.model = SetTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Sets of the exercise")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.delete_button = QPushButton("&Delete set")
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.exercise_list)
        row.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.model.edit_requested.connect(self._edit, Qt.ConnectionType.QueuedConnection)
        self.model.edit_refused.connect(self.message.setText)
        self.exercise_list.currentRowChanged.connect(self._show_row)
        self.delete_button.clicked.connect(self.delete_selected_set)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        add_shortcut(self.table, QKeySequence.StandardKey.Delete, self.delete_selected_set)
        add_shortcut(self, QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self.undo_stack.indexChanged.connect(self._undone_or_redone)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.resize(900, 520)
        self.session: WorkoutSession = workout.get_session(store, session_id)
        # Undo-stack index after undoing a deletion -> (exercise row, set row) it restores.
        self._restores: dict[int, tuple[int, int]] = {}
        self._fill()

    def _fill(self, row: int = 0) -> None:
        self.session = workout.get_session(self.store, self.session_id)
        when = f"{self.session.started_at:%a %d %b %Y %H:%M}"
        self.title.setText(f"<h3>{self.session.name or 'Session'} · {when}</h3>")
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        groups = superset_labels(e.superset_group for e in self.session.exercises)
        for exercise in self.session.exercises:
            name = self.exercises[exercise.exercise_id].name
            group = exercise.superset_group
            if group is not None and group in groups:
                name = f"┃ {name} · {groups[group]}"
            self.exercise_list.addItem(QListWidgetItem(name))
        self.exercise_list.blockSignals(False)
        if self.session.exercises:
            self.exercise_list.setCurrentRow(min(row, len(self.session.exercises) - 1))
            self._show_row(self.exercise_list.currentRow())

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.session.exercises):
            exercise = self.session.exercises[row]
            lib = self.exercises[exercise.exercise_id]
            self.model.set_sets(
                list(exercise.sets), self.profile.unit, lib.load_basis, lib.reps_or_time
            )

    def _undone_or_redone(self, index: int) -> None:
        """The set table shows what is stored now, the last message goes (it spoke of the
        step just undone), and a set brought back is selected, ready for Delete again."""
        if not self.isVisible():
            return
        self.message.clear()
        restored = self._restores.get(index)
        if restored is None or self.undo_stack.index() != index:
            self._fill(self.exercise_list.currentRow())
            return
        exercise_row, set_row = restored
        self._fill(exercise_row)
        self.table.selectRow(set_row)
        self.table.setFocus()

    def _edit(self, set_id: int, record: SetRecord) -> None:
        shown = next(s.record for e in self.session.exercises for s in e.sets if s.id == set_id)

        def save(over: SetRecord) -> Changes:
            return set_edits.update_set(self.store, set_id, over, record)

        edit_conflict.write_checked(self, save, shown, self.message.setText, self._settled)

    def _settled(self, changes: Changes) -> None:
        self._fill(self.exercise_list.currentRow())
        self.hub.publish(changes, self)

    def delete_selected_set(self) -> None:
        """Delete the chosen set at once (no question): Undo (Ctrl+Z) puts it back. A set
        changed elsewhere since it was shown is not deleted before the person chooses."""
        rows = self.table.selectionModel().selectedRows() or (
            [self.table.currentIndex()] if self.table.currentIndex().isValid() else []
        )
        if not rows:
            self.message.setText("Choose a set to delete.")
            return
        stored = self.model.logged(rows[0].row())
        where = (self.exercise_list.currentRow(), rows[0].row())

        def delete(over: SetRecord) -> Changes:
            deleted = set_edits.delete_set(self.store, stored.id, over)
            exercise_id, logged = deleted.session_exercise_id, deleted.logged

            def redo() -> Changes:
                return workout.delete_set(self.store, stored.id).changes

            def undo() -> Changes:
                return workout.restore_set(self.store, exercise_id, logged)

            self._restores[self.undo_stack.index()] = where  # the index once undone
            self.undo_stack.push(ServiceCommand("delete set", redo, undo, self.hub))
            return deleted.changes

        edit_conflict.write_checked(
            self,
            delete,
            stored.record,
            self.message.setText,
            self._settled,
            done="Set deleted. Undo (Ctrl+Z) brings it back.",
            refused="Not deleted",
        )
