"""The page a window shows when its studio server cannot be reached at start: which server,
why not (one line), how many sets wait on this laptop for it, that nothing is lost, and
when it tries again by itself; "Try now", "Open a database file instead…" and Quit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.wording import counted
from evenside.gui.style import ERROR_STYLE

SAFE = (
    "Nothing is lost: sets logged while the server was away are kept on this laptop and "
    "are sent, in the order they were logged and once each, as soon as it answers."
)


def waiting_text(waiting: int) -> str:
    if waiting == 0:
        return "No sets are waiting on this laptop for this server."
    verb = "is" if waiting == 1 else "are"
    return f"{counted(waiting, 'set')} {verb} waiting on this laptop for this server."


UNREACHED = "The studio server cannot be reached"
SIGNED_OUT = "Not signed in to the studio server"


class OfflinePage(QWidget):
    """What the window shows while it waits for its server (no profile, no other pages)."""

    def __init__(self, server: str, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlinePage")
        self.title = title = QLabel(f"<h1>{UNREACHED}</h1>")
        title.setWordWrap(True)
        self.server = QLabel(f"<b>{server}</b><br>{address}")
        self.server.setTextFormat(Qt.TextFormat.RichText)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingSets")
        self.safe = QLabel(SAFE)
        self.retry = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        for label in (self.server, self.reason, self.waiting, self.safe, self.retry, self.error):
            label.setWordWrap(True)
        self.try_now = QPushButton("&Try now")
        self.try_now.setDefault(True)
        self.open_file = QPushButton("Open a database &file instead…")
        self.quit = QPushButton("&Quit")
        buttons = QHBoxLayout()
        buttons.addWidget(self.try_now)
        buttons.addWidget(self.open_file)
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        self._lay_out(title, buttons)

    def _lay_out(self, title: QLabel, buttons: QHBoxLayout) -> None:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(620)  # a fixed width lets wrapped text get its full height
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        for widget in (title, self.server, self.reason, self.waiting, self.safe, self.retry):
            inner.addWidget(widget)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        self._card, self._inner = card, inner
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._fit()

    def _fit(self) -> None:
        # Word-wrapped labels report their height only for a given width: ask at the
        # card's width, again whenever a text changes.
        self._card.setMinimumHeight(self._inner.totalHeightForWidth(self._card.width()) + 8)

    def show_state(self, reason: str, waiting: int, retry: str, signed_out: bool = False) -> None:
        """Why the window waits: the server out of reach, or (``signed_out``) it refused
        the login, the prompt for the password cancelled."""
        self.title.setText(f"<h1>{SIGNED_OUT if signed_out else UNREACHED}</h1>")
        self.reason.setText(f"Why: {reason}")
        self.waiting.setText(waiting_text(waiting))
        self.retry.setText(retry)
        self._fit()

    def say(self, message: str) -> None:
        """An inline message (a database file that could not be opened)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self._fit()
