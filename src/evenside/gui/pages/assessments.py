"""Assessment page: run a guided per-side test (the baseline first, then a re-test every
few weeks), see each test's results listed and charted per side, and which re-test is due.
Strength tests count as evidence for the weak-side verdict on every other screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from evenside.domain.assessment import (
    RUN_IT,
    Assessment,
    AssessmentKind,
    AssessmentSeries,
    retest_reminder,
)
from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.units import format_weight
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.text_rows import TextRowsModel
from evenside.gui.style import NOTICE_STYLE
from evenside.gui.widgets.assessment_form import AssessmentForm
from evenside.services import assessments, library
from evenside.services.store import Store

HEADERS = ("Test", "Result", "Date", "L", "R", "Details")


def _details(a: Assessment, profile: Profile) -> str:
    parts = []
    if a.load_kg is not None:
        load = format_weight(a.load_kg, profile.unit)
        parts.append(f"{load} × {a.reps}" if a.reps is not None else load)
    if a.kind is AssessmentKind.RANGE_OF_MOTION:
        parts.append(f"tighter: {a.tighter.letter}" if a.tighter else "tighter side not noted")
    if a.notes:
        parts.append(a.notes)
    return ", ".join(parts)


class AssessmentsPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        from evenside.gui.charts.assessment_view import AssessmentChart

        self.hub = hub or ChangeHub(self)
        self.store, self.profile = store, profile
        self.series: list[AssessmentSeries] = []
        self.row_series: list[int] = []  # the series each table row belongs to
        self.form = AssessmentForm(profile.unit, store.now().date())
        self.due_note = QLabel()
        self.due_note.setStyleSheet(NOTICE_STYLE)
        self.due_note.setWordWrap(True)
        self.model = TextRowsModel(HEADERS, (0, 1, 2, 5))
        self.table = row_table(self.model)
        stretch_column(self.table, 5)
        self.chart = AssessmentChart()
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.form)
        left_box.addWidget(self.due_note)
        left_box.addStretch(1)
        left.setMinimumWidth(330)
        left.setMaximumWidth(420)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.chart)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.form.submitted.connect(self.record)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row(current.row())
        )
        StaleGuard(
            self,
            self.hub,
            lambda c: c.assessments or c.settings or c.library,
            self.refresh,
            skip_own=True,  # a test saved here is shown at once, with its row selected
        )
        self.refresh()

    def refresh(self, select: tuple[object, ...] | None = None) -> None:
        self.form.set_exercises(library.all_exercises(self.store))
        self.series = assessments.series(self.store, self.profile.id)
        rows, self.row_series = [], []
        for index, series in enumerate(self.series):
            for number, a in enumerate(series.results):
                result = "Baseline" if number == 0 else f"Re-test {number}"
                rows.append(
                    (series.name, result, a.day.isoformat(), f"{a.left:g}", f"{a.right:g}",
                     _details(a, self.profile))
                )  # fmt: skip
                self.row_series.append(index)
        self.model.replace_rows(rows)
        due = assessments.due(self.store, self.profile.id)
        text = retest_reminder(due, self.store.now().date()).removesuffix(RUN_IT)
        self.due_note.setText(text)
        self.due_note.setVisible(bool(text))
        keys = [s.results[0].test_key for s in self.series]
        chosen = keys.index(select) if select in keys else 0
        row = self.row_series.index(chosen) if self.row_series else -1
        if row >= 0:
            last = len(self.series[chosen].results) - 1
            self.table.selectRow(row + last)
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.row_series):
            self.chart.show_series(self.series[self.row_series[row]])
        else:
            self.chart.show_series(None)

    def record(self, assessment: Assessment) -> None:
        try:
            changes = assessments.record_assessment(self.store, self.profile.id, assessment)
        except InvalidInput as exc:
            self.form.show_error(exc)
            return
        self.form.saved()
        self.refresh(select=assessment.test_key)
        self.hub.publish(changes, self)
