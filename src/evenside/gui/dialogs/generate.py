"""Ask what the balanced routine generator needs: days, session length, equipment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from evenside.domain.generator import EQUIPMENT_PRESETS, GeneratorChoice
from evenside.domain.routines import EQUIPMENT

PRESETS = {
    "Full gym": EQUIPMENT_PRESETS["full"],
    "Dumbbells and a bench": EQUIPMENT_PRESETS["dumbbells"],
    "Bodyweight only": EQUIPMENT_PRESETS["bodyweight"],
}


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
        self.preset = QComboBox()
        for label in PRESETS:
            self.preset.addItem(label)
        self.preset.currentTextChanged.connect(self._use_preset)
        about = QLabel(
            "Each day fits the session length: sets × (work + rest), both sides counted for "
            "one-sided work (4 s a rep, holds and carries by their seconds), plus set-up and "
            "the stretch after each exercise. Weekly sets per muscle group aim for 10–20 for "
            "large groups and at least 6 for calves and side delts (Schoenfeld et al. 2017; "
            "Israetel's volume landmarks). Every exercise you are asymmetric on beyond noise "
            "goes in with extra weak-side sets, when the equipment and the time allow. It "
            "adds contralateral and anti-rotation work, keeps lower-body work off upper-body "
            "days, and lists whatever it could not meet, and why."
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Days", self.days)
        form.addRow("&Length", self.minutes)
        form.addRow("&Equipment", self.preset)
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

    def _use_preset(self, label: str) -> None:
        kinds = PRESETS.get(label)
        if kinds is None:
            return
        for kind, check in self.equipment.items():
            check.setChecked(kind in kinds)

    def choice(self) -> GeneratorChoice:
        return GeneratorChoice(
            self.days.value(),
            self.minutes.value(),
            frozenset(k for k, check in self.equipment.items() if check.isChecked()),
        )
