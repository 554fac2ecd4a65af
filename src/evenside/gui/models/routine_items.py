"""A routine day's exercises, edited in place and reordered by drag and drop."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal

from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise
from evenside.domain.routines import RoutineItem, validate_targets
from evenside.gui.models.base import Index, RowsModel

MIME = "application/x-evenside-routine-item"
HEADERS = ("Exercise", "Sets", "Reps from", "Reps to", "Rest (s)", "+ weak sets", "Notes")
EDITABLE = {1, 2, 3, 4, 5, 6}


class RoutineItemsModel(RowsModel[RoutineItem]):
    headers = HEADERS
    edit_requested = Signal(object)  # the changed RoutineItem
    edit_refused = Signal(str)
    move_requested = Signal(int, int)  # item id, new position

    def __init__(self) -> None:
        super().__init__()
        self.exercises: dict[int, Exercise] = {}

    def set_items(self, items: tuple[RoutineItem, ...], exercises: dict[int, Exercise]) -> None:
        self.exercises = exercises
        self.replace_rows(items)

    def _value(self, item: RoutineItem, column: int) -> str:
        exercise = self.exercises.get(item.exercise_id)
        values = {
            0: exercise.name if exercise else "?",
            1: str(item.target_sets),
            2: str(item.rep_low),
            3: str(item.rep_high),
            4: "default" if item.rest_seconds is None else str(item.rest_seconds),
            5: str(item.extra_weak_side_sets) if exercise and exercise.laterality.per_side else "–",
            6: item.notes,
        }
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self._value(item, index.column())
            return "" if role == Qt.ItemDataRole.EditRole and text in ("default", "–") else text
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 5:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (
            role != Qt.ItemDataRole.EditRole
            or not self.valid(index)
            or index.column() not in EDITABLE
        ):
            return False
        item = self._rows[index.row()]
        text = str(value).strip()
        try:
            changed = self._changed(item, index.column(), text)
            validate_targets(
                changed.target_sets,
                changed.rep_low,
                changed.rep_high,
                changed.rest_seconds,
                changed.extra_weak_side_sets,
            )
        except InvalidInput as exc:
            self.edit_refused.emit(str(exc))
            return False
        if changed != item:
            self.edit_requested.emit(changed)
        return True

    def _changed(self, item: RoutineItem, column: int, text: str) -> RoutineItem:
        if column == 6:
            return replace(item, notes=text[:500])
        if column == 4 and text == "":
            return replace(item, rest_seconds=None)
        if column == 5 and text == "":
            return replace(item, extra_weak_side_sets=0)
        try:
            number = int(text)
        except ValueError:
            raise InvalidInput(f"{HEADERS[column]} must be a whole number.", "targets") from None
        if column == 1:
            return replace(item, target_sets=number)
        if column == 2:
            return replace(item, rep_low=number)
        if column == 3:
            return replace(item, rep_high=number)
        if column == 4:
            return replace(item, rest_seconds=number)
        return replace(item, extra_weak_side_sets=number)

    # -- drag and drop --------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        current = next((i for i, item in enumerate(self._rows) if item.id == item_id), None)
        if current is None:
            return False
        if target > current:
            target -= 1  # the row leaves its old place first
        if target != current:
            self.move_requested.emit(item_id, target)
        return False  # the page reloads from the database; the view must not remove the row
