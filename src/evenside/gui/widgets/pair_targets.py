"""The Settings group for the opposing-muscle targets: a low and a high ratio per pair."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel

from evenside.domain.profile import Settings


class PairTargets(QGroupBox):
    """One row per opposing pair; only the pairs changed from the default are stored."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("Opposing-muscle targets (first ÷ second, weekly sets)")
        self.spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        grid = QFormLayout(self)
        for pair in settings.opposing_pairs():
            low, high = QDoubleSpinBox(), QDoubleSpinBox()
            for spin, value in ((low, pair.low), (high, pair.high)):
                spin.setRange(0.05, 10)
                spin.setDecimals(2)
                spin.setSingleStep(0.05)
                spin.setValue(value)
            row = QHBoxLayout()
            row.addWidget(low)
            row.addWidget(QLabel("to"))
            row.addWidget(high)
            grid.addRow(pair.label, row)
            self.spins[pair.key] = (low, high)

    def chosen(self) -> tuple[tuple[str, float, float], ...]:
        """The pairs whose range differs from the default, as (key, low, high)."""
        defaults = {p.key: (p.low, p.high) for p in Settings().opposing_pairs()}
        chosen = []
        for key, (low, high) in self.spins.items():
            values = (round(low.value(), 2), round(high.value(), 2))
            if values != defaults[key]:
                chosen.append((key, *values))
        return tuple(chosen)
