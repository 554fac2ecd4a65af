"""One test's results per side over time: the baseline and each re-test, L and R."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from evenside.domain.assessment import AssessmentSeries
from evenside.domain.sides import Side
from evenside.gui.charts.plots import HoverLabel, add_side_series, make_plot, timestamp


class AssessmentChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot("Choose a test to see its results", "")
        self.hover = HoverLabel(self.plot, self._describe)
        self.rows: list[str] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)

    def show_series(self, series: AssessmentSeries | None) -> None:
        self.plot.clear()
        if self.plot.plotItem.legend is not None:
            self.plot.plotItem.legend.clear()
        if series is None:
            self.plot.setTitle("No assessment yet", size="10pt")
            self.rows = []
            self.hover.set_xs([])
            return
        unit = series.kind.unit
        self.plot.setTitle(f"{series.name}: {series.kind.value}, per side", size="10pt")
        self.plot.setLabel("left", unit)
        days = [a.day for a in series.results]
        for side, values in (
            (Side.LEFT, [a.left for a in series.results]),
            (Side.RIGHT, [a.right for a in series.results]),
        ):
            none = [None] * len(days)
            add_side_series(self.plot, side, days=days, values=values, mean=none, spread=none)
        self.rows = [
            f"{a.day.isoformat()}\nL {a.left:g} {unit}   R {a.right:g} {unit}"
            for a in series.results
        ]
        xs = [timestamp(d) for d in days]
        self.hover.set_xs(xs)
        week = 7 * 86400  # a lone baseline sits in a readable span of dates, not of hours
        self.plot.setXRange(min(xs) - week, max(xs) + week, padding=0.02)

    def _describe(self, index: int) -> str:
        return self.rows[index]
