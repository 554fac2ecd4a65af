"""The one-time nudge for effort: when a side's set is logged with no RPE or RIR, and that
side has none yet in the exercise, a line under the entry asks for RPE on the side's last set,
because matched sets with no effort cannot say which side is weaker. Shown at most once per
exercise in a session; it goes away once the side has an effort, or the exercise changes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from evenside.domain.sides import Side
from evenside.domain.training import SessionExercise, SetKind, SetRecord
from evenside.gui.style import side_badge_html

ASK = "Add RPE to this side's last set so Evenside can compare sides."


def has_effort(record: SetRecord) -> bool:
    return record.rpe is not None or record.rir is not None or record.kind is SetKind.FAILURE


class EffortHint(QWidget):
    add_effort = Signal(int)  # the id of the side's last set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.add_button = QPushButton("Add RPE")
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip("Edit the RPE of this side's last set in the table")
        self.add_button.setFlat(True)  # a link beside the line, not another big button
        self.add_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.add_button.setCursor(Qt.CursorShape.PointingHandCursor)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text, 1)
        box.addWidget(self.add_button)
        self.side: Side | None = None
        self.exercise: SessionExercise | None = None
        self._asked: set[int] = set()  # exercises (this session's) already asked about
        self.add_button.clicked.connect(self._add)
        self.hide()

    def after_log(self, exercise_id: int, record: SetRecord, per_side: bool) -> None:
        """Ask once when a counted one-sided set went in without effort."""
        if not per_side or not record.kind.counts or has_effort(record):
            return
        if exercise_id in self._asked:
            return
        self._asked.add(exercise_id)
        self.side = record.side
        self.text.setText(f"{side_badge_html(record.side)} {ASK}")
        self.show()

    def show_exercise(self, exercise: SessionExercise | None) -> None:
        """Keep the hint while it is still true for the exercise on screen."""
        moved_on = exercise is None or self.exercise is not None and exercise.id != self.exercise.id
        self.exercise = exercise
        if moved_on:
            self.hide()
            return
        assert exercise is not None
        if self.side is not None and self._last_set(exercise) is None:
            self.hide()  # the side has an effort now, or its sets are gone

    def _last_set(self, exercise: SessionExercise) -> int | None:
        sides = [s for s in exercise.sets if s.side is self.side and s.record.kind.counts]
        if not sides or any(has_effort(s.record) for s in sides):
            return None
        return sides[-1].id

    def _add(self) -> None:
        last = None if self.exercise is None else self._last_set(self.exercise)
        if last is not None:
            self.add_effort.emit(last)
