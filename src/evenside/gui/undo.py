"""Undo for the pages: each change is a command over the services.

A command's first redo is the change the page already made (so a set is saved, and shown
saved, before the command exists); later redos and undos call the services again and
publish what they changed through the hub, like any other write, so every page concerned
refreshes, not only the one holding the undo stack.

A known error in an undo or redo (the server away, the set gone) changes nothing: through
``step`` the stack is put back where it was and the reason said in one line, so the next
Ctrl+Z undoes the same change again instead of skipping it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.gui.changes import ChangeHub

_quiet = False  # inside ``step``: a failure is said by the caller, not by the crash handler


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
        self._skip = True  # the first redo: the change is made already
        self.failure = ""  # why the last undo or redo changed nothing

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._undo)

    def _run(self, change: Callable[[], Changes]) -> None:
        self.failure = ""
        try:
            changes = change()
        except EvensideError as exc:
            self.failure = str(exc)
            if not _quiet:
                sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self._hub.publish(changes, self._handler)

    def put_back(self, stack: QUndoStack, index: int) -> None:
        """Move ``stack`` back to ``index`` without running this command again."""
        self._skip = True
        stack.setIndex(index)
        self._skip = False


def step(stack: QUndoStack, forward: bool, say: Callable[[str], None]) -> None:
    """Ctrl+Z (or, ``forward``, redo) on ``stack``; a change that fails leaves the stack
    where it was and ``say``s why in one line."""
    global _quiet  # noqa: PLW0603 - one GUI thread; set only for the call below
    index = stack.index()
    target = index + 1 if forward else index - 1
    if not 0 <= target <= stack.count():
        return
    command = stack.command(index if forward else target)
    _quiet = True
    try:
        stack.redo() if forward else stack.undo()
    finally:
        _quiet = False
    if isinstance(command, ServiceCommand) and command.failure:
        command.put_back(stack, index)
        done = "Not redone" if forward else "Not undone"
        say(f"{done}: {command.failure}")
