"""History page: past sessions with per-side volume; open one to edit it, delete with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.profile import Profile
from evenside.domain.training import SetRecord, WorkoutSession
from evenside.domain.wording import counted
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.history import SessionListModel
from evenside.gui.models.sets import SetTableModel
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.services import library, workout
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
    ) -> None:
        super().__init__(parent)
        self.store, self.profile, self.session_id = store, profile, session_id
        self.hub = hub or ChangeHub(self)
        self.exercises = {e.id: e for e in library.all_exercises(store, include_archived=True)}
        self.setWindowTitle("Edit session")
        self.title = QLabel()
        self.exercise_list = QListWidget()
        self.exercise_list.setMaximumWidth(260)
        self.model = SetTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
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
        self.resize(900, 520)
        self.session: WorkoutSession = workout.get_session(store, session_id)
        self._fill()

    def _fill(self, row: int = 0) -> None:
        self.session = workout.get_session(self.store, self.session_id)
        when = f"{self.session.started_at:%a %d %b %Y %H:%M}"
        self.title.setText(f"<h3>{self.session.name or 'Session'} · {when}</h3>")
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        for exercise in self.session.exercises:
            self.exercise_list.addItem(QListWidgetItem(self.exercises[exercise.exercise_id].name))
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

    def _edit(self, set_id: int, record: SetRecord) -> None:
        try:
            changes = workout.update_set(self.store, set_id, record)
        except EvensideError as exc:
            self.message.setText(f"Not saved: {exc}")
            return
        self.message.clear()
        self._fill(self.exercise_list.currentRow())
        self.hub.publish(changes, self)


class HistoryPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.hub = hub or ChangeHub(self)
        self.model = SessionListModel()
        self.table = row_table(self.model)
        stretch_column(self.table, 3)
        self.undo_stack = QUndoStack(self)
        self.open_button = QPushButton("&Open and edit…")
        self.delete_button = QPushButton("&Delete…")
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.setEnabled(False)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.open_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.table.activated.connect(lambda _index: self.open_selected())
        add_shortcut(self, QKeySequence.StandardKey.Delete, self.delete_selected)
        add_shortcut(self, QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        StaleGuard(self, self.hub, lambda c: c.training or c.library, self.reload)
        self.reload()

    def reload(self) -> None:
        rows = workout.history(self.store, self.profile.id)
        self.model.set_sessions(rows, self.profile.unit)
        self.status.setText(
            counted(len(rows), "session")
            if rows
            else "No sessions yet: they appear here once logged."
        )

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else self.model.listing(rows[0].row()).id

    def open_selected(self) -> None:
        session_id = self._selected_id()
        if session_id is None:
            return
        editor = SessionEditor(self.store, self.profile, session_id, self, hub=self.hub)
        editor.exec()

    def delete_selected(self) -> None:
        session_id = self._selected_id()
        if session_id is None:
            return
        listing = next(
            s for s in workout.history(self.store, self.profile.id) if s.id == session_id
        )
        answer = QMessageBox.question(
            self,
            "Delete session",
            f"Delete the session of {listing.started_at:%a %d %b %Y} "
            f"with its {counted(listing.sets, 'set')}?"
            "\n\nUndo delete (Ctrl+Z) brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = workout.delete_session(self.store, session_id)

        def redo() -> Changes:
            return workout.delete_session(self.store, session_id).changes

        def undo() -> Changes:
            return workout.restore_session(self.store, deleted.stored)

        self.undo_stack.push(ServiceCommand("delete session", redo, undo, self.hub))
        self.hub.publish(deleted, self)
        self.status.setText("Session deleted. Undo delete (Ctrl+Z) brings it back.")
