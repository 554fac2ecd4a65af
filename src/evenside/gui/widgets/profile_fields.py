"""The three things a profile starts with: a name, the dominant side and the unit.

Shared by the welcome page and the New profile dialog, so both ask the same questions
with the same keys (Alt+R / Alt+L for the side, Alt+K / Alt+B for the unit)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from evenside.domain.sides import Side
from evenside.domain.units import Unit


def _choice(group: QButtonGroup, *buttons: QRadioButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box


class ProfileFields(QWidget):
    def __init__(self, unit: Unit = Unit.KG, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Your name, or a client's")
        self.name.setAccessibleName("Profile name")
        self.dominant_right = QRadioButton("&Right")
        self.dominant_left = QRadioButton("&Left")
        self.dominant_right.setChecked(True)
        self.kg = QRadioButton("&kg")
        self.lb = QRadioButton("l&b")
        (self.lb if unit is Unit.LB else self.kg).setChecked(True)
        self._dominant_group = QButtonGroup(self)
        self._unit_group = QButtonGroup(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Name", self.name)
        form.addRow(
            "Dominant side", _choice(self._dominant_group, self.dominant_right, self.dominant_left)
        )
        form.addRow("Units", _choice(self._unit_group, self.kg, self.lb))

    def dominant(self) -> Side:
        return Side.LEFT if self.dominant_left.isChecked() else Side.RIGHT

    def unit(self) -> Unit:
        return Unit.LB if self.lb.isChecked() else Unit.KG
