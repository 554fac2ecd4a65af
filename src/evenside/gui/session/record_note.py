"""The line that says a set just logged beat its side's personal record ("New record: L
22 kg x 8 (was 20 kg x 8)"). It stays while that set does: an undo of the set takes it
away, and so does logging the next set."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from evenside.domain.records import NewRecord
from evenside.domain.units import Unit
from evenside.gui.session.view import ExerciseView

RECORD_STYLE = (
    "QLabel { font-weight: bold; color: #1B6E3A; background: #E3F4E8;"
    " border: 1px solid #1B6E3A; border-radius: 4px; padding: 4px 8px; }"
)


class RecordNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(RECORD_STYLE)
        self.setWordWrap(True)
        self.setAccessibleName("Personal record")
        self.set_id: int | None = None
        self.hide()

    def announce(self, set_id: int, record: NewRecord | None, unit: Unit) -> None:
        self.set_id = set_id if record is not None else None
        self.setText("" if record is None else record.describe(unit))
        self.setVisible(record is not None)

    def show_view(self, view: ExerciseView) -> None:
        """Gone once its set is (an undo) or another exercise is shown."""
        exercise = view.exercise
        present = exercise is not None and any(s.id == self.set_id for s in exercise.sets)
        if not present:
            self.announce(0, None, Unit.KG)
