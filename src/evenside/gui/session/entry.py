"""The entry panel: one row per side in the order to do them (weak side first), pre-filled,
Enter logs. It owns the order and the pre-fill; it asks for rest after a set.

Pre-fill rule: an exercise newly shown is filled from its own sets (today's last on that
side, else last session's, else the routine's target reps) or left empty; never from
whatever was typed for the exercise shown before.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from evenside.domain.changes import Changes
from evenside.domain.entry import parse_set
from evenside.domain.errors import EvensideError, InvalidInput
from evenside.domain.sides import Side
from evenside.domain.supersets import next_in_round
from evenside.domain.training import LoggedSet, SessionExercise, SetRecord
from evenside.domain.volume_rule import VolumeRefused
from evenside.gui.session import studio_log
from evenside.gui.session.effort_hint import EffortHint
from evenside.gui.session.record_note import RecordNote
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.style import side_badge_html
from evenside.gui.undo import ServiceCommand
from evenside.gui.widgets.set_entry import SetEntryPanel
from evenside.services import records, sync, workout


def suggestion(view: ExerciseView, exercise: SessionExercise, side: Side) -> SetRecord | None:
    """This session's last set on the side, else last session's, else the target reps."""
    today = [s.record for s in exercise.sets if s.side is side and s.record.kind.counts]
    if today:
        return today[-1]
    last = view.coaching.last_time.get(side) if view.coaching else None
    if last:
        return last[0]
    if view.target is not None:  # no history yet: the routine's target reps
        return SetRecord(side, None, view.target.rep_low)
    return None


class EntryPanel(QWidget):
    rest_due = Signal(int, str)  # seconds, caption
    queued = Signal()  # a set went to the studio outbox (the server cannot be reached)
    superset_next = Signal(int)  # the session exercise to go to within a superset's round
    undone = Signal(int)  # an undo or redo changed a set of this session exercise: show it
    rest_stop = Signal()  # the set whose log started the running rest was undone

    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.entry = SetEntryPanel()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.entry)
        self.effort_hint = EffortHint()
        box.addWidget(self.effort_hint)
        self.record_note = RecordNote()
        box.addWidget(self.record_note)
        self.view: ExerciseView | None = None
        self.order: list[Side] = []
        self.swapped = False
        self._shown_id: int | None = None
        self.refused: Side | None = None  # the side whose set the volume rule refused
        self.rest_set_id: int | None = None  # the set whose log asked for the last rest
        self.entry.submitted.connect(self.log)
        self.entry.log_anyway_requested.connect(self.log_anyway)
        self.entry.swap_button.clicked.connect(self.swap_order)
        # One keystroke past the volume rule; only while a refusal is on screen.
        anyway = add_shortcut(self, "Ctrl+Shift+Return", self.log_anyway)
        anyway.setShortcuts([QKeySequence("Ctrl+Shift+Return"), QKeySequence("Ctrl+Shift+Enter")])

    def show_view(self, view: ExerciseView) -> None:
        self.view = view
        self.refused = None  # the rows are laid out afresh, their messages cleared
        exercise = view.exercise
        self.setVisible(exercise is not None)
        self.effort_hint.show_exercise(exercise)
        self.record_note.show_view(view)
        if exercise is None:
            self._shown_id = None
            return
        fresh = exercise.id != self._shown_id
        if fresh:
            self.swapped = False
        self._arrange(view)
        if fresh:
            for side in self.order:
                self.entry.row(side).fill(suggestion(view, exercise, side), self.scope.profile.unit)
                self.entry.row(side).rpe.clear()
        self._shown_id = exercise.id

    def _prompt(self, view: ExerciseView) -> str:
        assert view.coaching is not None and view.coaching.weak is not None
        weak = view.coaching.weak.side if view.settings.weak_side_first else Side.LEFT
        reason = view.coaching.weak.prompt.replace(
            f"Start with {weak.letter}", f"Start with {side_badge_html(weak)}"
        )
        if not view.settings.weak_side_first:
            reason = "Weak side first is off in Settings: left, then right."
        if self.swapped:
            reason += f" <i>(this set: {side_badge_html(self.order[0])} first)</i>"
        return reason

    def _arrange(self, view: ExerciseView) -> None:
        lib, coaching, unit = view.lib, view.coaching, self.scope.profile.unit
        assert lib is not None
        if not lib.laterality.per_side or coaching is None or coaching.weak is None:
            self.order = [Side.BOTH]
            self.entry.prompt.setText("Bilateral: both sides together, logged as one set.")
        else:
            weak = coaching.weak.side if view.settings.weak_side_first else Side.LEFT
            order = [weak, weak.opposite()]
            self.order = order[::-1] if self.swapped else order
            self.entry.prompt.setText(self._prompt(view))
        marker = {self.order[0]: "first"} if len(self.order) == 2 else {}
        # "weaker" only where the verdict has evidence; otherwise the side is just first.
        if coaching and coaching.weak and coaching.weak.weaker and len(self.order) == 2:
            weak_side = coaching.weak.side
            marker[weak_side] = "weaker" + (", first" if self.order[0] is weak_side else "")
        self.entry.set_order(self.order)
        for side in self.order:
            row = self.entry.row(side)
            row.configure(lib.load_basis, unit, marker.get(side, ""), reps_or_time=lib.reps_or_time)
            row.last_time.setText(self._last_time(side, coaching))

    def _last_time(self, side: Side, coaching: workout.Coaching | None) -> str:
        last = coaching.last_time.get(side) if coaching else None
        if last:
            return f"Last time: {workout.describe_sets(last, self.scope.profile)}"
        # A file that never said the sides: the session was there, its sides are not known.
        both = coaching.last_time.get(Side.BOTH, ()) if coaching and side is not Side.BOTH else ()
        unsided = tuple(s for s in both if s.sides_unrecorded)
        if unsided:
            done = workout.describe_sets(unsided, self.scope.profile)
            return f"Last time, sides not recorded: {done}"
        return "No earlier session"

    def fill_target(self, record: SetRecord) -> None:
        """Put a suggested set (the weak-side plan's target) in its side's row, ready to log."""
        if record.side in self.order:
            row = self.entry.row(record.side)
            row.fill(record, self.scope.profile.unit)
            row.first_field().setFocus()
            row.first_field().selectAll()

    def due_side(self) -> Side | None:
        exercise = self.view.exercise if self.view else None
        if exercise is None or not self.order:
            return None
        if len(self.order) == 1:
            return self.order[0]
        first, second = self.order
        count = {side: sum(1 for s in exercise.sets if s.side is side) for side in self.order}
        return second if count[first] > count[second] else first

    def focus_first_field(self) -> None:
        side = self.due_side()
        if side is not None:
            field = self.entry.row(side).first_field()
            field.setFocus()
            field.selectAll()

    def swap_order(self) -> None:
        if self.view is None or self.view.exercise is None or len(self.order) != 2:
            return
        self.swapped = not self.swapped
        self._arrange(self.view)
        self.focus_first_field()

    # -- logging --------------------------------------------------------------------------

    def log_anyway(self, side: Side | None = None) -> None:
        """Log the refused set as it stands now, past the volume rule (recorded as such)."""
        chosen = side if isinstance(side, Side) else self.refused
        if chosen is not None and chosen is self.refused:
            self.log(chosen, anyway=True)

    def log(self, side: Side, anyway: bool = False) -> None:
        view = self.view
        if view is None or view.exercise is None or view.lib is None:
            return
        exercise, scope, row = view.exercise, self.scope, self.entry.row(side)
        # Ctrl+E (the other side first, for this set) is itself the choice to go past the
        # rule with that set; the service records it only if the set did go past.
        anyway = anyway or (self.swapped and len(self.order) == 2 and side is self.order[0])
        try:
            record = parse_set(
                row.entry(),
                side=side,
                kind=self.entry.set_kind(),
                unit=scope.profile.unit,
                load_basis=view.lib.load_basis,
                reps_or_time=view.lib.reps_or_time,
            )
            logged = studio_log.log_set(scope, self, exercise, record, anyway, name=view.lib.name)
        except VolumeRefused as exc:
            self.refused = side
            row.show_refusal(str(exc), "duration" if view.lib.load_basis.timed else "reps")
            return
        except InvalidInput as exc:
            row.show_error(str(exc), exc.field)
            return
        except EvensideError as exc:  # disk full, locked: not saved, and said so
            row.show_error(f"Not saved: {exc}", None)
            return
        self.refused = None
        row.clear_error()
        row.rpe.clear()
        if isinstance(logged, sync.QueuedUndo):  # in the studio outbox, waiting to send
            text = f"log {side.letter} set"
            scope.undo_stack.push(
                studio_log.undo_command(scope, self, logged, text, self.queued.emit)
            )
            self.queued.emit()
            self._after_log(side, record)
            return
        stored = LoggedSet(logged.id, logged.logged.position, logged.logged.record)

        def relog() -> Changes:  # a redo brings the set back, and its record line with it
            changes = workout.restore_set(scope.store, exercise.id, stored)
            self.undone.emit(exercise.id)
            self._announce_record(exercise, stored)
            return changes

        def unlog() -> Changes:  # shown where the set was; a rest it started stops
            changes = workout.delete_set(scope.store, stored.id).changes
            self.undone.emit(exercise.id)
            if self.rest_set_id == stored.id:
                self.rest_stop.emit()
            return changes

        scope.undo_stack.push(ServiceCommand(f"log {side.letter} set", relog, unlog, scope.hub))
        self._announce_record(exercise, stored)
        self.effort_hint.after_log(exercise.id, record, view.lib.laterality.per_side)
        if self._after_log(side, record):
            self.rest_set_id = stored.id
        scope.hub.publish(logged, scope.handler)

    def _announce_record(self, exercise: SessionExercise, stored: LoggedSet) -> None:
        view, scope = self.view, self.scope
        assert view is not None
        beaten = records.beaten_by(
            scope.store,
            scope.profile.id,
            exercise.exercise_id,
            stored.id,
            stored.record,
            formula=view.settings.e1rm_formula,
        )
        name = view.library[exercise.exercise_id].name
        self.record_note.announce(stored.id, beaten, scope.profile.unit, (exercise.id, name))

    def _after_log(self, side: Side, record: SetRecord) -> bool:
        """Focus where the next set goes; True when a rest was asked for."""
        view = self.view
        assert view is not None and view.lib is not None and view.exercise is not None
        settings, lib = view.settings, view.lib
        following, round_over = next_in_round(view.session.exercises, view.exercise.id)
        if len(self.order) == 2 and side is self.order[0]:
            other = self.entry.row(self.order[1])
            other.fill(record, self.scope.profile.unit)  # the strong side matches the weak
            other.first_field().setFocus()
            other.first_field().selectAll()
            rest = settings.rest_between_sides_seconds
            caption = f"Rest, then {self.order[1].letter}"
            if following is not None:
                return False  # in a superset the timer runs after the round only
        else:
            if self.swapped:
                self.swapped = False
                self._arrange(view)
            first = self.entry.row(self.order[0])
            first.first_field().setFocus()
            first.first_field().selectAll()
            target = view.target
            rest = (
                target.rest_seconds
                if target is not None and target.rest_seconds is not None
                else lib.rest_seconds or settings.rest_between_sets_seconds
            )
            caption = "Rest before the next set"
            if following is not None:
                caption = "Round done: rest"
                self.superset_next.emit(following.id)  # a set of each, in turn
            if not round_over:
                return False  # the rest comes after the round
        if settings.rest_timer_enabled:
            self.rest_due.emit(rest, caption)
        return settings.rest_timer_enabled
