"""The everyday-habits checklist on the Session start panel: one tick box per habit for
today, the weekly reminder to look it over, and the questionnaire a click away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.habits import REMINDER_TEXT
from evenside.domain.profile import Profile
from evenside.gui.changes import ChangeHub
from evenside.gui.style import NOTICE_STYLE
from evenside.services import habits
from evenside.services.store import Store

NO_ANSWERS = (
    "Sleeping, carrying and sitting on one side can build an imbalance too. Answer a few "
    "questions for a checklist of habits to practise."
)
HALF_ROW = 52  # characters that fit half the panel's width at 1024 pixels
LONGEST_SHOWN = 110  # the rest is in the tick box's tooltip
NOTHING_ONE_SIDED = "Your answers show no one-sided habit: nothing to practise for now."


class HabitsChecklist(QGroupBox):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__("Everyday habits today", parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.boxes: dict[str, QCheckBox] = {}
        self.reminder = QLabel(REMINDER_TEXT)
        self.reminder.setStyleSheet(NOTICE_STYLE)
        self.reminder.setWordWrap(True)
        self.reviewed_button = QPushButton("Looked &over")
        self.reviewed_button.setToolTip("Hide this reminder for a week")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.questionnaire_button = QPushButton("Everyday &habits…")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.reminder, 1)
        reminder_row.addWidget(self.reviewed_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.questionnaire_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.addLayout(reminder_row)
        box.addLayout(self.grid)
        box.addLayout(buttons)
        self.reviewed_button.clicked.connect(self._reviewed)
        self.questionnaire_button.clicked.connect(self.open_questionnaire)

    def refresh(self) -> None:
        """The checklist as stored now, with today's ticks."""
        today = habits.today(self.store, self.profile.id)
        shown = [(key, box.toolTip()) for key, box in self.boxes.items()]
        if shown != [(h.key, h.text) for h in today.items]:
            self._rebuild(today)
        for key, box in self.boxes.items():  # in place: a tick keeps the keyboard focus
            box.blockSignals(True)
            box.setChecked(key in today.ticked)
            box.blockSignals(False)
        if not today.answered:
            self.message.setText(NO_ANSWERS)
        elif not today.items:
            self.message.setText(NOTHING_ONE_SIDED)
        else:
            self.message.setText("<small>Tick what you did today; ticks are optional.</small>")
        self.reminder.setVisible(today.reminder_due)
        self.reviewed_button.setVisible(today.reminder_due)

    def _rebuild(self, today: habits.TodaysHabits) -> None:
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.boxes.clear()
        # Short habits two to a row (the panel fits a small screen's height); a long one, such
        # as a past injury in the user's words, takes a row of its own, shortened if need be.
        row, column = 0, 0
        for habit in today.items:
            shown = habit.text
            if len(shown) > LONGEST_SHOWN:
                shown = shown[: LONGEST_SHOWN - 1].rstrip() + "…"
            box = QCheckBox(shown)
            box.setToolTip(habit.text)
            box.toggled.connect(lambda on, key=habit.key: self._tick(key, on))
            wide = len(shown) > HALF_ROW
            if wide and column:
                row, column = row + 1, 0
            self.grid.addWidget(box, row, column, 1, 2 if wide else 1)
            row, column = (row + 1, 0) if wide or column else (row, 1)
            self.boxes[habit.key] = box

    def _tick(self, key: str, on: bool) -> None:
        self.hub.publish(habits.tick(self.store, self.profile.id, key, on), self)

    def _reviewed(self) -> None:
        self.hub.publish(habits.mark_reviewed(self.store, self.profile.id), self)

    def open_questionnaire(self) -> None:
        from evenside.gui.dialogs.habits import HabitsDialog

        dialog = HabitsDialog(self.store, self.profile, self.hub, self.window())
        dialog.finished.connect(dialog.deleteLater)
        self.questionnaire = dialog
        dialog.open()
