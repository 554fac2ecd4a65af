"""What the Session page shows between sessions: start one, or start a routine's day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from evenside.domain.assessment import retest_reminder
from evenside.domain.profile import Profile
from evenside.gui.changes import ChangeHub
from evenside.gui.session.habits_checklist import HabitsChecklist
from evenside.gui.style import NOTICE_STYLE
from evenside.services import assessments, routines
from evenside.services.store import Store


class StartPanel(QWidget):
    start_requested = Signal()
    day_requested = Signal(int)  # routine day id

    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.habits = HabitsChecklist(store, profile, hub or ChangeHub(self))
        self.habits.setMaximumWidth(900)
        self.start_button = QPushButton("&Start a session")
        self.start_button.setMinimumHeight(40)
        text = QLabel(
            "<h2>Ready when you are</h2><p>Start a session, add exercises by typing their "
            "name, and log each side. One-sided exercises start with your weaker side.</p>"
        )
        text.setWordWrap(True)
        text.setFixedWidth(560)  # wrapped text needs a width to take its full height
        text.setMinimumHeight(text.heightForWidth(560))
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.routine_day = QComboBox()
        self.routine_day.setMinimumWidth(280)
        self.routine_start = QPushButton("Start from &routine day")
        routine_row = QHBoxLayout()
        routine_row.addStretch(1)
        routine_row.addWidget(self.routine_day)
        routine_row.addWidget(self.routine_start)
        routine_row.addStretch(1)
        self.retest_note = QLabel()  # one line when a re-test is due
        self.retest_note.setStyleSheet(NOTICE_STYLE)
        self.retest_note.setWordWrap(True)
        self.retest_note.setFixedWidth(560)
        self.retest_note.hide()
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.retest_note, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addLayout(routine_row)
        box.addSpacing(12)
        box.addWidget(self.habits, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.start_button.clicked.connect(self.start_requested)
        self.routine_start.clicked.connect(self._start_day)

    def fill_days(self) -> None:
        """The routine days to start from, as stored now, a due re-test's reminder, and the
        everyday-habits checklist with today's ticks."""
        due = assessments.due(self.store, self.profile.id)
        self.retest_note.setText(retest_reminder(due, self.store.now().date()))
        # A wrapped label needs its full height set, or a tall window squeezes it.
        self.retest_note.setMinimumHeight(max(0, self.retest_note.heightForWidth(560)))
        self.retest_note.setVisible(bool(due))
        self.routine_day.clear()
        for routine_id, name in routines.list_routines(self.store, self.profile.id):
            for day in routines.get_routine(self.store, routine_id).days:
                self.routine_day.addItem(f"{name}: {day.name}", day.id)
        self.habits.refresh()
        has_days = self.routine_day.count() > 0
        self.routine_day.setVisible(has_days)
        self.routine_start.setVisible(has_days)

    def _start_day(self) -> None:
        day_id = self.routine_day.currentData()
        if day_id is not None:
            self.day_requested.emit(int(day_id))
