"""The discomfort log on the Progress page, beside the asymmetry: the latest entries per
side ("R shoulder 4/10 on 18 Nov") and a button to the entry form. A refused entry shows
why under the form and stores nothing."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
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

EMPTY = "Nothing logged yet. Note an ache or a pain on one side, to see it beside the gap."
SHOWN = 5


def entry_html(entry: Discomfort) -> str:
    """One entry: the side's coloured letter (both sides in words), site, level and day."""
    day = f"{entry.noted_on.day} {entry.noted_on:%b}"
    if entry.side is Side.BOTH:
        where = f"{escape(entry.site)} (both sides)"
    else:
        where = f"{side_badge_html(entry.side)} {escape(entry.site)}"
    return f"{where} <b>{entry.level}/10</b> on {day}"


class DiscomfortPanel(QGroupBox):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__("Discomfort by side", parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.recent = QLabel()
        self.recent.setWordWrap(True)
        self.recent.setAccessibleName("Recent discomfort")
        self.recent.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.log_button = QPushButton("Log &discomfort…")
        box = QVBoxLayout(self)
        box.addWidget(self.recent, 1)
        box.addWidget(self.log_button)
        self.log_button.clicked.connect(self.open_form)

    def refresh(self) -> None:
        entries = habits.recent_discomfort(self.store, self.profile.id)
        self.recent.setText("<br>".join(entry_html(e) for e in entries[:SHOWN]) or EMPTY)
        notes = [f"{e.short}: {e.note}" for e in entries if e.note]
        self.recent.setToolTip("\n".join(notes))

    def open_form(self) -> None:
        dialog = DiscomfortDialog(self.store, self.profile, self.hub, self)
        dialog.finished.connect(dialog.deleteLater)
        self.form = dialog
        dialog.open()


class DiscomfortDialog(QDialog):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.setWindowTitle("Log discomfort")
        self.setMinimumWidth(360)
        self.side = QComboBox()
        for side in (Side.LEFT, Side.RIGHT):
            self.side.addItem(f"{side.letter} · {side.label}", side.value)
        self.side.addItem("Both sides", Side.BOTH.value)
        self.site = QLineEdit()
        self.site.setMaxLength(MAX_SITE + 20)  # longer text is refused with a reason
        self.site.setPlaceholderText("shoulder, knee, lower back…")
        self.level = QSpinBox()
        self.level.setRange(0, MAX_LEVEL)
        self.level.setSuffix(" / 10")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        today = store.now().date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE + 20)
        self.note.setPlaceholderText("optional")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        form = QFormLayout(self)
        form.addRow("&Side", self.side)
        form.addRow("&Where", self.site)
        form.addRow("&Level", self.level)
        form.addRow("&Day", self.day)
        form.addRow("&Note", self.note)
        form.addRow(self.error)
        form.addRow(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.side.setFocus()

    def save(self) -> None:
        picked = self.day.date()
        try:
            logged = habits.log_discomfort(
                self.store,
                self.profile.id,
                str(self.side.currentData()),
                self.site.text(),
                self.level.value(),
                note=self.note.text(),
                noted_on=date(picked.year(), picked.month(), picked.day()),
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
        self.hub.publish(logged.changes, self)
