"""New profile (Settings): name, dominant side and unit, all by keyboard; Enter creates it.
A second, skippable step asks the everyday-habits questionnaire.

A trainer adding a left-handed client in pounds sets both here, so the client's first
session already starts on the right side and shows the right unit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.units import Unit
from evenside.gui.style import ERROR_STYLE
from evenside.gui.widgets.habits_form import HabitsForm
from evenside.gui.widgets.profile_fields import ProfileFields
from evenside.services import habits, profiles
from evenside.services.store import Store


class NewProfileDialog(QDialog):
    created = Signal(object)  # Profile, once the dialog closes (after the questionnaire)

    def __init__(self, store: Store, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.profile: Profile | None = None
        self.setWindowTitle("New profile")
        self.fields = ProfileFields(unit)
        self.habits = HabitsForm()
        self.steps = QStackedWidget()
        self.steps.addWidget(self.fields)
        self.steps.addWidget(self.habits)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("&Create profile")
        self.create_button.setDefault(True)
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAutoDefault(False)
        self.skip_button.hide()
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)
        self.skip_button.clicked.connect(self.accept)
        self.fields.name.setFocus()

    def _next(self) -> None:
        if self.profile is None:
            self.create_profile()
        else:
            self.save_answers()

    def create_profile(self) -> None:
        try:
            self.profile = profiles.create_profile(
                self.store, self.fields.name.text(), self.fields.dominant(), self.fields.unit()
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.fields.name.setFocus()
            return
        # The profile exists now; the questionnaire is the optional second step.
        self.error.hide()
        self.setWindowTitle(f"Everyday habits – {self.profile.name}")
        self.steps.setCurrentWidget(self.habits)
        self.create_button.setText("Save &answers")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.skip_button.show()
        self.create_button.setDefault(True)  # Enter saves the answers from any field
        self.habits.sleeping.setFocus()

    def save_answers(self) -> None:
        assert self.profile is not None
        try:
            habits.save_answers(self.store, self.profile.id, self.habits.answers())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()

    def done(self, result: int) -> None:
        """Closing the questionnaire step in any way skips it; the profile is kept."""
        super().done(result)
        if self.profile is not None:
            self.created.emit(self.profile)
