"""A read-only table of pre-formatted text rows: the numbers beside each chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from evenside.gui.models.base import Index, RowsModel


class TextRowsModel(RowsModel[tuple[str, ...]]):
    def __init__(self, headers: Sequence[str], text_columns: Sequence[int] = (0,)) -> None:
        super().__init__()
        self.headers = tuple(headers)
        self.text_columns = set(text_columns)  # left-aligned; the rest are numbers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in self.text_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
