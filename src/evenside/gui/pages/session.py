"""Session page (the home screen): log a session per side, weak side first.

Built for a laptop on a bench: every action has a key, Enter logs, Ctrl+Z undoes, and a
set is shown in the table only after the service has committed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import EvensideError
from evenside.domain.library import Exercise
from evenside.domain.profile import Profile
from evenside.domain.routines import RoutineItem
from evenside.domain.sides import Side
from evenside.domain.training import SessionExercise, StretchStatus, WorkoutSession
from evenside.gui.models.sets import SetTableModel
from evenside.gui.pages.session_logging import SetLogger
from evenside.gui.pages.session_summary import SummaryView
from evenside.gui.shortcuts import Keys, add_shortcut
from evenside.gui.style import ERROR_STYLE, NOTICE_STYLE
from evenside.gui.widgets.clock import Clock, monotonic
from evenside.gui.widgets.rest_timer import RestTimer
from evenside.gui.widgets.set_entry import SetEntryPanel
from evenside.gui.widgets.stretch_card import StretchCard
from evenside.services import library, profiles, routines, workout
from evenside.services.store import Store

SHORTCUTS = (
    ("Enter", "Log the set of the side being typed in"),
    ("Tab / Shift+Tab", "Move between fields, first side to second side"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last change"),
    ("Delete", "Remove the selected set (undo brings it back)"),
    ("F2 or double-click", "Edit a set in the table"),
    ("Ctrl+K", "Add an exercise (type to search)"),
    ("Ctrl+E", "Start the next set with the other side"),
    ("Ctrl+D", "Done with this exercise: show its stretch"),
    ("Alt+Up / Alt+Down", "Move the exercise up or down"),
    ("Ctrl+N", "Start a session"),
    ("Ctrl+Return", "Finish the session"),
    ("F1", "This list"),
)


class SessionPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        clock: Clock = monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.profile = profile
        self.settings = profiles.settings(store, profile.id)
        self.exercises: dict[int, Exercise] = {
            e.id: e for e in library.all_exercises(store, include_archived=True)
        }
        self.current: WorkoutSession | None = None
        self.targets: dict[int, RoutineItem] = {}  # by exercise id, when started from a routine
        self.selected_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_start()
        self._build_work(clock)
        self.summary_view = SummaryView()
        self.summary_view.close_button.clicked.connect(self.show_start)
        self.pages.addWidget(self.summary_view)
        self.logger = SetLogger(self)
        self._build_actions()
        active = workout.active_session(store, profile.id)
        if active is None:
            self.show_start()
        else:
            self.open_session(active)

    # -- building -------------------------------------------------------------------------

    def _build_start(self) -> None:
        self.start_panel = QWidget()
        self.start_button = QPushButton("&Start a session")
        self.start_button.setMinimumHeight(40)
        text = QLabel(
            "<h2>Ready when you are</h2><p>Start a session, add exercises by typing their "
            "name, and log each side. One-sided exercises start with your weaker side.</p>"
        )
        text.setWordWrap(True)
        text.setFixedWidth(560)  # wrapped text needs a width to take its full height
        text.setMinimumHeight(text.heightForWidth(560))
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box = QVBoxLayout(self.start_panel)
        box.addStretch(1)
        box.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.routine_day = QComboBox()
        self.routine_day.setMinimumWidth(280)
        self.routine_start = QPushButton("Start from &routine day")
        routine_row = QHBoxLayout()
        routine_row.addStretch(1)
        routine_row.addWidget(self.routine_day)
        routine_row.addWidget(self.routine_start)
        routine_row.addStretch(1)
        box.insertLayout(3, routine_row)
        self.start_button.clicked.connect(self.start_session)
        self.routine_start.clicked.connect(self.start_from_routine)
        self.pages.addWidget(self.start_panel)

    def _build_work(self, clock: Clock) -> None:
        self.work_panel = QWidget()
        self.add_box = QLineEdit()
        self.add_box.setPlaceholderText("Add exercise (Ctrl+K): type a name")
        self.add_box.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(150)
        self.matches.hide()
        self.exercise_list = QListWidget()
        self.exercise_list.setMinimumWidth(240)
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.remove_button = QPushButton("Remove")
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setAutoDefault(False)
            moves.addWidget(button)
        self.session_notes = QLineEdit()
        self.session_notes.setPlaceholderText("Session notes")
        self.finish_button = QPushButton("&Finish session")
        self.help_button = QPushButton("Keyboard shortcuts (F1)")
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.add_box)
        left_box.addWidget(self.matches)
        left_box.addWidget(self.exercise_list, 1)
        left_box.addLayout(moves)
        left_box.addWidget(self.session_notes)
        left_box.addWidget(self.finish_button)
        left_box.addWidget(self.help_button)

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.entry = SetEntryPanel()
        self.notice = QLabel()
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.set_model = SetTableModel()
        self.set_table = QTableView()
        self.set_table.setModel(self.set_model)
        self.set_table.verticalHeader().hide()
        self.set_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.set_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table_message = QLabel()
        self.table_message.setStyleSheet(ERROR_STYLE)
        self.exercise_notes = QLineEdit()
        self.exercise_notes.setPlaceholderText("Notes for this exercise")
        self.rest_spin = QSpinBox()
        self.rest_spin.setRange(0, 600)
        self.rest_spin.setSingleStep(15)
        self.rest_spin.setSuffix(" s rest")
        self.rest_spin.setSpecialValueText("default rest")
        self.rest_spin.setToolTip(
            "Rest between sets for this exercise (0: your default in Settings)"
        )
        self.done_button = QPushButton("Done with exercise: stretch (Ctrl+D)")
        self.done_button.setAutoDefault(False)
        self.rest_timer = RestTimer(clock)
        self.stretch_card = StretchCard(clock)
        self.empty_hint = QLabel("<p>Add an exercise on the left to start logging.</p>")
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.header)
        right_box.addWidget(self.empty_hint)
        right_box.addWidget(self.entry)
        right_box.addWidget(self.notice)
        right_box.addWidget(self.set_table, 1)
        right_box.addWidget(self.table_message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.exercise_notes, 1)
        bottom.addWidget(self.rest_spin)
        bottom.addWidget(self.done_button)
        right_box.addLayout(bottom)
        right_box.addWidget(self.rest_timer)
        right_box.addWidget(self.stretch_card)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        outer = QVBoxLayout(self.work_panel)
        outer.addWidget(splitter)
        self.pages.addWidget(self.work_panel)

        self.add_box.textChanged.connect(self._update_matches)
        self.add_box.returnPressed.connect(self._add_top_match)
        self.matches.itemActivated.connect(self._add_match_item)
        self.exercise_list.currentRowChanged.connect(self._exercise_row_changed)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.finish_button.clicked.connect(self.finish_session)
        self.help_button.clicked.connect(self.show_shortcuts)
        self.done_button.clicked.connect(self.done_with_exercise)
        self.session_notes.editingFinished.connect(self._save_session_notes)
        self.exercise_notes.editingFinished.connect(self._save_exercise_notes)
        self.rest_spin.editingFinished.connect(self._save_rest)
        self.stretch_card.done.connect(lambda i: self.record_stretch(i, StretchStatus.DONE))
        self.stretch_card.skipped.connect(lambda i: self.record_stretch(i, StretchStatus.SKIPPED))

    def _build_actions(self) -> None:
        def action(keys: Keys, slot: Callable[[], object]) -> QAction:
            return add_shortcut(self, keys, slot)

        self.undo_action = action(QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self.redo_action = action("Ctrl+Shift+Z", self.undo_stack.redo)
        action("Ctrl+K", self.focus_add_box)
        action("Ctrl+E", self.logger.swap_order)
        action("Ctrl+D", self.done_with_exercise)
        action("Alt+Up", lambda: self.move_selected(-1))
        action("Alt+Down", lambda: self.move_selected(1))
        action("Ctrl+N", self.start_session)
        action("Ctrl+Return", self.finish_session)
        action("F1", self.show_shortcuts)
        add_shortcut(
            self.set_table,
            QKeySequence.StandardKey.Delete,
            self.logger.delete_selected_set,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.undo_stack.indexChanged.connect(self._undo_index_changed)

    # -- sessions -------------------------------------------------------------------------

    def show_start(self) -> None:
        self.current = None
        self.undo_stack.clear()
        self.routine_day.clear()
        for routine_id, name in routines.list_routines(self.store, self.profile.id):
            for day in routines.get_routine(self.store, routine_id).days:
                self.routine_day.addItem(f"{name}: {day.name}", day.id)
        has_days = self.routine_day.count() > 0
        self.routine_day.setVisible(has_days)
        self.routine_start.setVisible(has_days)
        self.pages.setCurrentWidget(self.start_panel)
        self.start_button.setFocus()

    def start_session(self) -> None:
        if self.current is not None:
            return
        self.open_session(workout.start_session(self.store, self.profile.id))
        self.focus_add_box()

    def start_from_routine(self) -> None:
        day_id = self.routine_day.currentData()
        if self.current is None and day_id is not None:
            self.open_session(
                routines.start_session_from_day(self.store, self.profile.id, int(day_id))
            )
            self.logger.focus_first_field()

    def open_session(self, session: WorkoutSession) -> None:
        self.current = session
        self.targets = (
            routines.day_targets(self.store, session.routine_day_id)
            if session.routine_day_id is not None
            else {}
        )
        self.session_notes.setText(session.notes)
        latest = max(
            (
                (s.record.logged_at, e.id)
                for e in session.exercises
                for s in e.sets
                if s.record.logged_at
            ),
            default=(None, session.exercises[-1].id if session.exercises else None),
        )
        self.selected_id = latest[1]  # reopen on the exercise last logged
        self.pages.setCurrentWidget(self.work_panel)
        self.refresh()

    def _undo_index_changed(self, _index: int) -> None:
        focus = QApplication.focusWidget()
        in_entry = focus is None or self.entry.isAncestorOf(focus)
        self.refresh()
        if in_entry:  # after Ctrl+Z from the entry, carry on typing where the next set goes
            self.logger.focus_first_field()

    def refresh(self) -> None:
        """Reload the session from the database and redraw everything that depends on it."""
        if self.current is None:
            return
        self.current = workout.get_session(self.store, self.current.id)
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        for exercise in self.current.exercises:
            item = QListWidgetItem(self._list_text(exercise))
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.exercise_list.addItem(item)
        ids = [e.id for e in self.current.exercises]
        if self.selected_id not in ids:
            self.selected_id = ids[-1] if ids else None
        if self.selected_id is not None:
            self.exercise_list.setCurrentRow(ids.index(self.selected_id))
        self.exercise_list.blockSignals(False)
        self.logger.show_exercise(self.selected_exercise())

    def _list_text(self, exercise: SessionExercise) -> str:
        name = self.exercises[exercise.exercise_id].name
        counted = sum(1 for s in exercise.sets if s.record.kind.counts)
        mark = {
            StretchStatus.DONE: "  ✓ stretched",
            StretchStatus.SKIPPED: "  stretch skipped",
        }.get(exercise.stretch_status, "")
        return f"{name}\n{counted} sets{mark}"

    def selected_exercise(self) -> SessionExercise | None:
        if self.current is None:
            return None
        return next((e for e in self.current.exercises if e.id == self.selected_id), None)

    def finish_session(self) -> None:
        if self.current is None:
            return
        pending = self.selected_exercise()
        if pending is not None:
            self.logger.offer_stretch(pending)
        session_id = self.current.id
        try:
            workout.finish_session(self.store, session_id)
        except EvensideError as exc:
            QMessageBox.warning(self, "Session not finished", str(exc))
            return
        self.rest_timer.skip()
        self.stretch_card.hide()
        self.current = None
        self.undo_stack.clear()
        self.summary_view.show_summary(workout.summarise(self.store, session_id), self.profile)
        self.pages.setCurrentWidget(self.summary_view)

    # -- exercises ------------------------------------------------------------------------

    def focus_add_box(self) -> None:
        if self.current is not None:
            self.add_box.setFocus()
            self.add_box.selectAll()

    def _update_matches(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            self.matches.hide()
            return
        for exercise in library.search(list(self.exercises.values()), text)[:8]:
            if exercise.archived:
                continue
            item = QListWidgetItem(exercise.name)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def _add_top_match(self) -> None:
        item = self.matches.currentItem() or self.matches.item(0)
        if item is not None:
            self._add_match_item(item)

    def _add_match_item(self, item: QListWidgetItem) -> None:
        self.add_exercise(int(item.data(Qt.ItemDataRole.UserRole)))

    def add_exercise(self, exercise_id: int) -> None:
        if self.current is None:
            return
        previous = self.selected_exercise()
        new_id = workout.add_exercise(self.store, self.current.id, exercise_id)
        self.add_box.clear()
        self.matches.hide()
        self.selected_id = new_id
        self.refresh()
        if previous is not None:
            self.logger.offer_stretch(previous)
        self.logger.focus_first_field()

    def _exercise_row_changed(self, row: int) -> None:
        if self.current is None or row < 0:
            return
        previous = self.selected_exercise()
        self.selected_id = self.current.exercises[row].id
        if previous is not None and previous.id != self.selected_id:
            self.logger.offer_stretch(previous)
        self.logger.show_exercise(self.selected_exercise())

    def move_selected(self, step: int) -> None:
        exercise = self.selected_exercise()
        if exercise is None or self.current is None:
            return
        target = max(0, min(len(self.current.exercises) - 1, exercise.position + step))
        if target == exercise.position:
            return
        workout.move_exercise(self.store, exercise.id, target)
        self.refresh()

    def remove_selected(self) -> None:
        self.logger.remove_exercise(self.selected_exercise())

    def done_with_exercise(self) -> None:
        exercise = self.selected_exercise()
        if exercise is not None:
            self.logger.offer_stretch(exercise, force=True)

    def record_stretch(self, session_exercise_id: int, status: StretchStatus) -> None:
        self.logger.record_stretch(session_exercise_id, status)

    def _save_session_notes(self) -> None:
        if self.current is not None and self.session_notes.text() != self.current.notes:
            session_id, notes = self.current.id, self.session_notes.text()
            self._save(lambda: workout.set_session_notes(self.store, session_id, notes=notes))

    def _save_exercise_notes(self) -> None:
        exercise = self.selected_exercise()
        if exercise is not None and self.exercise_notes.text() != exercise.notes:
            exercise_id, notes = exercise.id, self.exercise_notes.text()
            self._save(lambda: workout.set_exercise_notes(self.store, exercise_id, notes))

    def _save(self, action: Callable[[], object]) -> None:
        """Notes are saved as typed; a failure says so and keeps the text to retry."""
        try:
            action()
        except EvensideError as exc:
            self.table_message.setText(f"Notes not saved: {exc}")
            return
        self.refresh()

    def _save_rest(self) -> None:
        exercise = self.selected_exercise()
        if exercise is None:
            return
        seconds = self.rest_spin.value() or None
        if self.exercises[exercise.exercise_id].rest_seconds != seconds:
            updated = library.set_rest(self.store, exercise.exercise_id, seconds)
            self.exercises[updated.id] = updated

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table cellpadding=3>{rows}</table>")
        box.setModal(False)
        box.show()
        self.shortcuts_box = box

    def weak_order(self) -> list[Side]:
        return self.logger.order
