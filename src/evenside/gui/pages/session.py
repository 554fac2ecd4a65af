"""Session page (the home screen): log a session per side, weak side first.

Built for a laptop on a bench: every action has a key, Enter logs, Ctrl+Z undoes, and a
set is shown in the table only after the service has committed it. The page is made of
components (gui/session/) that each own their widgets; the page starts and finishes
sessions, and after every change it reloads the session once and hands every component
the same ``ExerciseView``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.profile import Profile
from evenside.domain.routines import RoutineItem
from evenside.domain.training import SessionExercise, WorkoutSession
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.pages.session_start import StartPanel
from evenside.gui.pages.session_summary import SummaryView
from evenside.gui.session.coaching_panel import CoachingPanel
from evenside.gui.session.column import ScrollColumn, pinned_below
from evenside.gui.session.entry import EntryPanel
from evenside.gui.session.exercise_list import ExerciseList
from evenside.gui.session.finish import FINISH, FINISH_PAST_STRETCH, last_exercise, stretch_due
from evenside.gui.session.footer import ExerciseFooter
from evenside.gui.session.plan_panel import PlanPanel
from evenside.gui.session.set_table import SetTable
from evenside.gui.session.shortcut_list import shortcut_list
from evenside.gui.session.stretch_offer import StretchOffer
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.undo import step
from evenside.gui.widgets.clock import Clock, monotonic
from evenside.gui.widgets.rest_timer import RestTimer
from evenside.services import (
    library,
    profiles,
    routines,
    session_summary,
    weak_side_plans,
    workout,
)
from evenside.services.store import Store


def _concerns_session_page(changes: Changes) -> bool:
    return (
        changes.training
        or changes.library
        or changes.settings
        or changes.routines
        or changes.assessments  # the verdicts and the re-test reminder
        or changes.habits  # the start panel's checklist
    )


class SessionPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        clock: Clock = monotonic,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.hub = hub or ChangeHub(self)
        self.undo_stack = QUndoStack(self)
        self.scope = Scope(store, profile, self.hub, self.undo_stack, self)
        self.current: WorkoutSession | None = None
        self.targets: dict[int, RoutineItem] = {}  # by exercise id, when from a routine
        self.selected_id: int | None = None
        self.view: ExerciseView | None = None
        self.finishing = False  # the last stretch card is up; the summary comes after it
        self._load_library()
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.start_panel = StartPanel(store, profile, hub=self.hub)
        self.start_panel.start_requested.connect(self.start_session)
        self.start_panel.day_requested.connect(self.start_from_routine)
        self.start_button = self.start_panel.start_button
        self.pages.addWidget(self.start_panel)
        self._build_work(clock)
        self.summary_view = SummaryView()
        self.summary_view.close_button.clicked.connect(self.show_start)
        self.pages.addWidget(self.summary_view)
        self._build_actions()
        self.guard = StaleGuard(self, self.hub, _concerns_session_page, self._changed)
        active = workout.active_session(store, profile.id)
        if active is None:
            self.show_start()
        else:
            self.open_session(active)

    # -- building -------------------------------------------------------------------------

    def _build_work(self, clock: Clock) -> None:
        scope = self.scope
        self.list_panel = ExerciseList(scope)
        self.finish_button = QPushButton(FINISH)
        self.help_button = QPushButton("Keyboard shortcuts (F1)")
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.list_panel, 1)
        left_box.addWidget(self.finish_button)
        left_box.addWidget(self.help_button)
        self.coaching_panel = CoachingPanel(self.profile.unit.value)
        self.entry_panel = EntryPanel(scope)
        self.plan_panel = PlanPanel(scope)
        self.sets = SetTable(scope)
        self.footer = ExerciseFooter(scope)
        self.rest_timer = RestTimer(clock)
        self.stretch_card = StretchOffer(scope, clock)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.coaching_panel)
        right_box.addWidget(self.entry_panel)
        right_box.addWidget(self.plan_panel)
        right_box.addWidget(self.sets, 1)
        right_box.addWidget(self.footer)
        right_box.addWidget(self.stretch_card)
        self.work_scroll = ScrollColumn(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(pinned_below(self.work_scroll, self.rest_timer))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        self.work_panel = QWidget()
        QVBoxLayout(self.work_panel).addWidget(splitter)
        self.pages.addWidget(self.work_panel)
        self._expose_parts()
        self.list_panel.selected.connect(self.select_exercise)
        self.list_panel.message.connect(self.sets.say)
        self.list_panel.chosen.connect(self.entry_panel.focus_first_field)
        self.footer.message.connect(self.sets.say)
        self.footer.done.connect(self.done_with_exercise)
        self.entry_panel.rest_due.connect(self.rest_timer.start)
        self.entry_panel.queued.connect(self.sets.show_waiting)
        self.entry_panel.queued.connect(self.list_panel.show_waiting)
        self.entry_panel.superset_next.connect(self.next_in_superset)
        self.entry_panel.undone.connect(self._show_undone)
        self.entry_panel.rest_stop.connect(self.rest_timer.stop)
        for superset_action in (self.list_panel.superset_action, self.list_panel.ungroup_action):
            self.addAction(superset_action)  # the keys work from anywhere on the page
            superset_action.triggered.connect(self.entry_panel.focus_first_field)
        self.plan_panel.use_target.connect(self.entry_panel.fill_target)
        self.entry_panel.effort_hint.add_effort.connect(self.sets.edit_effort)
        self.stretch_card.recorded.connect(self.entry_panel.focus_first_field)
        self.stretch_card.recorded.connect(self._stretch_recorded)
        self.stretch_card.shown.connect(lambda: self.work_scroll.bring_into_view(self.stretch_card))
        self.finish_button.clicked.connect(self.finish_session)
        self.help_button.clicked.connect(self.show_shortcuts)

    def _expose_parts(self) -> None:
        """The widgets a user works with, by the names tests and the window reach them."""
        self.add_box = self.list_panel.add_box
        self.exercise_list = self.list_panel.exercise_list
        self.session_notes = self.list_panel.session_notes
        self.header = self.coaching_panel.header
        self.notice = self.coaching_panel.notice
        self.empty_hint = self.coaching_panel.empty_hint
        self.entry = self.entry_panel.entry
        self.set_table = self.sets.set_table
        self.set_model = self.sets.set_model
        self.table_message = self.sets.table_message
        self.exercise_notes = self.footer.exercise_notes
        self.rest_spin = self.footer.rest_spin
        self.done_button = self.footer.done_button

    def _build_actions(self) -> None:
        action = partial(add_shortcut, self)
        stack = self.undo_stack  # a failed Ctrl+Z leaves it where it was, and says why
        self.undo_action = action(
            QKeySequence.StandardKey.Undo, lambda: step(stack, False, self.sets.say)
        )
        self.redo_action = action("Ctrl+Shift+Z", lambda: step(stack, True, self.sets.say))
        action("Ctrl+K", self.focus_add_box)
        action("Ctrl+E", self.entry_panel.swap_order)
        action("Ctrl+T", self.plan_panel.fill_target)
        action("Ctrl+D", self.done_with_exercise)
        action("Alt+Up", lambda: self.list_panel.move_selected(-1))
        action("Alt+Down", lambda: self.list_panel.move_selected(1))
        action("Ctrl+N", self.start_session)
        action("Ctrl+Return", self.finish_session)
        action("F1", self.show_shortcuts)

    # -- what the page shows --------------------------------------------------------------

    def _load_library(self) -> None:
        self.exercises = {e.id: e for e in library.all_exercises(self.store, include_archived=True)}
        self.settings = profiles.settings(self.store, self.profile.id)

    def _changed(self) -> None:
        focus = QApplication.focusWidget()
        in_entry = focus is None or self.entry_panel.isAncestorOf(focus)
        self._load_library()
        if self.current is None:
            self.start_panel.fill_days()
            return
        self.refresh()
        if in_entry and self.guard.last_handler is not self:
            # After Ctrl+Z from the entry, carry on typing where the next set goes; after
            # the page's own edit the entry has already put the cursor where it belongs.
            self.entry_panel.focus_first_field()

    def refresh(self) -> None:
        """Reload the session from the database and hand every component the new view."""
        if self.current is None:
            return
        self.current = workout.get_session(self.store, self.current.id)
        ids = [e.id for e in self.current.exercises]
        if self.selected_id not in ids:
            self.selected_id = ids[-1] if ids else None
        exercise = self.selected_exercise()
        view = ExerciseView(self.current, self.settings, self.exercises)
        if exercise is not None:
            lib = self.exercises[exercise.exercise_id]
            coaching = workout.coaching(self.store, self.profile, self.current, exercise, lib)
            target = self.targets.get(exercise.exercise_id)
            plan = None
            if lib.laterality.per_side:
                plan = weak_side_plans.exercise_plan(
                    self.store,
                    self.profile.id,
                    lib.id,
                    target=target,
                    before=self.current.started_at,
                    exclude_session_id=self.current.id,
                )
            view = ExerciseView(
                self.current, self.settings, self.exercises, exercise, lib, coaching, target, plan
            )
        self.view = view
        for component in (
            self.list_panel,
            self.coaching_panel,
            self.entry_panel,
            self.plan_panel,
            self.sets,
            self.footer,
        ):
            component.show_view(view)

    def selected_exercise(self) -> SessionExercise | None:
        if self.current is None:
            return None
        return next((e for e in self.current.exercises if e.id == self.selected_id), None)

    def select_exercise(self, session_exercise_id: int) -> None:
        """Show another exercise of the session; the one left behind offers its stretch."""
        previous = self.selected_exercise()
        self.finishing = False
        self.finish_button.setText(FINISH)
        self.selected_id = session_exercise_id
        self.refresh()
        if previous is not None and previous.id != session_exercise_id and self.view:
            self.stretch_card.offer(self.view, previous)
        self.entry_panel.focus_first_field()

    def next_in_superset(self, session_exercise_id: int) -> None:
        """The next exercise of the superset's round; no stretch between its exercises."""
        self.selected_id = session_exercise_id
        self.refresh()
        self.entry_panel.focus_first_field()

    def _show_undone(self, session_exercise_id: int) -> None:
        self.selected_id = session_exercise_id  # the refresh an undo or redo brings shows it

    # -- sessions -------------------------------------------------------------------------

    def show_start(self) -> None:
        self.current = None
        self.undo_stack.clear()
        self.start_panel.fill_days()
        self.pages.setCurrentWidget(self.start_panel)
        self.start_button.setFocus()

    def start_session(self) -> None:
        if self.current is not None:
            return
        started = workout.start_session(self.store, self.profile.id)
        self.open_session(started.session)
        self.hub.publish(started, self)
        self.focus_add_box()

    def start_from_routine(self, day_id: int) -> None:
        if self.current is None:
            started = routines.start_session_from_day(self.store, self.profile.id, day_id)
            self.open_session(started.session)
            self.hub.publish(started, self)
            self.entry_panel.focus_first_field()

    def open_session(self, session: WorkoutSession) -> None:
        self.current = session
        self.targets = (
            routines.day_targets(self.store, session.routine_day_id)
            if session.routine_day_id is not None
            else {}
        )
        latest = max(
            (
                (s.record.logged_at, e.id)
                for e in session.exercises
                for s in e.sets
                if s.record.logged_at
            ),
            default=(None, session.exercises[0].id if session.exercises else None),
        )
        # Reopen on the exercise last logged, else (a day just started) on the first one.
        self.selected_id = latest[1]
        self.pages.setCurrentWidget(self.work_panel)
        self.refresh()

    def finish_session(self) -> None:
        """Ctrl+Return: the last exercise's stretch card first, when it is still to do;
        Done or Skip on it (or Ctrl+Return again) then finishes and shows the summary."""
        if self.current is None:
            return
        last = last_exercise(self.current, self.selected_id)
        lib = self.exercises.get(last.exercise_id) if last else None
        if not self.finishing and last is not None and stretch_due(last, lib, self.settings):
            if last.id != self.selected_id:
                self.selected_id = last.id
                self.refresh()
            if self.view is not None:
                self.finishing = True
                self.stretch_card.offer(self.view, last, force=True)
                self.finish_button.setText(FINISH_PAST_STRETCH)
                return
        self._finish_now()

    def _stretch_recorded(self) -> None:
        if self.finishing:
            self._finish_now()

    def _finish_now(self) -> None:
        assert self.current is not None
        self.finishing = False
        self.finish_button.setText(FINISH)
        session_id = self.current.id
        try:
            finished = workout.finish_session(self.store, session_id)
        except EvensideError as exc:
            QMessageBox.warning(self, "Session not finished", str(exc))
            return
        self.rest_timer.skip()
        self.stretch_card.hide()
        self.current = None
        self.undo_stack.clear()
        self.summary_view.show_summary(
            session_summary.summarise(self.store, session_id), self.profile
        )
        self.pages.setCurrentWidget(self.summary_view)
        self.hub.publish(finished, self)

    # -- exercises ------------------------------------------------------------------------

    def take_focus(self) -> None:
        """Where the keys go when the window shows this page afresh."""
        if self.current is None:
            self.start_button.setFocus()
        else:
            self.entry_panel.focus_first_field()

    def focus_add_box(self) -> None:
        if self.current is not None:
            self.list_panel.focus_add_box()

    def add_exercise(self, exercise_id: int) -> None:
        self.list_panel.add_exercise(exercise_id)
        self.entry_panel.focus_first_field()

    def done_with_exercise(self) -> None:
        exercise = self.selected_exercise()
        if exercise is not None and self.view is not None:
            self.stretch_card.offer(self.view, exercise, force=True)

    def show_shortcuts(self) -> None:
        self.shortcuts_box = shortcut_list(self)
