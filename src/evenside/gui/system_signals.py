"""SIGTERM (logout, shutdown, `kill`) and SIGINT (Ctrl+C in a terminal) close the window
through its normal close path, so the daily backup runs and the window state is kept.

Python runs a signal handler only when the interpreter gets control, which it does not
while Qt's event loop waits; so the handler does nothing itself, and the signal number,
written by Python to a socket (``signal.set_wakeup_fd``), wakes the event loop instead."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

HANDLED = (signal.SIGTERM, signal.SIGINT)


class SystemSignals(QObject):
    """While installed, ``on_signal(number)`` runs on the GUI thread for each signal."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _noted) for number in HANDLED}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._received)

    def _received(self) -> None:
        try:
            numbers = self._read.recv(64)
        except BlockingIOError:
            return
        for number in numbers:
            self._on_signal(number)

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()


def _noted(_number: int, _frame: object) -> None:
    """Python has already written the number to the wakeup socket; nothing else to do."""
