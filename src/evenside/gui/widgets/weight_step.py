"""Settings -> "Weights shown to": the step converted weights are shown to in the profile's
unit (0.25 kg or 0.5 lb by default). Weights typed in the profile's unit always read back
as typed; stored weights stay exact kilograms whatever is chosen here."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QWidget

from evenside.domain.profile import Settings
from evenside.domain.units import STEP_CHOICES, Unit


class WeightStepChoice(QComboBox):
    def __init__(self, settings: Settings, units: QComboBox, parent: QWidget | None = None) -> None:
        """Follows ``units`` (the Units box, its data "kg" or "lb")."""
        super().__init__(parent)
        self.steps = {"kg": settings.weight_step_kg, "lb": settings.weight_step_lb}
        self.unit = Unit(units.currentData())
        units.currentIndexChanged.connect(lambda: self.show_unit(units.currentData()))
        self.setAccessibleName("Weights shown to")
        self.setToolTip(
            "Weights converted from the other unit (imports, bars, plates) are rounded to "
            "this step; weights you type always read back as typed."
        )
        self._fill()
        self.currentIndexChanged.connect(self._chosen)

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        for step in STEP_CHOICES[self.unit.value]:
            self.addItem(f"{step:g} {self.unit.value}", step)
        self.setCurrentIndex(max(0, self.findData(self.steps[self.unit.value])))
        self.blockSignals(False)

    def _chosen(self) -> None:
        if self.currentData() is not None:
            self.steps[self.unit.value] = float(self.currentData())

    def show_unit(self, unit: str) -> None:
        """The units box changed: offer that unit's steps."""
        self.unit = Unit(unit)
        self._fill()

    def chosen(self, settings: Settings) -> Settings:
        return replace(settings, weight_step_kg=self.steps["kg"], weight_step_lb=self.steps["lb"])
