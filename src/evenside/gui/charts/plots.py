"""The Progress and Measurements plots: sides in their colours, told apart in greyscale too
(left: solid line, filled circles; right: dashed line, open squares; right bars hatched)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from math import ceil

import pyqtgraph as pg
import shiboken6
from pyqtgraph.graphicsItems.DateAxisItem import (  # type: ignore[import-untyped]
    DAY_SPACING,
    MONTH_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeSStepper,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QWidget

from evenside.domain.sides import Side
from evenside.gui.charts.theme import (
    ThemeFollower,
    chart_background,
    chart_foreground,
    hollow_brush,
    legend_below,
)
from evenside.gui.style import LEFT_COLOUR, RIGHT_COLOUR

pg.setConfigOptions(antialias=True, background="w", foreground="k", exitCleanup=False)


def timestamp(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


def day_of(x: float) -> date:
    return datetime.fromtimestamp(x).date()


STYLE = {
    Side.LEFT: {
        "colour": LEFT_COLOUR,
        "line": Qt.PenStyle.SolidLine,
        "symbol": "o",
        "filled": True,
        "label": "L (left)",
    },
    Side.RIGHT: {
        "colour": RIGHT_COLOUR,
        "line": Qt.PenStyle.DashLine,
        "symbol": "s",
        "filled": False,
        "label": "R (right)",
    },
    # A bilateral lift is neither side: one neutral grey series.
    Side.BOTH: {
        "colour": "#666666",
        "line": Qt.PenStyle.SolidLine,
        "symbol": "d",
        "filled": True,
        "label": "Both sides",
    },
}


def side_pen(side: Side, width: float = 2.0) -> QPen:
    pen = QPen(QColor(str(STYLE[side]["colour"])))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setStyle(Qt.PenStyle(STYLE[side]["line"]))
    return pen


class HoverLabel:
    """Shows the exact values and the date of the point nearest the mouse."""

    def __init__(self, plot: pg.PlotWidget, describe: Callable[[int], str]) -> None:
        self.plot = plot
        self.describe = describe
        self.xs: list[float] = []
        fill = chart_background()
        fill.setAlpha(230)
        self.text = pg.TextItem("", anchor=(0, 1), color=chart_foreground(), fill=pg.mkBrush(fill))
        self.text.setZValue(100)
        plot.addItem(self.text, ignoreBounds=True)
        self.text.hide()
        self.proxy = pg.SignalProxy(plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved)

    def set_xs(self, xs: Sequence[float]) -> None:
        """The new series' x values. Called after each redraw, which clears the plot and
        takes the label out of the scene with everything else: put it back, hidden."""
        self.xs = list(xs)
        if self.text.scene() is None:
            self.plot.addItem(self.text, ignoreBounds=True)
        self.text.hide()

    def show_at(self, x: float) -> str:
        """Put the label at the point nearest ``x`` and return its text."""
        if not self.xs:
            return ""
        nearest = min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - x))
        text = self.describe(nearest)
        self.text.setText(text)
        view = self.plot.getViewBox().viewRange()
        # Along the bottom edge: the legend sits along the top, and is drawn over the data.
        self.text.setPos(self.xs[nearest], view[1][0] + (view[1][1] - view[1][0]) * 0.02)
        self.text.setAnchor((0 if self.xs[nearest] < sum(view[0]) / 2 else 1, 1))
        self.text.show()
        return str(text)

    def _moved(self, event: tuple[QPointF]) -> None:
        position = event[0]
        # The proxy delivers up to 1/30 s late: the page may have closed the plot meanwhile.
        if not (shiboken6.isValid(self.plot) and shiboken6.isValid(self.plot.plotItem)):
            return
        if self.plot.sceneBoundingRect().contains(position):
            point = self.plot.getViewBox().mapSceneToView(position)
            self.show_at(point.x())


# Days apart: each day's tick names its month too ("05 Oct"), not "05 06 07" with the month
# shown only where one begins (a week of data in a 1-year range would never name it).
_DAYS_WITH_MONTH = ZoomLevel(
    [
        TickSpec(MONTH_SPACING, makeMStepper(1), "%b"),
        TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%d %b", autoSkip=[1, 5]),
    ],
    "00 MMM",
)


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Dates along the bottom, the month named on short ranges too."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self.zoomLevels[5 * 86400] = _DAYS_WITH_MONTH


def make_plot(title: str, y_label: str, parent: QWidget | None = None) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent=parent, axisItems={"bottom": DateAxis()})
    # A fixed room for the dates: left to itself the axis sizes to the labels it last drew,
    # and a resized plot could cut them under the legend.
    plot.getAxis("bottom").setHeight(ceil(QFontMetricsF(plot.font()).height()) + 8)
    plot.setTitle(title, size="10pt")
    plot.setLabel("left", y_label)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)
    plot.getViewBox().setMouseEnabled(x=True, y=False)  # zoom and pan along time
    # One compact row below the plot: never over the data, never clipped by it.
    legend_below(plot)
    ThemeFollower(plot)
    plot.setMinimumHeight(170)  # the legend below keeps its row (the page scrolls)
    return plot


def add_side_series(
    plot: pg.PlotWidget,
    side: Side,
    *,
    days: Sequence[date],
    values: Sequence[float | None],
    mean: Sequence[float | None],
    spread: Sequence[float | None],
) -> None:
    style = STYLE[side]
    colour = QColor(str(style["colour"]))
    xs = [timestamp(d) for d, v in zip(days, values, strict=True) if v is not None]
    ys = [v for v in values if v is not None]
    brush = pg.mkBrush(colour) if style["filled"] else pg.mkBrush(hollow_brush())
    plot.plot(
        xs,
        ys,
        pen=side_pen(side, 1.2),
        symbol=style["symbol"],
        symbolSize=6,
        symbolPen=pg.mkPen(colour, width=1.5),
        symbolBrush=brush,
        name=str(style["label"]),
    )
    band = [
        (timestamp(d), m, s)
        for d, m, s in zip(days, mean, spread, strict=True)
        if m is not None and s is not None
    ]
    if len(band) >= 2:
        bx = [b[0] for b in band]
        upper = plot.plot(bx, [b[1] + b[2] for b in band], pen=pg.mkPen(None))
        lower = plot.plot(bx, [b[1] - b[2] for b in band], pen=pg.mkPen(None))
        fill = QColor(colour)
        fill.setAlpha(40)
        plot.addItem(pg.FillBetweenItem(upper, lower, brush=pg.mkBrush(fill)))
        plot.plot(
            bx,
            [b[1] for b in band],
            pen=side_pen(side, 3.0),
        )


def add_threshold_bands(plot: pg.PlotWidget, notice: float, warning: float, top: float) -> None:
    for low, high, colour, label in (
        (notice, warning, (240, 190, 0, 45), f"notice ≥ {notice:g} %"),
        (warning, max(top, warning + 5), (213, 0, 0, 35), f"warning ≥ {warning:g} %"),
    ):
        region = pg.LinearRegionItem(
            values=(low, high),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(*colour),
            pen=pg.mkPen(None),
        )
        region.setZValue(-10)
        plot.addItem(region)
        # Named in the legend (a swatch of the band's colour), never over the points.
        legend = plot.plotItem.legend
        if legend is not None:
            swatch = pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(*colour[:3], 110))
            legend.addItem(swatch, label)


def add_side_bars(
    plot: pg.PlotWidget, days: Sequence[date], values: dict[Side, Sequence[float]]
) -> None:
    """Weekly bars: L filled, R hatched, both sides grey; side by side within the week."""
    width = 2.6 * 86400
    offsets = {Side.LEFT: -1.4 * 86400, Side.RIGHT: 1.4 * 86400, Side.BOTH: 0.0}
    for side, amounts in values.items():
        if not any(amounts):
            continue
        xs = [timestamp(d) + 3 * 86400 + offsets[side] for d in days]  # centre of the week
        if side is Side.BOTH:
            brush, pen, name = pg.mkBrush("#888888"), pg.mkPen("#555555"), "Both sides"
        else:
            colour = QColor(str(STYLE[side]["colour"]))
            pattern = (
                Qt.BrushStyle.SolidPattern if side is Side.LEFT else Qt.BrushStyle.BDiagPattern
            )
            brush, pen, name = (
                QBrush(colour, pattern),
                pg.mkPen(colour, width=1.2),
                str(STYLE[side]["label"]),
            )
        bars = pg.BarGraphItem(
            x=xs,
            height=list(amounts),
            width=width if side is not Side.BOTH else width * 1.6,
            brush=brush,
            pen=pen,
            name=name,
        )
        plot.addItem(bars)
