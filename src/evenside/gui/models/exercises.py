"""The exercise list shown on the Library page and in the exercise picker."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from evenside.domain.library import Exercise

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Exercise", "Sides", "Load", "Muscles")


class ExerciseTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Exercise] = []

    def set_exercises(self, exercises: list[Exercise]) -> None:
        self.beginResetModel()
        self._rows = list(exercises)
        self.endResetModel()

    def exercise(self, row: int) -> Exercise:
        return self._rows[row]

    def row_of(self, exercise_id: int) -> int | None:
        for row, exercise in enumerate(self._rows):
            if exercise.id == exercise_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
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

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None
