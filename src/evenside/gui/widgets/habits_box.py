"""Settings' "Everyday habits" group: what the questionnaire is for, and the button to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from evenside.domain.profile import Profile
from evenside.gui.changes import ChangeHub
from evenside.services.store import Store

HINT = (
    "Sleeping side, carrying, phone, crossed legs, standing, one-sided work or sport and past "
    "injuries: the answers make the checklist on the Session page and the printed sheet."
)


class HabitsBox(QGroupBox):
    def __init__(
        self, store: Store, profile: Profile, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__("Everyday habits", parent)
        self.store, self.profile, self.hub = store, profile, hub
        self.button = QPushButton("Everyda&y habits…")
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.button.clicked.connect(self.open_questionnaire)

    def open_questionnaire(self) -> None:
        from evenside.gui.dialogs.habits import HabitsDialog

        dialog = HabitsDialog(self.store, self.profile, self.hub, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
