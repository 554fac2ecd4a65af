"""New profile (Settings): name, dominant side and unit, all by keyboard; Enter creates it.

A trainer adding a left-handed client in pounds sets both here, so the client's first
session already starts on the right side and shows the right unit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from evenside.domain.errors import InvalidInput
from evenside.domain.units import Unit
from evenside.gui.style import ERROR_STYLE
from evenside.gui.widgets.profile_fields import ProfileFields
from evenside.services import profiles
from evenside.services.store import Store


class NewProfileDialog(QDialog):
    created = Signal(object)  # Profile

    def __init__(self, store: Store, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("New profile")
        self.fields = ProfileFields(unit)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        create = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        create.setText("&Create profile")
        create.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.create_profile)
        self.buttons.rejected.connect(self.reject)
        self.fields.name.setFocus()

    def create_profile(self) -> None:
        try:
            profile = profiles.create_profile(
                self.store, self.fields.name.text(), self.fields.dominant(), self.fields.unit()
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.fields.name.setFocus()
            return
        self.accept()
        self.created.emit(profile)
