"""The one place the screens learn that data changed (after Anki's ``operation_did_execute``).

A screen that writes passes the ``Changes`` its use case returned to ``ChangeHub.publish``,
naming itself as the handler; the hub emits ``changed(changes, handler)`` and every page
refreshes what concerns it. A page may skip its own edits when it already shows them. A
hidden page only marks itself stale and refreshes when it is shown again (``StaleGuard``).
Undo and redo publish through the same hub (see ``gui/undo.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from evenside.domain.changes import Changes


class HasChanges(Protocol):
    @property
    def changes(self) -> Changes: ...


class ChangeHub(QObject):
    """Emits what each write changed, and which object made the change."""

    changed = Signal(object, object)  # Changes, handler (the object that made the change)

    def publish(self, result: Changes | HasChanges, handler: object | None = None) -> None:
        changes = result if isinstance(result, Changes) else result.changes
        if changes:
            self.changed.emit(changes, handler)


class StaleGuard(QObject):
    """Refreshes ``widget`` on changes that concern it: at once if it is visible, else the
    next time it is shown. Edits made by ``widget`` itself (the handler) are skipped when
    ``skip_own`` is set, because the widget already shows them."""

    def __init__(
        self,
        widget: QWidget,
        hub: ChangeHub,
        concerns: Callable[[Changes], bool],
        refresh: Callable[[], object],
        *,
        skip_own: bool = False,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._concerns = concerns
        self._refresh = refresh
        self._skip_own = skip_own
        self.stale = False
        self.last_handler: object | None = None  # who made the change being refreshed
        hub.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, changes: Changes, handler: object) -> None:
        if not self._concerns(changes):
            return
        if self._skip_own and handler is self._widget:
            return
        self.last_handler = handler
        if self._widget.isVisible():
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.last_handler = None
            self._refresh()
        return False
