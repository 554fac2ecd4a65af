"""Logging a set from the Session page on a studio server: when the server cannot be
reached the set is kept in the outbox (already on this laptop's disk) and the status bar
says it is waiting to send; on a database file it is ``workout.log_set`` as always."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QWidget

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.training import SessionExercise, SetRecord
from evenside.gui.session.view import Scope
from evenside.gui.undo import ServiceCommand
from evenside.services import studio_link, sync, workout

KEPT = "Set saved on this laptop, waiting to send."


def log_set(
    scope: Scope,
    widget: QWidget,
    exercise: SessionExercise,
    record: SetRecord,
    anyway: bool,
    *,
    name: str = "",
) -> workout.SetLogged | sync.QueuedUndo:
    """The logged set, or, when it went to the outbox (the window says so), its undo."""
    outbox = studio_link.outbox_for(scope.store, scope.profile.id)
    if outbox is None:
        return workout.log_set(
            scope.store, exercise.id, record, check_volume=True, log_anyway=anyway
        )
    result = sync.log_or_queue(
        scope.store,
        outbox,
        exercise.id,
        record,
        check_volume=True,
        log_anyway=anyway,
        exercise=name,
        exercise_id=exercise.exercise_id,
    )
    if isinstance(result, workout.SetLogged):
        return result
    window = widget.window()
    status = getattr(window, "studio_status", None)
    if status is not None:
        status.note_queued()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(KEPT, 8000)
    return sync.QueuedUndo(scope.store, outbox, result.queued)


def undo_command(
    scope: Scope, widget: QWidget, kept: sync.QueuedUndo, text: str, shown: Callable[[], None]
) -> ServiceCommand:
    """Ctrl+Z of a set that went to the outbox. While it waits, undo and redo change only
    this laptop's outbox: the table is shown again from it (``shown``) and the status bar
    recounts, without asking the server (which may be away)."""

    def run(change: Callable[[], Changes]) -> Changes:
        changes = change()
        if not kept.local:
            return changes
        shown()
        status = getattr(widget.window(), "studio_status", None)
        if status is not None:
            status.recount()
        return NOTHING

    return ServiceCommand(text, lambda: run(kept.redo), lambda: run(kept.undo), scope.hub)
