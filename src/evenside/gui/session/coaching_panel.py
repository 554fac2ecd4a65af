"""Above the entry: the exercise's name, what its weight means, the routine's target, and
the notice when the strong side has got ahead in this session."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evenside.domain.library import LoadBasis
from evenside.domain.units import Unit
from evenside.gui.session.view import ExerciseView
from evenside.gui.style import NOTICE_STYLE

LOAD_HINTS = {
    LoadBasis.PER_HAND: "weight of one dumbbell or kettlebell",
    LoadBasis.PER_SIDE: "load on the working side",
    LoadBasis.TOTAL: "bar and plates together",
    LoadBasis.BODYWEIGHT_PLUS: "added load; 0 for bodyweight",
    LoadBasis.TIME: "the load carried or held, if any; the time is what counts",
}


class CoachingPanel(QWidget):
    def __init__(self, unit_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_label = unit_label
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.empty_hint = QLabel("<p>Add an exercise on the left to start logging.</p>")
        self.notice = QLabel()
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.header)
        box.addWidget(self.empty_hint)
        box.addWidget(self.notice)

    def show_view(self, view: ExerciseView) -> None:
        lib = view.lib
        self.empty_hint.setVisible(lib is None)
        if lib is None:
            self.header.setText("<h2>No exercise yet</h2>")
            self.notice.hide()
            return
        target_text = ""
        if view.target is not None:
            rest = lib.rest_seconds or view.settings.rest_between_sets_seconds
            target_text = f" · <b>Target: {escape(view.target.target_text(rest))}</b>"
        self.header.setText(
            f"<h2>{escape(lib.name)}</h2><small>{lib.laterality.value.capitalize()} · weight "
            f"means {escape(LOAD_HINTS[lib.load_basis])} ({self.unit_label})"
            f"{target_text}</small>"
        )
        notice = view.coaching.notice(Unit(self.unit_label)) if view.coaching is not None else ""
        self.notice.setText(f"Strong side ahead: {notice}. Match the weak side." if notice else "")
        self.notice.setVisible(bool(notice))
