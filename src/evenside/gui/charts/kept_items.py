"""Chart items made once and given new data on each draw: changing exercise on Progress
moves points, it does not tear down and rebuild every curve, band and legend entry."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor

from evenside.domain.sides import Side
from evenside.gui.charts.plots import STYLE, side_pen, timestamp
from evenside.gui.charts.theme import hollow_brush

Entry = tuple[object, str]  # a legend sample's item and its label


class SideSeries:
    """One side's points, with its rolling mean and the band of one SD around it, on the
    per-side chart (what ``plots.add_side_series`` draws)."""

    def __init__(self, plot: pg.PlotWidget, side: Side) -> None:
        style = STYLE[side]
        self.side, self.colour = side, QColor(str(style["colour"]))
        self.label = str(style["label"])
        self.points = pg.PlotDataItem(
            [], [], pen=side_pen(side, 1.2), symbol=style["symbol"], symbolSize=6,
            symbolPen=pg.mkPen(self.colour, width=1.5), name=self.label,
        )  # fmt: skip
        self.upper = pg.PlotDataItem([], [], pen=pg.mkPen(None))
        self.lower = pg.PlotDataItem([], [], pen=pg.mkPen(None))
        fill = QColor(self.colour)
        fill.setAlpha(40)
        self.band = pg.FillBetweenItem(self.upper, self.lower, brush=pg.mkBrush(fill))
        self.mean = pg.PlotDataItem([], [], pen=side_pen(side, 3.0))
        for item in self.items():
            plot.addItem(item)

    def items(self) -> tuple[object, ...]:
        return (self.points, self.upper, self.lower, self.band, self.mean)

    def show(
        self,
        days: Sequence[date],
        values: Sequence[float | None],
        mean: Sequence[float | None],
        spread: Sequence[float | None],
    ) -> None:
        xs = [timestamp(d) for d, v in zip(days, values, strict=True) if v is not None]
        ys = [v for v in values if v is not None]
        filled = bool(STYLE[self.side]["filled"])
        self.points.setSymbolBrush(pg.mkBrush(self.colour if filled else hollow_brush()))
        self.points.setData(xs, ys)
        band = [
            (timestamp(d), m, s)
            for d, m, s in zip(days, mean, spread, strict=True)
            if m is not None and s is not None
        ]
        if len(band) < 2:
            band = []
        bx = [b[0] for b in band]
        self.upper.setData(bx, [b[1] + b[2] for b in band])
        self.lower.setData(bx, [b[1] - b[2] for b in band])
        self.mean.setData(bx, [b[1] for b in band])
        for item in self.items():
            item.setVisible(True)  # type: ignore[attr-defined]
        self.band.setVisible(bool(band))

    def hide(self) -> None:
        for item in (self.points, self.upper, self.lower, self.mean):
            item.setData([], [])
        for item in self.items():
            item.setVisible(False)  # type: ignore[attr-defined]


def show_legend(plot: pg.PlotWidget, entries: list[Entry]) -> None:
    """The plot's legend names ``entries``, in order; rebuilt only when they change."""
    legend = plot.plotItem.legend
    if legend is None or getattr(legend, "shown_entries", None) == entries:
        return
    legend.clear()
    for item, label in entries:
        legend.addItem(item, label)
    legend.shown_entries = list(entries)


def swatch(colour: tuple[int, int, int, int]) -> pg.BarGraphItem:
    """A legend sample in a band's colour (a little stronger than the band itself)."""
    return pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(*colour[:3], 110))


def side_bars(side: Side) -> pg.BarGraphItem:
    """A side's weekly bars (what ``plots.add_side_bars`` draws), with no data yet."""
    if side is Side.BOTH:
        brush, pen, name = pg.mkBrush("#888888"), pg.mkPen("#555555"), "Both sides"
    else:
        colour = QColor(str(STYLE[side]["colour"]))
        pattern = pg.QtCore.Qt.BrushStyle.SolidPattern
        if side is Side.RIGHT:
            pattern = pg.QtCore.Qt.BrushStyle.BDiagPattern
        brush, pen, name = (
            QBrush(colour, pattern),
            pg.mkPen(colour, width=1.2),
            str(STYLE[side]["label"]),
        )
    return pg.BarGraphItem(x=[0.0], height=[0.0], width=1.0, brush=brush, pen=pen, name=name)
