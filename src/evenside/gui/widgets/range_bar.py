"""The "Show: 4 weeks · 3 months · 1 year · All" buttons over a page's charts. A page
opens on a bounded range (``progress.DEFAULT_RANGE``), so it loads what it shows."""

from __future__ import annotations

from datetime import date, datetime

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
            self.buttons.addButton(button)
            self.row.addWidget(button)
        self.row.addStretch(1)
        self._mark()
        self.buttons.buttonClicked.connect(lambda button: self.choose(button.text()))

    def add_widget(self, widget: QWidget) -> None:
        self.row.addWidget(widget)

    def choose(self, name: str) -> None:
        self.name = name
        self._mark()
        self.chosen.emit(name)

    def _mark(self) -> None:
        """Check the chosen button, and set it in bold: in a dark palette a checked button's
        shade is hard to tell from the others'."""
        for button in self.buttons.buttons():
            chosen = button.text() == self.name
            button.setChecked(chosen)
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)

    def widen_to(self, day: date, now: datetime) -> None:
        """Choose the shortest range that shows ``day`` (none when it already shows)."""
        since = self.since(now)
        if since is None or day >= since.date():
            return
        for name in progress.RANGES:
            found = progress.since_for(name, now.date())
            if found is None or day >= found.date():
                self.choose(name)
                return

    def since(self, now: datetime) -> datetime | None:
        return progress.since_for(self.name, now.date())

    def span(self) -> str:
        """The range in words: "all history", "last year", "last 3 months"."""
        if self.name == "All":
            return "all history"
        return "last year" if self.name == "1 year" else f"last {self.name}"
