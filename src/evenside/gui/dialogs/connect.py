"""File → Connect to a studio server…: host, port, database and trainer name; the password
is typed here (and kept only in the OS keyring if asked), or left empty to use the
keyring's or PostgreSQL's PGPASSFILE. Evenside never writes it to a file. The connection is
made off the GUI thread: the dialog says "Connecting to <server>…" and Cancel works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evenside.gui.pages.connecting import connecting_text
from evenside.gui.studio_connect import Attempt, limit_text
from evenside.gui.style import ERROR_STYLE
from evenside.services import studio_link

if TYPE_CHECKING:
    from evenside.services.store import Store

DEFAULT_PORT = 5432


class ConnectDialog(QDialog):
    connected = Signal(object)  # the Store opened on the server

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to a studio server")
        self.setMinimumWidth(440)
        self.host = QLineEdit()
        self.host.setPlaceholderText("studio-server.local")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("evenside")
        self.trainer = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: the keyring's or PGPASSFILE's")
        self.remember = QCheckBox("&Remember the password in the system keyring")
        if not studio_link.keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip("No system keyring here (install the keyring package)")
        form = QFormLayout()
        form.addRow("&Server:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Trainer:", self.trainer)
        form.addRow("Pass&word:", self.password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QLabel()
        self.progress.setObjectName("connecting")
        self.progress.setWordWrap(True)
        self.progress.hide()
        self.attempt: Attempt | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Connect")
        self.buttons.accepted.connect(self.connect_now)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.host.setFocus()

    def url(self) -> str:
        """The server's address, without the password."""
        return studio_link.server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.trainer.text().strip(),
        )

    def _missing(self) -> QLineEdit | None:
        return next(
            (f for f in (self.host, self.database, self.trainer) if not f.text().strip()), None
        )

    def connect_now(self) -> None:
        """Connect off the GUI thread: the dialog says "Connecting to <server>…" and its
        Cancel works meanwhile."""
        missing = self._missing()
        if missing is not None:
            self._say("Fill in the server, the database and the trainer's name.", missing)
            return
        if self.attempt is not None and not self.attempt.done:
            return  # one at a time
        url, password = self.url(), self.password.text()
        self.attempt = Attempt(
            url, password, lambda store: self._opened(url, password, store), self._not_opened
        )
        name = studio_link.server_name(url)
        where = connecting_text(f"{name.database} on {name.where}")
        self.progress.setText(f"{where} {limit_text(url, 'this dialog says why.')}")
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        self.error.hide()
        self.progress.setVisible(busy)
        for field in (self.host, self.port, self.database, self.trainer, self.password):
            field.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if busy:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()

    def _opened(self, url: str, password: str, store: Store) -> None:
        self._set_busy(False)
        if password and self.remember.isChecked():
            studio_link.remember_password(url, password)
        self.password.clear()
        self.accept()
        self.connected.emit(store)

    def _not_opened(self, exc: Exception) -> None:
        self._set_busy(False)
        focus = self.password if studio_link.needs_password(exc) else self.host
        self._say(str(exc), focus)

    def reject(self) -> None:
        """Cancel (or Esc, or closing the dialog): a connection under way is given up."""
        if self.attempt is not None:
            self.attempt.cancel()
        self._set_busy(False)
        super().reject()

    def _say(self, message: str, focus: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        focus.setFocus()
