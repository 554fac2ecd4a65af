"""Finishing a session: which exercise was last, and whether its stretch is still to do
(the card comes before the summary)."""

from __future__ import annotations

from evenside.domain.library import Exercise
from evenside.domain.profile import Settings
from evenside.domain.training import SessionExercise, StretchStatus, WorkoutSession

FINISH = "F&inish session"
# While the last stretch card is up: Done or Skip on the card finishes, and so does this.
FINISH_PAST_STRETCH = "F&inish, no stretch (Ctrl+Return)"


def last_exercise(current: WorkoutSession, selected_id: int | None) -> SessionExercise | None:
    """The exercise of the most recent set (the newer row when two share a time), else the
    one shown."""
    stamped = [
        (s.record.logged_at, s.id, e)
        for e in current.exercises
        for s in e.sets
        if s.record.logged_at is not None
    ]
    if stamped:
        return max(stamped, key=lambda found: (found[0], found[1]))[2]
    return next((e for e in current.exercises if e.id == selected_id), None)


def stretch_due(exercise: SessionExercise, lib: Exercise | None, settings: Settings) -> bool:
    """Worked, with stretches, neither done nor skipped, and reminders on."""
    return (
        settings.stretch_reminders
        and lib is not None
        and bool(lib.stretches)
        and exercise.stretch_status is StretchStatus.PENDING
        and any(s.record.kind.counts for s in exercise.sets)
    )
