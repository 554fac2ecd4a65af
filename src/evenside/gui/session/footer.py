"""Below the set table: notes for this exercise, its rest time, and "done with it"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

from evenside.domain.errors import EvensideError
from evenside.gui.session.view import ExerciseView, Scope
from evenside.services import library, workout


class ExerciseFooter(QWidget):
    done = Signal()  # the user is done with the exercise: offer its stretch
    message = Signal(str)

    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.view: ExerciseView | None = None
        self.exercise_notes = QLineEdit()
        self.exercise_notes.setPlaceholderText("Notes for this exercise")
        self.rest_spin = QSpinBox()
        self.rest_spin.setRange(0, 600)
        self.rest_spin.setSingleStep(15)
        self.rest_spin.setSuffix(" s rest")
        self.rest_spin.setSpecialValueText("default rest")
        self.rest_spin.setToolTip(
            "Rest between sets for this exercise (0: your default in Settings)"
        )
        self.done_button = QPushButton("Done with exercise: stretch (Ctrl+D)")
        self.done_button.setAutoDefault(False)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.exercise_notes, 1)
        box.addWidget(self.rest_spin)
        box.addWidget(self.done_button)
        self.exercise_notes.editingFinished.connect(self._save_notes)
        self.rest_spin.editingFinished.connect(self._save_rest)
        self.done_button.clicked.connect(self.done)

    def show_view(self, view: ExerciseView) -> None:
        previous = self.view.exercise.id if self.view and self.view.exercise else None
        self.view = view
        has = view.exercise is not None and view.lib is not None
        self.done_button.setEnabled(has)
        self.exercise_notes.setEnabled(has)
        if view.exercise is None or view.lib is None:
            return
        if previous != view.exercise.id or not self.exercise_notes.hasFocus():
            self.exercise_notes.setText(view.exercise.notes)
        if previous != view.exercise.id or not self.rest_spin.hasFocus():
            self.rest_spin.setValue(view.lib.rest_seconds or 0)

    def _save_notes(self) -> None:
        exercise = self.view.exercise if self.view else None
        if exercise is None or self.exercise_notes.text() == exercise.notes:
            return
        try:
            changes = workout.set_exercise_notes(
                self.scope.store, exercise.id, self.exercise_notes.text()
            )
        except EvensideError as exc:  # kept in the box, to retry
            self.message.emit(f"Notes not saved: {exc}")
            return
        self.scope.hub.publish(changes, self.scope.handler)

    def _save_rest(self) -> None:
        lib = self.view.lib if self.view else None
        seconds = self.rest_spin.value() or None
        if lib is None or lib.rest_seconds == seconds:
            return
        try:
            changes = library.set_rest(self.scope.store, lib.id, seconds)
        except EvensideError as exc:
            self.message.emit(f"Rest not saved: {exc}")
            return
        self.scope.hub.publish(changes, self.scope.handler)
