"""A page whose feature has not been built yet says so plainly instead of looking broken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PendingPage(QWidget):
    def __init__(self, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            f"<h2>{title}</h2><p>{what}</p><p><i>Not available yet in this version.</i></p>"
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
