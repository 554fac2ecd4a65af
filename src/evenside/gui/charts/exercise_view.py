"""One exercise's charts, each with a table of the same numbers beside it: per-side
strength with rolling mean and band, asymmetry with threshold bands, weekly volume."""

from __future__ import annotations

from math import ceil

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QSplitter, QStyle, QTableView, QWidget

from evenside.domain.progress import rolling_band
from evenside.domain.sides import Side
from evenside.domain.units import Unit, from_kg
from evenside.gui.charts.kept_items import Entry, SideSeries, show_legend, side_bars, swatch
from evenside.gui.charts.plots import STYLE, HoverLabel, make_plot, timestamp
from evenside.gui.charts.theme import EmptyNote, hollow_brush
from evenside.gui.models.text_rows import TextRowsModel
from evenside.services.progress import ExerciseProgress

SIDES = (Side.LEFT, Side.RIGHT, Side.BOTH)  # made in this order: the left points come first
BAND_COLOURS = ((240, 190, 0, 45), (213, 0, 0, 35))  # notice, warning (as plots draws them)
BAR_WIDTH = 2.6 * 86400
BAR_OFFSETS = {Side.LEFT: -1.4 * 86400, Side.RIGHT: 1.4 * 86400, Side.BOTH: 0.0}


def x_range(progress: ExerciseProgress) -> tuple[float, float]:
    """Every session and every week's bars (a week's L and R side by side), with a bar's
    width to spare at each end: one week of data still shows both its bars whole."""
    days = [timestamp(p.day) for p in progress.points]
    weeks = [timestamp(w.week) for w in progress.weekly]
    first = min(days + [w + 3 * 86400 + BAR_OFFSETS[Side.LEFT] - BAR_WIDTH / 2 for w in weeks])
    last = max(days + [w + 3 * 86400 + BAR_OFFSETS[Side.RIGHT] + BAR_WIDTH / 2 for w in weeks])
    return first - BAR_WIDTH, last + BAR_WIDTH


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def fit_width(table: QTableView, model: TextRowsModel) -> None:
    """Each column as wide as its header or its widest text, and the table wide enough for
    every shown column and the scroll bar: the plot beside it gives way, the table's
    columns are never clipped. The widths come from the texts themselves (each distinct
    one measured once), not from Qt asking the model about every cell."""
    header = table.horizontalHeader()
    metrics = QFontMetricsF(table.font())
    margin = 2 * (
        table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    )
    margin += 1 if table.showGrid() else 0  # what QTableView.sizeHintForColumn adds
    shown = 0
    for column in range(header.count()):
        widest = ceil(max((metrics.horizontalAdvance(t) for t in model.texts(column)), default=0))
        width = max(header.sectionSizeHint(column), widest + margin)
        header.resizeSection(column, width)
        shown += 0 if header.isSectionHidden(column) else width
    table.setMinimumWidth(shown + table.verticalScrollBar().sizeHint().width() + 4)


