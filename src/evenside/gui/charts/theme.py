"""Charts in the application's palette: a dark desktop gets dark charts (background, axes,
text, legend), a light one light charts, and a palette change repaints them at once."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

LEGEND_HEIGHT = 26  # one row of legend entries, kept below the plot, never over the data
LEGEND_ROW = 20  # each further row when a narrow plot wraps its legend
LEGEND_LEFT = 40  # the legend starts past the y axis


def chart_background() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Base)


def chart_foreground() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Text)


def is_dark() -> bool:
    return chart_background().lightness() < 128


def hollow_brush() -> QColor:
    """The inside of a hollow marker: the chart's background."""
    return chart_background()


def apply_theme(plot: pg.PlotWidget) -> None:
    """Background, axes, tick text, axis labels, title, grid and legend in the palette."""
    background, foreground = chart_background(), chart_foreground()
    plot.setBackground(background)
    item = plot.plotItem
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(foreground))
        axis.setTextPen(pg.mkPen(foreground))
    title = item.titleLabel
    title.opts["color"] = foreground.name()
    title.setText(title.text, **{"size": title.opts.get("size", "10pt")})
    legend = item.legend
    if legend is not None:
        fill = QColor(background)
        fill.setAlpha(0)
        legend.setBrush(pg.mkBrush(fill))
        legend.setPen(pg.mkPen(None))
        legend.setLabelTextColor(foreground)
        for _, label in legend.items:  # pyqtgraph keeps the colour; the text shows it
            label.setText(label.text)


class ThemeFollower(QObject):
    """Re-applies the theme to a plot whenever the application's palette changes."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.plot = plot
        plot.installEventFilter(self)
        apply_theme(plot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            apply_theme(self.plot)
        elif event.type() == QEvent.Type.Resize:
            legend = self.plot.plotItem.legend
            if isinstance(legend, BelowLegend):
                legend.fit()
        return False


class BelowLegend(pg.LegendItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A legend in a strip below the x axis: it names the series without covering any
    point, and wraps onto more rows (the strip grows) when the plot is too narrow."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(colCount=4, verSpacing=-8, horSpacing=6, labelTextSize="8pt")
        self.plot = plot
        self.base_margin = plot.plotItem.layout.getContentsMargins()[3]

    def addItem(self, item: object, name: str) -> None:  # noqa: N802
        super().addItem(item, name)
        self.fit()

    def clear(self) -> None:
        super().clear()
        self.fit()

    def fit(self) -> None:
        room = max(60.0, self.plot.width() - LEGEND_LEFT - 8)
        widths = [sample.width() + label.width() + 12 for sample, label in self.items]
        columns = max(1, len(widths))
        while columns > 1 and _widest_row(widths, columns) > room:
            columns -= 1
        if columns != self.columnCount:
            self.setColumnCount(columns)
        rows = max(1, -(-len(widths) // columns))
        layout = self.plot.plotItem.layout
        left, top, right, _ = layout.getContentsMargins()
        bottom = self.base_margin + LEGEND_HEIGHT + LEGEND_ROW * (rows - 1)
        layout.setContentsMargins(left, top, right, bottom)


def _widest_row(widths: list[float], columns: int) -> float:
    return max(sum(widths[i : i + columns]) for i in range(0, len(widths), columns))


def legend_below(plot: pg.PlotWidget) -> BelowLegend:
    """Give ``plot`` its legend in a strip below the x axis."""
    item = plot.plotItem
    legend = BelowLegend(plot)
    legend.setParentItem(item)
    legend.anchor(itemPos=(0, 1), parentPos=(0, 1), offset=(LEGEND_LEFT, -2))
    item.legend = legend
    legend.fit()
    return legend


class EmptyNote:
    """What an empty chart says: a sentence in its middle instead of blank axes, and no
    axis numbers (an empty date axis would count "00.100 00.200 ..." from 1970)."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.text = pg.TextItem("", anchor=(0.5, 0.5))
        self.text.setZValue(100)
        self.message = ""

    def show(self, message: str) -> None:
        self.message = message
        if self.text.scene() is None:  # a redraw clears the plot, the note with it
            self.plot.addItem(self.text, ignoreBounds=True)
        self.text.setColor(chart_foreground())
        self.text.setText(message)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setStyle(showValues=False)
        self.plot.setXRange(0, 1, padding=0)
        self.plot.setYRange(0, 1, padding=0)
        self.text.setPos(0.5, 0.5)
        self.text.show()

    def hide(self) -> None:
        self.message = ""
        self.text.hide()
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setStyle(showValues=True)
