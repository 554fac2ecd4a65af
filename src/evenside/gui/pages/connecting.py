"""The page a window shows while it connects to its studio server: which server (its address
without the password), that it is connecting and for how long at most, with Cancel and
Quit, which work at once: the connection is made off the GUI thread."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def connecting_text(server: str) -> str:
    return f"Connecting to {server}…"


class ConnectingPage(QWidget):
    """What the window shows until its server answers or gives up (no profile, no pages)."""

    def __init__(self, server: str, address: str, limit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectingPage")
        self.title = QLabel(f"<h1>{html.escape(connecting_text(server))}</h1>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.address = QLabel(address)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.limit = QLabel(limit)
        for label in (self.title, self.address, self.limit):
            label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no end known: it moves while the window is responsive
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Connecting")
        self.cancel = QPushButton("&Cancel")
        self.cancel.setDefault(True)
        self.quit = QPushButton("&Quit")
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(620)  # as the offline page's card, which takes its place
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        for widget in (self.title, self.address, self.busy, self.limit):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        card.setMinimumHeight(inner.totalHeightForWidth(card.width()) + 8)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
