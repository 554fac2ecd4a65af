"""Progress page: which side is weaker, by how much, is the gap closing, is training
balanced. The charts (pyqtgraph) are imported the first time this page is made."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.library import Exercise
from evenside.domain.profile import Profile
from evenside.domain.verdict import ASK_FOR_EVIDENCE
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.text_rows import TextRowsModel
from evenside.gui.widgets.discomfort_panel import DiscomfortPanel
from evenside.gui.widgets.range_bar import RangeBar
from evenside.gui.widgets.verdict_note import VerdictNote
from evenside.services import library, progress, progress_export
from evenside.services.store import Store

if TYPE_CHECKING:
    from evenside.gui.charts.exercise_view import ExerciseCharts

TREND_WORDS = {"closing": "closing ↘", "widening": "widening ↗", "steady": "steady →"}
OVERVIEW_SENTENCES = 4  # the largest gaps lead in words; the table holds every exercise
CHART_KEY = (
    " On the charts: the thick line is each side's mean over 5 sessions and the band one "
    "standard deviation (SD) around it; a hollow point is a session whose gap is within "
    "day-to-day variation (noise), a filled one beyond it."
)
OVERVIEW_HOW = (
    "The gap is the mean per-session difference between the sides over the last 3 to 6 "
    "sessions with evidence (RPE or RIR, a set to failure, an assessment, or sides that "
    "differ). A side is named only when the gap is beyond day-to-day variation (a one-sided "
    "90 % t bound) and above the minimum in Settings."
)


class ProgressPage(QWidget):
    exercise_history_requested = Signal(int, str)  # exercise id, name

    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub or ChangeHub(self)
        from evenside.gui.charts.balance_view import BalanceView
        from evenside.gui.charts.exercise_view import ExerciseCharts

        self.store, self.profile = store, profile
        ranges = self._build_ranges()
        exercise_tab = self._build_exercise_tab(ExerciseCharts())
        overview_tab = self._build_overview_tab()
        self.balance = BalanceView()
        self.tabs = QTabWidget()
        self.tabs.addTab(exercise_tab, "&Exercise")
        self.tabs.addTab(overview_tab, "&Overview")
        self.tabs.addTab(self.balance, "Opposing &balance")
        layout = QVBoxLayout(self)
        layout.addWidget(ranges)
        layout.addWidget(self.tabs)

        self.ranges.chosen.connect(self._range_chosen)
        self.search.textChanged.connect(self._fill_exercises)
        self.exercise_list.currentItemChanged.connect(lambda *_: self.show_selected())
        self.overview_table.activated.connect(self._open_from_overview)
        self.png_button.clicked.connect(self.export_png_dialog)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        self._overview_rows: list[progress.OverviewRow] = []
        self._with_data: list[Exercise] = []
        concerns = lambda c: c.training or c.library or c.settings or c.habits  # noqa: E731
        StaleGuard(self, self.hub, concerns, self.reload)
        self.reload()

    def _build_ranges(self) -> RangeBar:
        self.ranges = RangeBar()
        self.range_buttons = self.ranges.buttons
        self.png_button = QPushButton("Export chart as &PNG…")
        self.csv_button = QPushButton("Export series as &CSV…")
        self.ranges.add_widget(self.png_button)
        self.ranges.add_widget(self.csv_button)
        return self.ranges

    def _build_exercise_tab(self, charts: ExerciseCharts) -> QSplitter:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find an exercise")
        self.exercise_list = QListWidget()
        self.exercise_list.setFixedWidth(220)  # widened to the longest name: _fit_list
        self.exercise_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercise_list.setAccessibleName("Exercises with logged sets")
        self.chart_header = QLabel()
        self.chart_header.setTextFormat(Qt.TextFormat.RichText)
        self.chart_header.setWordWrap(True)  # the note under the name wraps at 1024 px
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search)
        left_box.addWidget(self.exercise_list)
        self.history_button = QPushButton("&History of this exercise")
        self.history_button.clicked.connect(self.ask_history)
        left_box.addWidget(self.history_button)
        self.charts = charts
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.chart_header)
        self.verdict_note = VerdictNote()  # the plain sentence leads; the formula on demand
        right_box.addWidget(self.verdict_note)
        # At 1024x600 the three charts keep their height and legends; the column scrolls.
        scroll = QScrollArea()
        scroll.setWidget(self.charts)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_box.addWidget(scroll, 1)
        exercise_tab = QSplitter(Qt.Orientation.Horizontal)
        exercise_tab.addWidget(left)
        exercise_tab.addWidget(right)
        exercise_tab.setStretchFactor(1, 1)
        return exercise_tab

    def _build_overview_tab(self) -> QWidget:
        self.overview_model = TextRowsModel(
            ("Exercise", "Asymmetry", "Weaker", "Trend (8 wk)", "Noise", "Sessions", "Last"),
            (0, 3, 4),
        )
        self.overview_table = row_table(self.overview_model)
        stretch_column(self.overview_table, 0)
        self.overview_note = VerdictNote()
        hint = QLabel("Double-click a row to open its charts.")
        overview_tab = QWidget()
        overview_box = QVBoxLayout(overview_tab)
        # Discomfort by side, beside the sentences on the asymmetry.
        self.discomfort = DiscomfortPanel(self.store, self.profile, self.hub)
        self.discomfort.setFixedWidth(270)
        beside = QHBoxLayout()
        beside.addWidget(self.overview_note, 1)
        beside.addWidget(self.discomfort)
        overview_box.addLayout(beside)
        overview_box.addWidget(self.overview_table, 1)
        overview_box.addWidget(hint)
        return overview_tab

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        self._overview_rows = progress.overview(self.store, self.profile.id)
        self.overview_model.replace_rows(
            [
                (
                    r.exercise.name,
                    f"{r.current.percent:.1f} %",
                    "no clear side" if r.current.weaker is None else r.current.weaker.letter,
                    TREND_WORDS.get(r.trend, r.trend),
                    {True: "within noise", False: "beyond noise", None: "–"}[
                        r.current.within_noise
                    ],
                    str(r.sessions),
                    r.last_day.isoformat(),
                )
                for r in self._overview_rows
            ]
        )
        self.overview_note.show_verdict(self._overview_sentences(), OVERVIEW_HOW)
        self.discomfort.refresh()
        self._with_data = progress.exercises_with_history(self.store, self.profile.id)
        self._fill_exercises()
        self._refresh_balance()

    def _fill_exercises(self) -> None:
        query = self.search.text()
        current = self.selected_exercise_id()
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        for exercise in library.search(self._with_data, query):
            item = QListWidgetItem(exercise.name)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setToolTip(exercise.name)  # whole, where a narrow list elides it
            self.exercise_list.addItem(item)
        self.exercise_list.blockSignals(False)
        self._fit_list()
        if current is not None:
            self.select_exercise(current)
        if self.exercise_list.currentRow() < 0 and self.exercise_list.count():
            first = self._overview_rows[0].exercise.id if self._overview_rows else None
            if first is None or not self.select_exercise(first):
                self.exercise_list.setCurrentRow(0)

    def _fit_list(self) -> None:
        """The exercise list as wide as its longest name on a wide window (a sixth of the
        page at most), 220 px on a small one: the charts keep their room at 1024 px."""
        metrics = self.exercise_list.fontMetrics()
        widest = max((metrics.horizontalAdvance(e.name) for e in self._with_data), default=0)
        wanted = max(220, min(self.width() // 6, widest + 40))
        self.exercise_list.setFixedWidth(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_list)  # after this resize, not inside it

    def selected_exercise_id(self) -> int | None:
        item = self.exercise_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def ask_history(self) -> None:
        shown = getattr(self, "current", None)  # None until an exercise is shown
        if shown is not None:
            exercise = shown.exercise
            self.exercise_history_requested.emit(exercise.id, exercise.name)

    def select_exercise(self, exercise_id: int) -> bool:
        for row in range(self.exercise_list.count()):
            if self.exercise_list.item(row).data(Qt.ItemDataRole.UserRole) == exercise_id:
                self.exercise_list.setCurrentRow(row)
                return True
        return False

    def _overview_sentences(self) -> str:
        lines = [
            f"<b>{escape(r.exercise.name)}:</b> {escape(r.verdict.sentence)}"
            for r in self._overview_rows[:OVERVIEW_SENTENCES]
            if r.verdict is not None
        ]
        more = len(self._overview_rows) - OVERVIEW_SENTENCES
        if more > 0:
            lines.append(f"{more} more exercise{'s' if more > 1 else ''} in the table below.")
        if not lines:
            return f"No exercise has been measured yet: {ASK_FOR_EVIDENCE}."
        return "<br>".join(lines)

    def since(self) -> datetime | None:
        return self.ranges.since(self.store.now())

    def show_selected(self) -> None:
        exercise_id = self.selected_exercise_id()
        if exercise_id is None:
            return
        self.current = progress.exercise_progress(
            self.store, self.profile.id, exercise_id, self.since()
        )
        span = self.ranges.span()
        empty = (
            f"No {self.current.exercise.name} in the {span}.\nChoose a longer range above."
            if self.range_name != "All"
            else f"No {self.current.exercise.name} logged yet."
        )
        self.charts.setUpdatesEnabled(False)  # one repaint for the refill, not one per item
        try:
            self.charts.show_progress(self.current, self.profile.unit, empty)
        finally:
            self.charts.setUpdatesEnabled(True)
        header = (
            f"<b>{escape(self.current.exercise.name)}</b> · {escape(self.charts.measure())}"
            f" · {span}"
        )
        judged = self.current.verdict
        score = judged.verdict.score_label if judged is not None else ""
        if score and not self.charts.measure().startswith(score.removesuffix(")")):
            # Say so when the per-side lines and the verdict measure different things.
            header += (
                f"<br><small>The per-side chart shows {escape(self.charts.measure())} from "
                f"weight and reps alone; the verdict and the gap chart compare "
                f"{escape(score)}.</small>"
            )
        self.chart_header.setText(header)
        if judged is None:
            self.verdict_note.show_verdict("", "")
        else:
            self.verdict_note.show_verdict(escape(judged.sentence), judged.how + CHART_KEY)

    def _refresh_balance(self) -> None:
        weeks = progress.opposing_balance(self.store, self.profile.id, self.since())
        self.balance.show_weeks(weeks)

    def take_focus(self) -> None:
        """Opening the page puts the keyboard in the exercise search."""
        self.search.setFocus()

    def set_range(self, name: str) -> None:
        self.ranges.choose(name)

    @property
    def range_name(self) -> str:
        return self.ranges.name

    def _range_chosen(self, _name: str) -> None:
        self.show_selected()
        self._refresh_balance()

    def _open_from_overview(self) -> None:
        rows = self.overview_table.selectionModel().selectedRows()
        if rows:
            self.open_exercise(self._overview_rows[rows[0].row()].exercise.id)

    def open_exercise(self, exercise_id: int) -> None:
        self.search.clear()
        self.select_exercise(exercise_id)
        self.tabs.setCurrentIndex(0)

    # -- export ---------------------------------------------------------------------------

    def export_png(self, path: Path) -> bool:
        widget = self.tabs.currentWidget()
        target = self.charts if self.tabs.currentIndex() == 0 else widget
        return bool(target is not None and target.grab().save(str(path), "PNG"))

    def export_csv(self, path: Path) -> int:
        return progress_export.export_series(self.current, self.profile.unit, path)

    def export_png_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export chart", "evenside-chart.png", "PNG image (*.png)"
        )
        if name:
            self.export_png(Path(name))

    def export_csv_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export series", "evenside-series.csv", "CSV (*.csv)"
        )
        if name:
            self.export_csv(Path(name))
