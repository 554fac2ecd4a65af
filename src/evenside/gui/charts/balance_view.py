"""Opposing-muscle balance: each pair's average weekly working sets and ratio against its
target range, and the weekly ratio of the chosen pair over time."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from evenside.domain.muscles import OPPOSING_PAIRS, PairBalance
from evenside.gui.charts.plots import make_plot, timestamp
from evenside.gui.charts.theme import EmptyNote, chart_foreground
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.text_rows import TextRowsModel
from evenside.services.progress import WeekBalance


def verdict(first: float, second: float, low: float, high: float, label: str) -> str:
    if first == 0 and second == 0:
        return "not trained"
    if second == 0:
        return f"no {label.split(' : ')[1]} work"
    ratio = first / second
    if ratio < low:
        return "second side heavy" if ":" not in label else f"{label.split(' : ')[1]}-heavy"
    if ratio > high:
        return f"{label.split(' : ', maxsplit=1)[0].lower()}-heavy"
    return "in range"


class BalanceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextRowsModel(("Pair", "Sets/week", "Ratio", "Target", "Verdict"), (0, 4))
        self.table = row_table(self.model)
        stretch_column(self.table, 0)
        note = QLabel(
            "Weekly working sets per muscle group: a left/right pair of sets counts as one set "
            "and a secondary muscle counts half. Targets: pull at least as much as push "
            "(1:1 to 1:2), quads up to 1/0.6 of hamstrings (Coombs & Garbutt 2002), internal "
            "rotators up to 1.5 x external (Ivey 1985), even work elsewhere."
        )
        note.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.splitter)
        self.weeks: tuple[WeekBalance, ...] = ()
        # The chart is made and drawn when the tab is first shown (or the chart is asked
        # for), not while the page opens on another tab: the table's figures come first.
        self._plot: pg.PlotWidget | None = None
        self._empty: EmptyNote | None = None
        self._drawn = False
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._plot_selected())

    @property
    def plot(self) -> pg.PlotWidget:
        self._chart()
        assert self._plot is not None
        return self._plot

    @property
    def empty(self) -> EmptyNote:
        self._chart()
        assert self._empty is not None
        return self._empty

    def _chart(self) -> None:
        """Make the chart if it is not made yet, and draw it if it is out of date."""
        if self._plot is None:
            self._plot = make_plot("Weekly ratio", "ratio (first / second)")
            self._empty = EmptyNote(self._plot)
            self.splitter.addWidget(self._plot)
            self.splitter.setSizes([280, 320])  # all eight pairs visible
        if not self._drawn:
            self._drawn = True
            self._draw_selected()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self._chart()
        super().showEvent(event)

    def averages(self) -> list[tuple[PairBalance, float, float]]:
        """Per pair: a balance summed over the range, and the mean weekly sets of each side."""
        count = max(1, len(self.weeks))
        result = []
        pairs = [b.pair for b in self.weeks[0].pairs] if self.weeks else list(OPPOSING_PAIRS)
        for index, pair in enumerate(pairs):
            first = sum(w.pairs[index].first_sets for w in self.weeks) / count
            second = sum(w.pairs[index].second_sets for w in self.weeks) / count
            result.append((PairBalance(pair, first, second), first, second))
        return result

    def show_weeks(self, weeks: tuple[WeekBalance, ...]) -> None:
        self.weeks = weeks
        rows = []
        for balance, first, second in self.averages():
            pair = balance.pair
            ratio = "–" if balance.ratio is None else f"{balance.ratio:.2f}"
            rows.append(
                (
                    pair.label,
                    f"{first:.1f} : {second:.1f}",
                    ratio,
                    f"{pair.low:g}–{pair.high:g}",
                    verdict(first, second, pair.low, pair.high, pair.label),
                )
            )
        self.model.replace_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._plot_selected()

    def _plot_selected(self) -> None:
        self._drawn = False
        if self._plot is not None and self.isVisible():
            self._chart()

    def _draw_selected(self) -> None:
        self.plot.clear()
        selected = self.table.selectionModel().selectedRows()
        if not selected or not self.weeks:
            self.plot.setTitle("Weekly ratio", size="10pt")
            self.empty.show("No training in this range.\nChoose a longer range above.")
            return
        self.empty.hide()
        index = selected[0].row()
        pair = self.weeks[0].pairs[index].pair  # the profile's targets
        self.plot.setTitle(f"{pair.label}: weekly ratio against the target range", size="10pt")
        band = pg.LinearRegionItem(
            values=(pair.low, pair.high),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(27, 127, 75, 40),
            pen=pg.mkPen(None),
        )
        self.plot.addItem(band)
        points = [(timestamp(w.week), w.pairs[index].ratio) for w in self.weeks]
        xs = [x for x, r in points if r is not None]
        ys = [r for _, r in points if r is not None]
        self.plot.plot(
            xs,
            ys,
            pen=pg.mkPen(chart_foreground(), width=1.5),
            symbol="o",
            symbolSize=5,
            symbolBrush=chart_foreground(),
            name="weekly ratio",
        )
