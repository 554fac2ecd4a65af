"""History page: a month calendar with the training days marked, sessions found by exercise
and between two days, a page at a time (every session reachable, none loaded before it is
shown); open one to edit it (delete a set, with undo), delete a session with undo."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QResizeEvent,
    QTextCharFormat,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.e1rm import Formula
from evenside.domain.history import HistoryQuery, SessionsPage
from evenside.domain.profile import Profile
from evenside.domain.records import REP_COUNTS, SideRecords
from evenside.domain.sides import Side
from evenside.domain.units import Unit, format_weight
from evenside.domain.wording import counted
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.history import SessionListModel
from evenside.gui.pages.session_editor import SessionEditor
from evenside.gui.shortcuts import add_shortcut, alt_keys_are_not_text
from evenside.gui.style import side_badge_html
from evenside.gui.undo import ServiceCommand
from evenside.services import history, profiles, records, workout
from evenside.services.store import Store

__all__ = ["HistoryPage", "SessionEditor"]

ANY_DAY = QDate(2000, 1, 1)  # a date field at its minimum reads "any"
CALENDAR_BESIDE_WIDTH = 1000  # narrower pages hide the calendar until asked for
TRAINING_DAY = "#CFE5F5"  # a light blue behind the day number, with the number in bold


def _day(value: QDate) -> date | None:
    return None if value <= ANY_DAY else date(value.year(), value.month(), value.day())


def records_html(name: str, found: dict[Side, SideRecords], unit: Unit, formula: Formula) -> str:
    """Per side: the heaviest weight for 1, 3, 5, 8, 10 and 12 reps (or more) and the best
    e1RM; bilateral work in one "both" row."""
    if not found:
        return f"<b>Records of {escape(name)}:</b> none yet (no working set with a weight)."
    head = "".join(f"<th>&nbsp;{r} rep{'s' if r > 1 else ''}&nbsp;</th>" for r in REP_COUNTS)
    rows = []
    for side, mine in found.items():
        label = "Both" if side is Side.BOTH else f"{side_badge_html(side)} {side.value}"
        cells = "".join(
            f"<td align=right>{format_weight(mine.best_for_reps[r], unit)}</td>"
            if r in mine.best_for_reps
            else "<td align=center>–</td>"
            for r in REP_COUNTS
        )
        e1rm = "–" if mine.best_e1rm is None else format_weight(mine.best_e1rm, unit, decimals=1)
        rows.append(f"<tr><td>{label}</td>{cells}<td align=right>{e1rm}</td></tr>")
    return (
        f"<b>Records of {escape(name)}</b> (heaviest weight for that many reps or more; "
        f"best e1RM by {escape(formula.label)})<table cellspacing=0 cellpadding=2>"
        f"<tr><th></th>{head}<th>&nbsp;best e1RM&nbsp;</th></tr>{''.join(rows)}</table>"
    )


def keep_whole(label: QLabel) -> None:
    """Room for the label's letters side by side: a kerned pair ("To") is measured tighter
    than some fonts draw it, and the field beside it covered the "o" ("Tc")."""
    metrics = label.fontMetrics()
    letters = label.text().replace("&", "")
    label.setMinimumWidth(
        sum(metrics.horizontalAdvance(c) for c in letters) + metrics.averageCharWidth()
    )


def _date_field(label: str) -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setMinimumDate(ANY_DAY)
    field.setSpecialValueText("any")
    field.setDisplayFormat("dd MMM yyyy")
    field.setDate(ANY_DAY)
    field.setAccessibleName(label)
    return field


class HistoryPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.hub = hub or ChangeHub(self)
        self.first = 0
        self.exercise_id: int | None = None  # set by "History of this exercise"
        self.listed = SessionsPage(0, 0)
        self.model = SessionListModel()
        self.table = row_table(self.model)
        self.table.setAccessibleName("Sessions")
        stretch_column(self.table, 3)
        self.undo_stack = QUndoStack(self)
        self._build_controls()
        self._lay_out()
        self._connect()
        today = store.now().date()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        StaleGuard(self, self.hub, lambda c: c.training or c.library, self.reload)
        self.reload()

    def _build_controls(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("e.g. row, db row, ohp, sl rdl")
        self.search.setAccessibleName("Find sessions with an exercise")
        self.search.setClearButtonEnabled(True)
        alt_keys_are_not_text(self.search)  # Alt+L on the last page must not type "l"
        self.from_day = _date_field("From day")
        self.to_day = _date_field("To day")
        self.all_days = QPushButton("All d&ays")
        self.calendar_button = QPushButton("&Calendar")
        self.calendar_button.setCheckable(True)
        self.calendar_button.setChecked(True)
        self.calendar_chosen = False  # True once the user shows or hides it himself
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Training days")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMaximumWidth(300)
        self.calendar_note = QLabel("Training days in bold blue. Pick a day to list its sessions.")
        self.calendar_note.setWordWrap(True)
        self.newer_button = QPushButton("◀ Ne&wer")
        self.older_button = QPushButton("O&lder ▶")
        self.open_button = QPushButton("&Open and edit…")
        self.delete_button = QPushButton("&Delete…")
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.setEnabled(False)
        self.status = QLabel()
        self.records = QLabel()  # an exercise's records, shown with "History of this exercise"
        self.records.setTextFormat(Qt.TextFormat.RichText)
        self.records.setAccessibleName("Personal records of the exercise")
        self.records.hide()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        find = QLabel("&Exercise:")
        find.setBuddy(self.search)
        keep_whole(find)
        filters.addWidget(find)
        filters.addWidget(self.search, 1)
        for text, field in (("F&rom", self.from_day), ("&To", self.to_day)):
            label = QLabel(text)
            label.setBuddy(field)
            keep_whole(label)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.all_days)
        filters.addWidget(self.calendar_button)
        side = self.calendar_panel = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.calendar)
        side_box.addWidget(self.calendar_note)
        side_box.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (
            self.newer_button,
            self.older_button,
            self.open_button,
            self.delete_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.records)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.search, self.from_day)
        QWidget.setTabOrder(self.from_day, self.to_day)
        QWidget.setTabOrder(self.to_day, self.all_days)
        QWidget.setTabOrder(self.all_days, self.calendar)
        QWidget.setTabOrder(self.calendar, self.table)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_changed)
        self.from_day.dateChanged.connect(lambda _d: self._filters_changed())
        self.to_day.dateChanged.connect(lambda _d: self._filters_changed())
        self.all_days.clicked.connect(self.show_all_days)
        self.calendar_button.clicked.connect(self._calendar_toggled)
        self.calendar.clicked.connect(self.show_day)
        self.calendar.activated.connect(self.show_day)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark_training_days())
        self.newer_button.clicked.connect(
            lambda: self.go_to_position(self.first - self.listed.size)
        )
        self.older_button.clicked.connect(lambda: self.go_to_position(self.listed.last))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.table.activated.connect(lambda _index: self.open_selected())
        add_shortcut(self.table, QKeySequence.StandardKey.Delete, self.delete_selected)
        add_shortcut(self, QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        add_shortcut(self, QKeySequence.StandardKey.Find, self._focus_search)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)

    def _calendar_toggled(self, shown: bool) -> None:
        self.calendar_chosen = True
        self.calendar_panel.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """On a narrow window the list keeps its columns: the calendar steps aside (the
        Calendar button brings it back)."""
        super().resizeEvent(event)
        if not self.calendar_chosen:
            wide = event.size().width() >= CALENDAR_BESIDE_WIDTH
            self.calendar_button.setChecked(wide)
            self.calendar_panel.setVisible(wide)

    # -- what is listed -------------------------------------------------------------------

    def query(self) -> HistoryQuery:
        return HistoryQuery(
            exercise_text="" if self.exercise_id is not None else self.search.text(),
            exercise_id=self.exercise_id,
            first_day=_day(self.from_day.date()),
            last_day=_day(self.to_day.date()),
        )

    def reload(self) -> None:
        rows, self.listed = history.find(
            self.store, self.profile.id, self.query(), self.first, self.listed.size
        )
        self.first = self.listed.first
        self.model.set_sessions(rows, self.profile.unit)
        self.newer_button.setEnabled(self.listed.has_newer)
        self.older_button.setEnabled(self.listed.has_older)
        if self.listed.total:
            self.status.setText(self.listed.describe())
        elif self.query().filtered:
            self.status.setText("No session matches: change the exercise or the days.")
        else:
            self.status.setText("No sessions yet: they appear here once logged.")
        self._mark_training_days()
        self._show_records()

    def _show_records(self) -> None:
        if self.exercise_id is None:
            self.records.hide()
            return
        formula = profiles.settings(self.store, self.profile.id).e1rm_formula
        found = records.exercise_records(self.store, self.profile.id, self.exercise_id, formula)
        self.records.setText(records_html(self._exercise_name, found, self.profile.unit, formula))
        self.records.show()

    def go_to_position(self, first: int) -> None:
        self.first = max(0, first)
        self.reload()

    def _filters_changed(self) -> None:
        self.first = 0
        self.reload()

    def _search_changed(self, text: str) -> None:
        if self.exercise_id is not None and text != self._exercise_name:
            self.exercise_id = None  # typing replaces "History of this exercise"
        self._filters_changed()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_exercise(self, exercise_id: int, name: str) -> None:
        """Every session with this exercise (from "History of this exercise")."""
        self.exercise_id, self._exercise_name = exercise_id, name
        self.search.blockSignals(True)
        self.search.setText(name)
        self.search.blockSignals(False)
        self.show_all_days()

    _exercise_name = ""

    def show_day(self, day: QDate) -> None:
        for field in (self.from_day, self.to_day):
            field.blockSignals(True)
            field.setDate(day)
            field.blockSignals(False)
        self._filters_changed()

    def show_all_days(self) -> None:
        for field in (self.from_day, self.to_day):
            field.blockSignals(True)
            field.setDate(ANY_DAY)
            field.blockSignals(False)
        self._filters_changed()

    def _mark_training_days(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1)
        days = history.training_days(self.store, self.profile.id, first, last)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QBrush(QColor(TRAINING_DAY)))
        marked.setForeground(QBrush(QColor("#003A66")))
        for day, count in days.items():
            marked.setToolTip(counted(count, "session"))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), marked)
        self.training_days = days

    # -- acting on a session --------------------------------------------------------------

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else self.model.listing(rows[0].row()).id

    def open_selected(self) -> None:
        session_id = self._selected_id()
        if session_id is None:
            return
        self.editor = SessionEditor(
            self.store, self.profile, session_id, self, hub=self.hub, undo_stack=self.undo_stack
        )
        self.editor.exec()

    def delete_selected(self) -> None:
        session_id = self._selected_id()
        if session_id is None:
            return
        listing = next(
            self.model.listing(r)
            for r in range(self.model.rowCount())
            if self.model.listing(r).id == session_id
        )
        answer = QMessageBox.question(
            self,
            "Delete session",
            f"Delete the session of {listing.started_at:%a %d %b %Y} "
            f"with its {counted(listing.sets, 'set')}?"
            "\n\nUndo delete (Ctrl+Z) brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = workout.delete_session(self.store, session_id)

        def redo() -> Changes:
            return workout.delete_session(self.store, session_id).changes

        def undo() -> Changes:
            return workout.restore_session(self.store, deleted.stored)

        self.undo_stack.push(ServiceCommand("delete session", redo, undo, self.hub))
        self.hub.publish(deleted, self)
        self.status.setText("Session deleted. Undo delete (Ctrl+Z) brings it back.")
