"""Undo for the pages: each change is a command over the services.

A command's first redo is the change the page already made (so a set is saved, and shown
saved, before the command exists); later redos and undos call the services again and
publish what they changed through the hub, like any other write, so every page concerned
refreshes, not only the one holding the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from evenside.domain.changes import Changes
from evenside.gui.changes import ChangeHub


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        redo: Callable[[], Changes],
        undo: Callable[[], Changes],
        hub: ChangeHub,
        handler: object | None = None,
    ) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._hub = hub
        self._handler = handler
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._hub.publish(self._redo(), self._handler)

    def undo(self) -> None:
        self._hub.publish(self._undo(), self._handler)
