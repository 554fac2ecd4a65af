"""Past sessions for the History page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evenside.domain.sides import Side
from evenside.domain.training import SessionListing
from evenside.domain.units import Unit, format_volume
from evenside.gui.models.base import Index, RowsModel
from evenside.gui.style import side_colour

HEADERS = ("Date", "Name", "Duration", "Exercises", "L volume", "R volume", "Both", "Sets")


class SessionListModel(RowsModel[SessionListing]):
    headers = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self.unit = Unit.KG

    def set_sessions(self, rows: list[SessionListing], unit: Unit) -> None:
        self.unit = unit
        self.replace_rows(rows)

    def listing(self, row: int) -> SessionListing:
        return self.row_at(row)

    def _text(self, s: SessionListing, column: int) -> str:
        if column == 0:
            return s.started_at.strftime("%a %d %b %Y %H:%M")
        if column == 1:
            return s.name or "Session"
        if column == 2:
            if s.ended_at is None:
                return "in progress"
            return f"{int((s.ended_at - s.started_at).total_seconds() // 60)} min"
        if column == 3:
            return ", ".join(s.exercise_names)
        volumes = {4: s.volume_left, 5: s.volume_right, 6: s.volume_both}
        if column in volumes:
            return format_volume(volumes[column], self.unit) if volumes[column] else "–"
        return str(s.sets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        listing = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(listing, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(listing.exercise_names)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (4, 5):
            return side_colour(Side.LEFT if index.column() == 4 else Side.RIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
