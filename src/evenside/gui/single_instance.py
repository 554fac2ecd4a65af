"""One window per database file: a second launch on the same file (by any path) asks the
first to come to the front and exits. The window also holds the file's lock (see
``open_store(exclusive=True)``), which whole-file commands respect. A server left behind
by a crash is removed, so it never blocks a start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
MESSAGE = b"raise\n"


def server_name(db_path: Path) -> str:
    """Named after the file's identity (device and inode), so a hard link or another path
    to the same database finds the window that has it open."""
    from evenside.services.store import database_identity

    identity = database_identity(db_path)
    digest = hashlib.sha1(identity.encode(), usedforsecurity=False).hexdigest()
    return f"evenside-{digest[:16]}"


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.name = server_name(db_path)
        self.server: QLocalServer | None = None

    def tell_running(self) -> bool:
        """If another Evenside has this database open, ask it to come forward: True."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def claim(self) -> bool:
        """Become the instance for this database; False if another one already is."""
        if self.tell_running():
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed instance
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            return True  # no way to listen: run anyway rather than refuse to start
        self.server.newConnection.connect(self._connected)
        return True

    def _connected(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.raise_requested.emit()
        socket.disconnectFromServer()
