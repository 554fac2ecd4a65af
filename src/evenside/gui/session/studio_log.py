"""Logging a set from the Session page on a studio server: when the server cannot be
reached the set is kept in the outbox (already on this laptop's disk) and the status bar
says it is waiting to send; on a database file it is ``workout.log_set`` as always."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from evenside.domain.training import SetRecord
from evenside.gui.session.view import Scope
from evenside.services import studio_link, sync, workout

KEPT = "Set saved on this laptop, waiting to send."


def log_set(
    scope: Scope, widget: QWidget, session_exercise_id: int, record: SetRecord, anyway: bool
) -> workout.SetLogged | None:
    """The logged set, or None when it went to the outbox (the window says so)."""
    outbox = studio_link.outbox_for(scope.store, scope.profile.id)
    if outbox is None:
        return workout.log_set(
            scope.store, session_exercise_id, record, check_volume=True, log_anyway=anyway
        )
    result = sync.log_or_queue(
        scope.store, outbox, session_exercise_id, record, check_volume=True, log_anyway=anyway
    )
    if isinstance(result, workout.SetLogged):
        return result
    window = widget.window()
    status = getattr(window, "studio_status", None)
    if status is not None:
        status.note_queued()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(KEPT, 8000)
    return None