def _table(model: TextRowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fit_width
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class ExerciseCharts(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.strength_plot = make_plot("", "")
        self.asymmetry_plot = make_plot("", "asymmetry %")
        self.volume_plot = make_plot("", "")
        self.asymmetry_plot.setXLink(self.strength_plot)
        self.volume_plot.setXLink(self.strength_plot)
        self.strength_model = TextRowsModel(("Date", "L", "R", "L mean", "R mean"))
        self.asymmetry_model = TextRowsModel(("Date", "Gap %", "Weaker", "Noise"))
        self.volume_model = TextRowsModel(("Week of", "L", "R", "Both"))
        self.tables: list[QTableView] = []
        self.models = (self.strength_model, self.asymmetry_model, self.volume_model)
        for plot, model in (
            (self.strength_plot, self.strength_model),
            (self.asymmetry_plot, self.asymmetry_model),
            (self.volume_plot, self.volume_model),
        ):
            row = QSplitter(Qt.Orientation.Horizontal)
            row.addWidget(plot)
            table = _table(model)
            self.tables.append(table)
            row.addWidget(table)
            row.setStretchFactor(0, 3)
            row.setStretchFactor(1, 1)
            row.setSizes([620, 250])
            self.addWidget(row)
        self.strength_hover = HoverLabel(self.strength_plot, self._describe_strength)
        self.asymmetry_hover = HoverLabel(self.asymmetry_plot, self._describe_asymmetry)
        self.volume_hover = HoverLabel(self.volume_plot, self._describe_volume)
        self.empty_notes = [
            EmptyNote(p) for p in (self.strength_plot, self.asymmetry_plot, self.volume_plot)
        ]
        self.progress: ExerciseProgress | None = None
        self.unit = Unit.KG
        self._make_items()

    def _make_items(self) -> None:
        """Every series each chart can show, made once; a draw gives them new data."""
        self.series = {side: SideSeries(self.strength_plot, side) for side in SIDES}
        self.regions = [
            pg.LinearRegionItem(
                values=(0, 1),
                orientation="horizontal",
                movable=False,
                brush=pg.mkBrush(*colour),
                pen=pg.mkPen(None),
            )  # fmt: skip
            for colour in BAND_COLOURS
        ]
        self.swatches = [swatch(colour) for colour in BAND_COLOURS]
        for region in self.regions:
            region.setZValue(-10)
            self.asymmetry_plot.addItem(region)
        self.weaker = {
            side: pg.PlotDataItem(
                [],
                [],
                pen=None,
                symbol=str(STYLE[side]["symbol"]),
                symbolSize=8,
                symbolPen=str(STYLE[side]["colour"]),
                name=f"{side.letter} weaker",
            )  # fmt: skip
            for side in (Side.LEFT, Side.RIGHT)
        }
        self.gap_line = pg.PlotDataItem([], [], pen=(120, 120, 120, 120))
        for item in (*self.weaker.values(), self.gap_line):
            self.asymmetry_plot.addItem(item)
        self.bars = {side: side_bars(side) for side in SIDES}
        for bars in self.bars.values():
            bars.setVisible(False)
            self.volume_plot.addItem(bars)
        for plot in (self.strength_plot, self.asymmetry_plot, self.volume_plot):
            show_legend(plot, [])

    # -- drawing --------------------------------------------------------------------------

    def _value(self, value: float | None) -> float | None:
        if value is None or self.progress is None:
            return value
        return from_kg(value, self.unit) if self.progress.metric == "e1RM" else value

    def measure(self) -> str:
        assert self.progress is not None
        if self.progress.metric == "e1RM":
            return f"e1RM ({self.progress.formula.label}, {self.unit.value})"
        return "best reps" if self.progress.metric == "reps" else "longest hold (s)"

    def show_progress(
        self, progress: ExerciseProgress, unit: Unit, empty: str = "No sessions in this range."
    ) -> None:
        """Draw ``progress``; with no session in it, each chart says ``empty`` instead."""
        self.progress, self.unit = progress, unit
        days = [p.day for p in progress.points]
        left = [self._value(p.left) for p in progress.points]
        right = [self._value(p.right) for p in progress.points]
        per_side = progress.exercise.laterality.per_side
        # Titles stay short: a plot is never narrower than its title.
        self.strength_plot.setTitle("Each side, with its 5-session mean", size="10pt")
        # The axis names the unit only: the header above says which formula.
        short = {"e1RM": f"e1RM ({self.unit.value})", "reps": "reps", "hold time": "s"}
        self.strength_plot.setLabel("left", short.get(progress.metric, self.measure()))
        if not per_side:  # one neutral "both sides" series, never the left colour
            left = [self._value(p.both) for p in progress.points]
            right = [None for _ in progress.points]
        sides = (Side.LEFT, Side.RIGHT) if per_side else (Side.BOTH,)
        for side in SIDES:
            if side not in sides:
                self.series[side].hide()
        for side, values in zip(sides, (left, right), strict=False):
            band = rolling_band(values)
            self.series[side].show(days, values, band.mean, band.spread)
        show_legend(
            self.strength_plot, [(self.series[s].points, self.series[s].label) for s in sides]
        )
        lb, rb = rolling_band(left), rolling_band(right)
        self.strength_model.replace_rows(
            [
                (d.isoformat(), _fmt(a), _fmt(b), _fmt(c), _fmt(e))
                for d, a, b, c, e in zip(days, left, right, lb.mean, rb.mean, strict=True)
            ]
        )
        self.strength_hover.set_xs([timestamp(d) for d in days])
        self._draw_asymmetry(progress)
        self._draw_volume(progress)
        for note in self.empty_notes:
            note.hide()
        if days:
            self.strength_plot.setXRange(*x_range(progress), padding=0)
        else:
            for note in self.empty_notes:
                note.show(empty)

    def _draw_asymmetry(self, progress: ExerciseProgress) -> None:
        plot = self.asymmetry_plot
        plot.setTitle("Gap between the sides (%)", size="10pt")
        points = progress.asymmetry
        top = max([p.percent for p in points] + [progress.warning_percent + 5])
        notice, warning = progress.notice_percent, progress.warning_percent
        bands = ((notice, warning), (warning, max(top * 1.1, warning + 5)))
        for region, values in zip(self.regions, bands, strict=True):
            region.setRegion(values)
        entries: list[Entry] = [
            (self.swatches[0], f"notice ≥ {notice:g} %"),
            (self.swatches[1], f"warning ≥ {warning:g} %"),
        ]
        for side, item in self.weaker.items():
            mine = [p for p in points if p.weaker is side]
            colour = str(STYLE[side]["colour"])
            item.setData(
                [timestamp(p.day) for p in mine],
                [p.percent for p in mine],
                symbolBrush=[hollow_brush() if p.within_noise else colour for p in mine],
            )
            item.setVisible(bool(mine))
            if mine:
                entries.append((item, f"{side.letter} weaker"))
        self.gap_line.setData([timestamp(p.day) for p in points], [p.percent for p in points])
        self.gap_line.setVisible(bool(points))
        show_legend(plot, entries)
        plot.setYRange(0, top * 1.1, padding=0)
        self.asymmetry_model.replace_rows(
            [
                (
                    p.day.isoformat(),
                    _fmt(p.percent),
                    "–" if p.weaker is None else p.weaker.letter,
                    {True: "within", False: "beyond", None: "?"}[p.within_noise],
                )
                for p in points
            ]
        )
        self.asymmetry_hover.set_xs([timestamp(p.day) for p in points])

    def _draw_volume(self, progress: ExerciseProgress) -> None:
        unit = progress.volume_unit
        label = f"{self.unit.value} × reps" if unit == "kg" else unit
        self.volume_plot.setTitle("Weekly volume, no warm-ups", size="10pt")
        self.volume_plot.setLabel("left", label)
        weeks = progress.weekly

        def shown(value: float) -> float:
            return from_kg(value, self.unit) if unit == "kg" else value

        amounts = {
            Side.LEFT: [shown(w.left) for w in weeks],
            Side.RIGHT: [shown(w.right) for w in weeks],
            Side.BOTH: [shown(w.both) for w in weeks],
        }
        entries: list[Entry] = []
        for side, bars in self.bars.items():
            drawn = any(amounts[side])
            bars.setVisible(drawn)
            if drawn:
                centre = 3 * 86400 + BAR_OFFSETS[side]  # from the week's first day
                bars.setOpts(
                    x=[timestamp(w.week) + centre for w in weeks],
                    height=amounts[side],
                    width=BAR_WIDTH * (1.6 if side is Side.BOTH else 1.0),
                )
                entries.append((bars, bars.name()))
        show_legend(self.volume_plot, entries)
        self.tables[2].setColumnHidden(3, progress.exercise.laterality.per_side)
        self.tables[0].setColumnHidden(2, not progress.exercise.laterality.per_side)
        self.tables[0].setColumnHidden(4, not progress.exercise.laterality.per_side)
        self.volume_model.replace_rows(
            [
                (
                    w.week.isoformat(),
                    _fmt(shown(w.left), 0),
                    _fmt(shown(w.right), 0),
                    _fmt(shown(w.both), 0),
                )
                for w in weeks
            ]
        )
        self.volume_hover.set_xs([timestamp(w.week) + 3 * 86400 for w in weeks])
        for table, model in zip(self.tables, self.models, strict=True):
            fit_width(table, model)

    # -- hover text -----------------------------------------------------------------------

    def _describe_strength(self, index: int) -> str:
        row = self.strength_model.row_at(index)
        return f"{row[0]}\nL {row[1]}   R {row[2]}"

    def _describe_asymmetry(self, index: int) -> str:
        row = self.asymmetry_model.row_at(index)
        return f"{row[0]}\n{row[1]} %, {row[2]} weaker ({row[3]} noise)"

    def _describe_volume(self, index: int) -> str:
        row = self.volume_model.row_at(index)
        return f"week of {row[0]}\nL {row[1]}   R {row[2]}   both {row[3]}"
