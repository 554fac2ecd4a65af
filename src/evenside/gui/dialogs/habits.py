"""The everyday-habits questionnaire on its own (Settings, and the Session start panel):
the stored answers filled in, Save stores them and counts as this week's review."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.gui.changes import ChangeHub
from evenside.gui.style import ERROR_STYLE
from evenside.gui.widgets.habits_form import HabitsForm
from evenside.services import habits
from evenside.services.store import Store


class HabitsDialog(QDialog):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.setWindowTitle(f"Everyday habits – {profile.name}")
        self.form = HabitsForm()
        self.form.show_answers(habits.answers(store, profile.id))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save &answers")
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.sleeping.setFocus()

    def save(self) -> None:
        try:
            changes = habits.save_answers(self.store, self.profile.id, self.form.answers())
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
        self.hub.publish(changes, self)
