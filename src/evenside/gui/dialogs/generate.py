"""Ask what the balanced routine generator needs: days, session length, equipment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.generator import GeneratorChoice
from evenside.domain.routines import EQUIPMENT


class GenerateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Generate a balanced routine")
        self.name = QLineEdit("Balanced routine")
        self.days = QSpinBox()
        self.days.setRange(2, 6)
        self.days.setValue(4)
        self.days.setSuffix(" days a week")
        self.minutes = QSpinBox()
        self.minutes.setRange(20, 180)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" min a session")
        self.equipment: dict[str, QCheckBox] = {}
        box = QGroupBox("Equipment at hand (bodyweight work is always included)")
        box_layout = QVBoxLayout(box)
        for kind in EQUIPMENT:
            check = QCheckBox(kind.capitalize())
            check.setChecked(True)
            self.equipment[kind] = check
            box_layout.addWidget(check)
        about = QLabel(
            "The routine pairs opposing muscle groups, works each group from more than one "
            "exercise, favours one-sided exercises (and adds your most asymmetric ones), "
            "includes a contralateral exercise, and every exercise has its stretch."
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Days", self.days)
        form.addRow("&Length", self.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def choice(self) -> GeneratorChoice:
        return GeneratorChoice(
            self.days.value(),
            self.minutes.value(),
            frozenset(k for k, check in self.equipment.items() if check.isChecked()),
        )
