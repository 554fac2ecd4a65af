"""A site's left and right circumference over time, and beside it the strength asymmetry
of the muscle group at that site."""

from __future__ import annotations

from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from evenside.domain.sides import Side
from evenside.domain.training import MeasurementRecord
from evenside.gui.charts.plots import STYLE, HoverLabel, add_side_series, make_plot, timestamp
from evenside.gui.charts.theme import EmptyNote
from evenside.services.progress import SITE_MUSCLES, GroupAsymmetry

MATCHED_SITES = [site.lower() for site in SITE_MUSCLES]
MIN_SPAN_DAYS = 30  # a single day drawn alone still gets a readable date axis


def _days_drawn(records: list[MeasurementRecord], strength: list[GroupAsymmetry]) -> list[date]:
    return [r.measured_on for r in records] + [g.day for g in strength]


def _padded(days: list[date]) -> tuple[date, date]:
    """The days drawn, widened around their middle to a month at least."""
    first, last = min(days), max(days)
    short = MIN_SPAN_DAYS - (last - first).days
    if short > 0:
        first -= timedelta(days=short // 2)
        last += timedelta(days=short - short // 2)
    return first, last


class MeasurementCharts(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.size_plot = make_plot("", "cm")
        self.strength_plot = make_plot("", "gap between the sides %")
        self.strength_plot.setXLink(self.size_plot)
        self.addWidget(self.size_plot)
        self.addWidget(self.strength_plot)
        self.hover = HoverLabel(self.size_plot, self._describe)
        self.size_note = EmptyNote(self.size_plot)
        self.strength_note = EmptyNote(self.strength_plot)
        self.rows: list[tuple[str, float | None, float | None]] = []

    def show_site(
        self,
        site: str,
        records: list[MeasurementRecord],
        strength: list[GroupAsymmetry],
        muscles: str,
        *,
        span: str = "",
        empty: str = "No measurement yet.",
        shown: tuple[date, date] | None = None,
    ) -> None:
        """Draw the sizes and the strength gap; a chart with nothing to draw says ``empty``
        (the sizes) or that no one-sided set of the muscles carries evidence. ``shown``: the
        range shown, first and last day (else the days measured, a month at least)."""
        # Linked only when both have points: an empty chart's note sets its own range.
        self.strength_plot.setXLink(self.size_plot if records and strength else None)
        for plot in (self.size_plot, self.strength_plot):
            plot.clear()
            if plot.plotItem.legend is not None:
                plot.plotItem.legend.clear()
        self._draw_sizes(site, records, span)
        self._draw_strength(strength, muscles, span)
        where = f"in the {span}" if span else "yet"
        gaps = (
            f"No {muscles} session with evidence of a gap {where}."
            if muscles
            else f"No muscle group is matched to {site or 'this site'}: strength gaps are\n"
            f"charted beside {', '.join(MATCHED_SITES)}."
        )
        for plot, note, drawn, message in (
            (self.size_plot, self.size_note, bool(records), empty),
            (self.strength_plot, self.strength_note, bool(strength), gaps),
        ):
            if drawn or not message:
                note.hide()
                plot.enableAutoRange()
            else:
                note.show(message)
            if plot.plotItem.legend is not None:  # no key to series that are not there
                plot.plotItem.legend.setVisible(drawn)
        if records or strength:
            first, last = shown or _padded(_days_drawn(records, strength))
            plot = self.size_plot if records else self.strength_plot
            plot.setXRange(timestamp(first), timestamp(last), padding=0.02)

    def _draw_sizes(self, site: str, records: list[MeasurementRecord], span: str) -> None:
        by_day: dict[date, dict[Side, float]] = {}
        for record in records:
            by_day.setdefault(record.measured_on, {})[record.side] = record.value_cm
        days = sorted(by_day)
        title = f"{site}: circumference per side{', ' + span if span else ''}"
        self.size_plot.setTitle(title, size="10pt")
        for side in (Side.LEFT, Side.RIGHT):
            values = [by_day[d].get(side) for d in days]
            add_side_series(
                self.size_plot,
                side,
                days=days,
                values=values,
                mean=[None] * len(days),
                spread=[None] * len(days),
            )
        self.rows = [
            (d.isoformat(), by_day[d].get(Side.LEFT), by_day[d].get(Side.RIGHT)) for d in days
        ]
        self.hover.set_xs([timestamp(d) for d in days])

    def _draw_strength(self, strength: list[GroupAsymmetry], muscles: str, span: str) -> None:
        title = (
            # Short enough for the chart's width at 1024 px.
            f"{muscles.capitalize()}: strength gap, weekly mean{', ' + span if span else ''}"
            if muscles
            else "Strength gap"
        )
        self.strength_plot.setTitle(title, size="10pt")
        if strength:
            # As on Progress: the size of the gap, with the weaker side's colour and letter.
            self.strength_plot.plot(
                [timestamp(g.day) for g in strength],
                [abs(g.percent) for g in strength],
                pen=pg.mkPen(120, 120, 120, 160, width=1),
            )
            for side in (Side.LEFT, Side.RIGHT):
                mine = [g for g in strength if (g.percent > 0) == (side is Side.LEFT) and g.percent]
                if mine:
                    colour = str(STYLE[side]["colour"])
                    self.strength_plot.plot(
                        [timestamp(g.day) for g in mine],
                        [abs(g.percent) for g in mine],
                        pen=None,
                        symbol=str(STYLE[side]["symbol"]),
                        symbolSize=8,
                        symbolPen=colour,
                        symbolBrush=colour,
                        name=f"{side.letter} weaker",
                    )

    def _describe(self, index: int) -> str:
        day, left, right = self.rows[index]

        def cm(v: float | None) -> str:
            return "–" if v is None else f"{v:.1f} cm"

        return f"{day}\nL {cm(left)}   R {cm(right)}"
