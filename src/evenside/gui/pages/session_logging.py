"""Logging sets on the Session page: order of sides, pre-fill, undo, rest and stretches."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from evenside.domain.entry import parse_set
from evenside.domain.errors import EvensideError, InvalidInput
from evenside.domain.library import Exercise, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import LoggedSet, SessionExercise, SetRecord, StretchStatus
from evenside.gui.style import side_badge_html
from evenside.gui.undo import ServiceCommand
from evenside.services import workout

if TYPE_CHECKING:
    from evenside.gui.pages.session import SessionPage

LOAD_HINTS = {
    LoadBasis.PER_HAND: "weight of one dumbbell or kettlebell",
    LoadBasis.PER_SIDE: "load on the working side",
    LoadBasis.TOTAL: "bar and plates together",
    LoadBasis.BODYWEIGHT_PLUS: "added load; 0 for bodyweight",
    LoadBasis.TIME: "time held",
}


class _SetId:
    """The current row id of a set whose command may re-create it (ids change on redo)."""

    def __init__(self, value: int) -> None:
        self.value = value


class SetLogger(QObject):
    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.order: list[Side] = []
        self.swapped = False
        self.coaching: workout.Coaching | None = None
        self.offered: set[int] = set()
        self._shown_id: int | None = None
        page.entry.submitted.connect(self.log)
        page.entry.swap_button.clicked.connect(self.swap_order)
        # Queued: the model is reset after an edit, which must not happen inside setData.
        page.set_model.edit_requested.connect(self.edit_set, Qt.ConnectionType.QueuedConnection)
        page.set_model.edit_refused.connect(page.table_message.setText)

    # -- showing an exercise --------------------------------------------------------------

    def show_exercise(self, exercise: SessionExercise | None) -> None:
        page = self.page
        has = exercise is not None and page.current is not None
        page.entry.setVisible(has)
        page.empty_hint.setVisible(not has)
        page.done_button.setEnabled(has)
        page.exercise_notes.setEnabled(has)
        if exercise is None or page.current is None:
            page.header.setText("<h2>No exercise yet</h2>")
            page.set_model.set_sets([], page.profile.unit, LoadBasis.TOTAL)
            page.notice.hide()
            self._shown_id = None
            return
        lib = page.exercises[exercise.exercise_id]
        fresh = exercise.id != self._shown_id
        if fresh:
            self.swapped = False
        self.coaching = workout.coaching(page.store, page.profile, page.current, exercise, lib)
        target = page.targets.get(exercise.exercise_id)
        target_text = ""
        if target is not None:
            rest = lib.rest_seconds or page.settings.rest_between_sets_seconds
            target_text = f" · <b>Target: {escape(target.target_text(rest))}</b>"
        page.header.setText(
            f"<h2>{escape(lib.name)}</h2><small>{lib.laterality.value.capitalize()} · weight "
            f"means {escape(LOAD_HINTS[lib.load_basis])} ({page.profile.unit.value})"
            f"{target_text}</small>"
        )
        self._arrange(exercise, lib)
        if fresh:
            for side in self.order:
                page.entry.row(side).fill(self._suggest(exercise, side), page.profile.unit)
        notice = self.coaching.notice()
        page.notice.setText(f"Strong side ahead: {notice}. Match the weak side." if notice else "")
        page.notice.setVisible(bool(notice))
        page.set_model.set_sets(list(exercise.sets), page.profile.unit, lib.load_basis)
        page.set_table.scrollToBottom()
        page.exercise_notes.setText(exercise.notes)
        page.rest_spin.setValue(lib.rest_seconds or 0)
        page.table_message.clear()
        self._shown_id = exercise.id

    def _arrange(self, exercise: SessionExercise, lib: Exercise) -> None:
        page = self.page
        coaching = self.coaching
        if not lib.laterality.per_side or coaching is None or coaching.weak is None:
            self.order = [Side.BOTH]
            page.entry.prompt.setText("Bilateral: both sides together, logged as one set.")
        else:
            weak = coaching.weak.side if page.settings.weak_side_first else Side.LEFT
            order = [weak, weak.opposite()]
            self.order = order[::-1] if self.swapped else order
            reason = coaching.weak.prompt.replace(
                f"Start with {weak.letter}", f"Start with {side_badge_html(weak)}"
            )
            if not page.settings.weak_side_first:
                reason = "Weak side first is off in Settings: left, then right."
            if self.swapped:
                reason += f" <i>(this set: {side_badge_html(self.order[0])} first)</i>"
            page.entry.prompt.setText(reason)
        marker = {self.order[0]: "first"} if len(self.order) == 2 else {}
        # "weaker" only where the verdict has evidence; otherwise the side is just first.
        if coaching and coaching.weak and coaching.weak.weaker and len(self.order) == 2:
            marker[coaching.weak.side] = "weaker" + (
                ", first" if self.order[0] is coaching.weak.side else ""
            )
        page.entry.set_order(self.order)
        for side in self.order:
            row = page.entry.row(side)
            row.configure(lib.load_basis, page.profile.unit, marker.get(side, ""))
            last = coaching.last_time.get(side) if coaching else None
            row.last_time.setText(
                f"Last time: {workout.describe_sets(last, page.profile)}"
                if last
                else "No earlier session"
            )

    def _suggest(self, exercise: SessionExercise, side: Side) -> SetRecord | None:
        """Pre-fill: this session's last set on the side, else last session's matching set."""
        today = [s.record for s in exercise.sets if s.side is side and s.record.kind.counts]
        if today:
            return today[-1]
        last = self.coaching.last_time.get(side) if self.coaching else None
        if last:
            return last[0]
        target = self.page.targets.get(exercise.exercise_id)
        if target is not None:  # no history yet: the routine's target reps
            return SetRecord(side, None, target.rep_low)
        return None

    def due_side(self, exercise: SessionExercise) -> Side:
        if len(self.order) == 1:
            return self.order[0]
        first, second = self.order
        count = {side: sum(1 for s in exercise.sets if s.side is side) for side in self.order}
        return second if count[first] > count[second] else first

    def focus_first_field(self) -> None:
        exercise = self.page.selected_exercise()
        if exercise is not None and self.order:
            field = self.page.entry.row(self.due_side(exercise)).first_field()
            field.setFocus()
            field.selectAll()

    def swap_order(self) -> None:
        exercise = self.page.selected_exercise()
        if exercise is None or len(self.order) != 2:
            return
        self.swapped = not self.swapped
        self._arrange(exercise, self.page.exercises[exercise.exercise_id])
        self.focus_first_field()

    # -- logging --------------------------------------------------------------------------

    def log(self, side: Side) -> None:
        page = self.page
        exercise = page.selected_exercise()
        if exercise is None:
            return
        lib = page.exercises[exercise.exercise_id]
        row = page.entry.row(side)
        try:
            record = parse_set(
                row.entry(),
                side=side,
                kind=page.entry.set_kind(),
                unit=page.profile.unit,
                load_basis=lib.load_basis,
            )
            weak = self.coaching.weak.side if self.coaching and self.coaching.weak else None
            logged = workout.log_set(
                page.store, exercise.id, record, settings=page.settings, weak=weak
            )
        except InvalidInput as exc:
            row.show_error(str(exc), exc.field)
            return
        except EvensideError as exc:  # disk full, locked: not saved, and said so
            row.show_error(f"Not saved: {exc}", None)
            return
        row.clear_error()
        row.rpe.clear()
        holder = _SetId(logged.id)
        position = logged.position
        stored = logged.record

        def redo() -> None:
            holder.value = workout.restore_set(
                page.store, exercise.id, LoggedSet(holder.value, position, stored)
            ).id

        def undo() -> None:
            workout.delete_set(page.store, holder.value)

        page.undo_stack.push(ServiceCommand(f"log {side.letter} set", redo, undo))
        self._after_log(side, logged.record, lib)

    def _after_log(self, side: Side, record: SetRecord, lib: Exercise) -> None:
        page = self.page
        settings = page.settings
        if len(self.order) == 2 and side is self.order[0]:
            other = page.entry.row(self.order[1])
            other.fill(record, page.profile.unit)  # the strong side matches the weak side
            other.first_field().setFocus()
            other.first_field().selectAll()
            rest, caption = (
                settings.rest_between_sides_seconds,
                f"Rest, then {self.order[1].letter}",
            )
        else:
            if self.swapped:
                self.swapped = False
                exercise = page.selected_exercise()
                if exercise is not None:
                    self._arrange(exercise, lib)
            first = page.entry.row(self.order[0])
            first.first_field().setFocus()
            first.first_field().selectAll()
            target = page.targets.get(lib.id)
            rest = (
                target.rest_seconds
                if target is not None and target.rest_seconds is not None
                else lib.rest_seconds or settings.rest_between_sets_seconds
            )
            caption = "Rest before the next set"
        if settings.rest_timer_enabled:
            page.rest_timer.start(rest, caption)

    def edit_set(self, set_id: int, record: SetRecord) -> None:
        page = self.page
        exercise = page.selected_exercise()
        if exercise is None:
            return
        old = next(s.record for s in exercise.sets if s.id == set_id)
        try:
            workout.update_set(page.store, set_id, record)
        except EvensideError as exc:
            page.table_message.setText(f"Not saved: {exc}")
            return
        page.undo_stack.push(
            ServiceCommand(
                "edit set",
                lambda: workout.update_set(page.store, set_id, record),
                lambda: workout.update_set(page.store, set_id, old),
            )
        )

    def delete_selected_set(self) -> None:
        page = self.page
        exercise = page.selected_exercise()
        rows = page.set_table.selectionModel().selectedRows()
        if exercise is None or not rows:
            return
        logged = page.set_model.logged(rows[0].row())
        holder = _SetId(logged.id)
        workout.delete_set(page.store, logged.id)

        def redo() -> None:
            workout.delete_set(page.store, holder.value)

        def undo() -> None:
            holder.value = workout.restore_set(
                page.store, exercise.id, LoggedSet(holder.value, logged.position, logged.record)
            ).id

        page.undo_stack.push(ServiceCommand("delete set", redo, undo))
        page.table_message.setText("Set deleted: Ctrl+Z brings it back.")

    def remove_exercise(self, exercise: SessionExercise | None) -> None:
        page = self.page
        if exercise is None:
            return
        name = page.exercises[exercise.exercise_id].name
        if exercise.sets:
            answer = QMessageBox.question(
                page,
                "Remove exercise",
                f"Remove {name} and its {len(exercise.sets)} sets from this session? "
                "Ctrl+Z brings it back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        removed = workout.remove_exercise(page.store, exercise.id)
        holder = _SetId(exercise.id)

        def redo() -> None:
            workout.remove_exercise(page.store, holder.value)

        def undo() -> None:
            holder.value = workout.restore_exercise(page.store, removed)

        page.undo_stack.push(ServiceCommand(f"remove {name}", redo, undo))

    # -- stretches ------------------------------------------------------------------------

    def offer_stretch(self, exercise: SessionExercise, force: bool = False) -> None:
        page = self.page
        lib = page.exercises[exercise.exercise_id]
        worked = any(s.record.kind.counts for s in exercise.sets)
        if not force and (
            not page.settings.stretch_reminders
            or not worked
            or exercise.stretch_status is not StretchStatus.PENDING
            or exercise.id in self.offered
        ):
            return
        if not lib.stretches:
            return
        self.offered.add(exercise.id)
        first = exercise.first_side or (
            self.coaching.weak.side if self.coaching and self.coaching.weak else Side.LEFT
        )
        page.stretch_card.show_for(exercise.id, lib.name, lib.stretches, first)

    def record_stretch(self, session_exercise_id: int, status: StretchStatus) -> None:
        page = self.page
        workout.record_stretch(page.store, session_exercise_id, status)
        page.undo_stack.push(
            ServiceCommand(
                f"stretch {status.value}",
                lambda: workout.record_stretch(page.store, session_exercise_id, status),
                lambda: workout.record_stretch(
                    page.store, session_exercise_id, StretchStatus.PENDING
                ),
            )
        )
        self.focus_first_field()
