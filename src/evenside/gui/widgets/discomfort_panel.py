"""The discomfort log on the Progress page, beside the asymmetry: the latest entries per
side ("R shoulder 4/10 on 18 Nov") and a short form to add one. A refused entry shows why
under the form and stores nothing."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.discomfort import MAX_LEVEL, MAX_NOTE, MAX_SITE, Discomfort
from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.changes import ChangeHub
from evenside.gui.style import ERROR_STYLE, side_badge_html
from evenside.services import habits
from evenside.services.store import Store

EMPTY = "Nothing logged. Note an ache or pain on one side here, to see it beside the gap."


def entry_html(entry: Discomfort) -> str:
    """One entry: the side's coloured letter, the site, the level and the day, the note below."""
    day = f"{entry.noted_on.day} {entry.noted_on:%b}"
    text = f"{side_badge_html(entry.side)} {escape(entry.site)} <b>{entry.level}/10</b> on {day}"
    if entry.note:
        text += f"<br><small>{escape(entry.note)}</small>"
    return text


class DiscomfortPanel(QGroupBox):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__("Discomfort by side", parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.recent = QLabel()
        self.recent.setWordWrap(True)
        self.recent.setAccessibleName("Recent discomfort")
        self.side = QComboBox()
        for side in (Side.LEFT, Side.RIGHT, Side.BOTH):
            self.side.addItem(f"{side.letter} · {side.label}", side.value)
        self.site = QLineEdit()
        self.site.setMaxLength(MAX_SITE + 20)  # longer text is refused with a reason
        self.site.setPlaceholderText("shoulder, knee, lower back…")
        self.level = QSpinBox()
        self.level.setRange(0, MAX_LEVEL)
        self.level.setSuffix(" / 10")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE + 20)
        self.note.setPlaceholderText("optional")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.log_button = QPushButton("Log &discomfort")
        form = QFormLayout()
        form.addRow("Side", self.side)
        form.addRow("Where", self.site)
        form.addRow("Level", self.level)
        form.addRow("Day", self.day)
        form.addRow("Note", self.note)
        box = QVBoxLayout(self)
        box.addWidget(self.recent)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.log_button)
        box.addStretch(1)
        self.log_button.clicked.connect(self.log)
        self.site.returnPressed.connect(self.log)
        self.note.returnPressed.connect(self.log)
        self.reset_day()

    def reset_day(self) -> None:
        today = self.store.now().date()
        self.day.setDate(QDate(today.year, today.month, today.day))

    def refresh(self) -> None:
        entries = habits.recent_discomfort(self.store, self.profile.id)
        self.recent.setText("<br>".join(entry_html(e) for e in entries) if entries else EMPTY)

    def log(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        try:
            logged = habits.log_discomfort(
                self.store,
                self.profile.id,
                str(self.side.currentData()),
                self.site.text(),
                self.level.value(),
                note=self.note.text(),
                noted_on=day,
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        self.site.clear()
        self.note.clear()
        self.level.setValue(0)
        self.reset_day()
        self.refresh()
        self.hub.publish(logged.changes, self)
