"""The sets of the selected exercise: edited in place (F2, double-click), deleted with the
Delete key; both undone with Ctrl+Z. A set appears here only once it is stored: in the
database, or on a studio server that cannot be reached, in the outbox on this laptop,
marked "waiting to send" until the server has it. An edit or a deletion is made over the
values shown; a set changed elsewhere meanwhile asks first (History's question)."""

from __future__ import annotations

from collections.abc import Callable

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

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.library import LoadBasis
from evenside.domain.training import SetRecord
from evenside.gui.dialogs import edit_conflict
from evenside.gui.models.sets import LOGGED, RPE, SetTableModel
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import ERROR_STYLE
from evenside.gui.undo import ServiceCommand
from evenside.services import set_edits, studio_link, workout

WAITING_KEPT = "That set is waiting to send: it can be changed once the server has it."


class SetTable(QWidget):
    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.view: ExerciseView | None = None
        self.set_model = SetTableModel()
        self.set_table = QTableView()
        self.set_table.setModel(self.set_model)
        self.set_table.setAccessibleName("Sets of the exercise")
        self.set_table.verticalHeader().hide()
        self.set_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.set_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # "waiting to send" is read whole, also at 1024 px.
        header.setSectionResizeMode(LOGGED, QHeaderView.ResizeMode.ResizeToContents)
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
                list(view.exercise.sets),
                unit,
                view.lib.load_basis,
                view.lib.reps_or_time,
                self._waiting(view.exercise.id),
            )
            self.set_table.scrollToBottom()
        if fresh:
            self.table_message.clear()

    def _waiting(self, session_exercise_id: int) -> list[SetRecord]:
        """The exercise's sets in the studio outbox, in the order they were logged."""
        outbox = studio_link.outbox_for(self.scope.store, self.scope.profile.id)
        if outbox is None:
            return []
        return [q.record for q in outbox.waiting() if q.session_exercise_id == session_exercise_id]

    def show_waiting(self) -> None:
        """A set just went to the outbox: show it at once (the server cannot be asked)."""
        if self.view is not None:
            self.show_view(self.view)

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

    def _settled(self, changes: Changes) -> None:
        self.scope.hub.publish(changes, self.scope.handler)

    def _checked(
        self, write: Callable[[SetRecord], Changes], shown: SetRecord, **words: str
    ) -> Changes:
        """Write over the values shown; a set changed elsewhere asks first (the History
        editor's question). Used by undo and redo too, so Ctrl+Z overwrites nothing unseen."""
        edit_conflict.write_checked(self, write, shown, self.say, self._settled, **words)
        return NOTHING  # what changed is published once settled

    def edit_set(self, set_id: int, record: SetRecord) -> None:
        view, scope = self.view, self.scope
        if view is None or view.exercise is None:
            return
        shown = next(s.record for s in view.exercise.sets if s.id == set_id)

        def save(over: SetRecord) -> Changes:
            changes = set_edits.update_set(scope.store, set_id, over, record)

            def redo(now: SetRecord) -> Changes:
                return set_edits.update_set(scope.store, set_id, now, record)

            def undo(now: SetRecord) -> Changes:  # back to what it held before this edit
                return set_edits.update_set(scope.store, set_id, now, over)

            scope.undo_stack.push(
                ServiceCommand(
                    "edit set",
                    lambda: self._checked(redo, over),
                    lambda: self._checked(undo, record),
                    scope.hub,
                )
            )
            return changes

        self._checked(save, shown)

    def delete_selected_set(self) -> None:
        view, scope = self.view, self.scope
        rows = self.set_table.selectionModel().selectedRows()
        if view is None or view.exercise is None or not rows:
            return
        if self.set_model.waiting(rows[0].row()):
            self.say(WAITING_KEPT)
            return
        logged = self.set_model.logged(rows[0].row())

        def delete(over: SetRecord) -> Changes:
            deleted = set_edits.delete_set(scope.store, logged.id, over)
            exercise_id, stored = deleted.session_exercise_id, deleted.logged

            def redo(now: SetRecord) -> Changes:
                return set_edits.delete_set(scope.store, logged.id, now).changes

            scope.undo_stack.push(
                ServiceCommand(
                    "delete set",
                    lambda: self._checked(redo, stored.record, refused="Not deleted"),
                    lambda: workout.restore_set(scope.store, exercise_id, stored),
                    scope.hub,
                )
            )
            return deleted.changes

        self._checked(
            delete,
            logged.record,
            done="Set deleted: Ctrl+Z brings it back.",
            refused="Not deleted",
        )
