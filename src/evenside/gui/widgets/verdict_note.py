"""The plain verdict sentence a screen leads with, and under it a "How this is worked out"
note the user opens when they want the formula and the test (closed by default: the jargon
stays out of the way)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

HOW_TITLE = "How this is worked out"


class VerdictNote(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.sentence.setFont(font)
        self.toggle = QToolButton()
        self.toggle.setText(HOW_TITLE)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.how.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Opened, the note scrolls within a few lines: the charts below keep their room.
        self.how_area = QScrollArea()
        self.how_area.setWidget(self.how)
        self.how_area.setWidgetResizable(True)
        self.how_area.setFrameShape(QFrame.Shape.NoFrame)
        self.how_area.setMaximumHeight(96)
        self.how_area.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.sentence)
        box.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.how_area)
        self.toggle.toggled.connect(self._open)

    def _open(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.how_area.setVisible(shown)

    def show_verdict(self, sentence_html: str, how: str) -> None:
        """Lead with ``sentence_html`` (rich text, already escaped); ``how`` is plain text.
        Nothing to say hides the whole note."""
        self.sentence.setText(sentence_html)
        self.how.setText(how.removeprefix(f"{HOW_TITLE}: "))
        self.setVisible(bool(sentence_html))
