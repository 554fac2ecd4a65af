"""A read-only table of pre-formatted text rows: the numbers beside each chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from evenside.gui.models.base import Index, RowsModel

# Qt asks for eight roles per cell when it sizes a column or paints a row; only two have
# an answer here, so the others return at once (plain ints: the roles arrive as ints).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TextRowsModel(RowsModel[tuple[str, ...]]):
    def __init__(self, headers: Sequence[str], text_columns: Sequence[int] = (0,)) -> None:
        super().__init__()
        self.headers = tuple(headers)
        self.text_columns = set(text_columns)  # left-aligned; the rest are numbers

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role == _DISPLAY:
            return self._rows[index.row()][index.column()] if self.valid(index) else None
        if role == _ALIGNMENT and index.column() not in self.text_columns and self.valid(index):
            return _RIGHT
        return None

    def texts(self, column: int) -> set[str]:
        """The distinct texts of ``column``."""
        return {row[column] for row in self._rows}
