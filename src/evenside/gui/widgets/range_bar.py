"""The "Show: 4 weeks · 3 months · 1 year · All" buttons over a page's charts. A page
opens on a bounded range (``progress.DEFAULT_RANGE``), so it loads what it shows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from evenside.services import progress


class RangeBar(QWidget):
    """The range buttons, one checked; ``chosen`` sends the chosen range's name. Widgets
    added with ``add_widget`` go at its right end."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = progress.DEFAULT_RANGE
        self.buttons = QButtonGroup(self)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(QLabel("Show:"))
        for name in progress.RANGES:
            button = QPushButton(name)
            button.setCheckable(True)
            button.setChecked(name == self.name)
            self.buttons.addButton(button)
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.buttons.buttonClicked.connect(lambda button: self.choose(button.text()))

    def add_widget(self, widget: QWidget) -> None:
        self.row.addWidget(widget)

    def choose(self, name: str) -> None:
        self.name = name
        for button in self.buttons.buttons():
            button.setChecked(button.text() == name)
        self.chosen.emit(name)

    def since(self, now: datetime) -> datetime | None:
        return progress.since_for(self.name, now.date())

    def span(self) -> str:
        """The range in words: "all history", or "last 1 year"."""
        return "all history" if self.name == "All" else f"last {self.name}"
