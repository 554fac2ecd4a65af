"""The Settings page's "Weak-side plan" group: extra weak-side sets from the notice and the
warning threshold, the RPE at which the load goes up, and the sessions within noise that
end the plan."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from evenside.domain.profile import Settings


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin


class PlanSettings(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Weak-side plan", parent)
        self.sets_at_notice = _spin(0, 5, settings.plan_sets_at_notice, "")
        self.sets_at_warning = _spin(0, 5, settings.plan_sets_at_warning, "")
        self.target_rpe = QDoubleSpinBox()
        self.target_rpe.setRange(6, 10)
        self.target_rpe.setDecimals(1)
        self.target_rpe.setSingleStep(0.5)
        self.target_rpe.setValue(settings.plan_target_rpe)
        self.catch_up = _spin(2, 12, settings.catch_up_sessions, " sessions")
        form = QFormLayout(self)
        form.addRow("E&xtra sets from the notice threshold", self.sets_at_notice)
        form.addRow("Extra sets from the warning threshold", self.sets_at_warning)
        form.addRow("Add load when the top reps are at RP&E", self.target_rpe)
        form.addRow("C&aught up after, within noise", self.catch_up)
        hint = QLabel(
            "Only a side weaker beyond day-to-day variation gets a plan: extra sets, and "
            "today's load and reps by double progression."
        )
        hint.setWordWrap(True)
        form.addRow(hint)

    def chosen(self, settings: Settings) -> Settings:
        return replace(
            settings,
            plan_sets_at_notice=self.sets_at_notice.value(),
            plan_sets_at_warning=self.sets_at_warning.value(),
            plan_target_rpe=self.target_rpe.value(),
            catch_up_sessions=self.catch_up.value(),
        )
