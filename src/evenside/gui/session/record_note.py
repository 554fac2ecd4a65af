"""The line that says a set just logged beat its side's personal record ("New record: L
22 kg x 8 (was 20 kg x 8)"). It stays while that set does: an undo of the set takes it
away (a redo brings it back), and so does logging the next set. Under the next exercise of
its superset's round it stays and names the exercise it belongs to; moving to an exercise
outside the round takes it away."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from evenside.domain.records import NewRecord
from evenside.domain.supersets import members
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
        self.words = ""
        self.of: tuple[int, str] = (0, "")  # the session exercise's id and name
        self.hide()

    def announce(
        self, set_id: int, record: NewRecord | None, unit: Unit, of: tuple[int, str] = (0, "")
    ) -> None:
        self.set_id = set_id if record is not None else None
        self.words = "" if record is None else record.describe(unit)
        self.of = of
        self.setText(self.words)
        self.setVisible(record is not None)

    def show_view(self, view: ExerciseView) -> None:
        """Gone once its set is (an undo) or once the page leaves its superset's round; names
        its exercise under the next one of the round."""
        exercises = view.session.exercises
        sets = (s.id for e in exercises for s in e.sets)
        shown = view.exercise.id if view.exercise is not None else None
        own_id, name = self.of
        round_ids = {e.id for e in members(exercises, own_id)} | {own_id}
        if self.set_id is None or self.set_id not in sets or shown not in round_ids:
            self.announce(0, None, Unit.KG)
            return
        if shown == own_id:
            self.setText(self.words)
        else:  # "New record on One-arm dumbbell row: R 34 kg x 10 (was ...)"
            self.setText(self.words.replace("New record:", f"New record on {name}:", 1))
