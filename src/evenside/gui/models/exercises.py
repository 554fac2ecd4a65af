"""The exercise list shown on the Library page and in the exercise picker."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evenside.domain.library import Exercise
from evenside.gui.models.base import Index, RowsModel

HEADERS = ("Exercise", "Sides", "Load", "Muscles")


class ExerciseTableModel(RowsModel[Exercise]):
    headers = HEADERS

    def set_exercises(self, exercises: list[Exercise]) -> None:
        self.replace_rows(exercises)

    def exercise(self, row: int) -> Exercise:
        return self.row_at(row)

    def row_of(self, exercise_id: int) -> int | None:
        for row, exercise in enumerate(self._rows):
            if exercise.id == exercise_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        exercise = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return exercise.name + ("  (custom)" if exercise.custom else "")
            if column == 1:
                return exercise.laterality.value.capitalize()
            if column == 2:
                return exercise.load_basis.value
            if column == 3:
                return ", ".join(m.value for m in exercise.primary)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{exercise.name}: {', '.join(m.value for m in exercise.muscles)}"
        if role == Qt.ItemDataRole.UserRole:
            return exercise.id
        return None
