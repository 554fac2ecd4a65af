"""The stretch card after an exercise: offered once per exercise when moving on (or on
request), recorded as done or skipped, undone with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Signal

from evenside.domain.sides import Side
from evenside.domain.training import SessionExercise, StretchStatus
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.undo import ServiceCommand
from evenside.gui.widgets.clock import Clock
from evenside.gui.widgets.stretch_card import StretchCard
from evenside.services import workout


class StretchOffer(StretchCard):
    recorded = Signal()  # done or skipped: logging carries on

    def __init__(self, scope: Scope, clock: Clock) -> None:
        super().__init__(clock)
        self.scope = scope
        self.offered: set[int] = set()
        self.done.connect(lambda i: self.record(i, StretchStatus.DONE))
        self.skipped.connect(lambda i: self.record(i, StretchStatus.SKIPPED))

    def offer(self, view: ExerciseView, exercise: SessionExercise, force: bool = False) -> None:
        """Show the stretches of ``exercise`` if it was worked and not offered yet."""
        lib = view.library[exercise.exercise_id]
        worked = any(s.record.kind.counts for s in exercise.sets)
        if not force and (
            not view.settings.stretch_reminders
            or not worked
            or exercise.stretch_status is not StretchStatus.PENDING
            or exercise.id in self.offered
        ):
            return
        if not lib.stretches:
            return
        self.offered.add(exercise.id)
        weak = view.coaching.weak if view.coaching else None
        first = exercise.first_side or (weak.side if weak else Side.LEFT)
        self.show_for(
            exercise.id, lib.name, lib.stretches, first, view.settings.stretch_repetitions
        )

    def record(self, session_exercise_id: int, status: StretchStatus) -> None:
        scope = self.scope
        changes = workout.record_stretch(scope.store, session_exercise_id, status)
        scope.undo_stack.push(
            ServiceCommand(
                f"stretch {status.value}",
                lambda: workout.record_stretch(scope.store, session_exercise_id, status),
                lambda: workout.record_stretch(
                    scope.store, session_exercise_id, StretchStatus.PENDING
                ),
                scope.hub,
            )
        )
        scope.hub.publish(changes, scope.handler)
        self.recorded.emit()
