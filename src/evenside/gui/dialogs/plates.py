"""Plate calculator: the plates to load on each side of the bar for a target weight."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from evenside.domain.entry import SetInput, parse_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.plates import plates_per_side
from evenside.domain.profile import Settings
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit, format_weight, from_kg
from evenside.gui.style import ERROR_STYLE


def describe_load(target_kg: float, settings: Settings, unit: Unit) -> str:
    bar = from_kg(settings.bar_weight_kg, unit)
    plates = [from_kg(p, unit) for p in settings.plates_kg]
    load = plates_per_side(from_kg(target_kg, unit), bar, plates)
    if load.per_side:
        each = " + ".join(f"{p:g}" for p in load.per_side)
        text = f"Each side: {each} {unit.value}  (bar {bar:g} {unit.value})"
    else:
        text = f"The empty bar: {bar:g} {unit.value}"
    if load.short_by > 1e-6:
        text += f"\nClosest load: {load.total:g} {unit.value}, {load.short_by:g} {unit.value} short"
    return text


class PlateCalculator(QDialog):
    def __init__(self, settings: Settings, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plate calculator")
        self.settings = settings
        self.unit = unit
        self.target = QLineEdit()
        self.target.setPlaceholderText(f"target in {unit.value}")
        self.answer = QLabel("Type a target weight.")
        self.answer.setWordWrap(True)
        font = self.answer.font()
        font.setPointSize(round(font.pointSize() * 1.3))
        self.answer.setFont(font)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        plates = ", ".join(f"{from_kg(p, unit):g}" for p in settings.plates_kg)
        form = QFormLayout()
        form.addRow("&Target", self.target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addWidget(self.error)
        layout.addWidget(
            QLabel(
                f"Bar {format_weight(settings.bar_weight_kg, unit)}; plates {plates} (Settings)."
            )
        )
        self.target.textChanged.connect(self.update_result)
        self.resize(420, 200)

    def update_result(self, text: str) -> None:
        self.error.clear()
        if not text.strip():
            self.answer.setText("Type a target weight.")
            return
        try:
            record = parse_set(
                SetInput(weight=text, reps="1"),
                side=Side.BOTH,
                kind=SetKind.WORKING,
                unit=self.unit,
                load_basis=LoadBasis.TOTAL,
            )
            self.answer.setText(describe_load(record.weight_kg or 0.0, self.settings, self.unit))
        except InvalidInput as exc:
            self.answer.setText("")
            self.error.setText(str(exc))
