"""Columns side by side on a wide window, one above the other on a narrow one, so a page
in a scroll area only ever scrolls up and down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QWidget


class FoldingColumns(QBoxLayout):
    def __init__(self, watched: QWidget, side_by_side_from: int) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self.side_by_side_from = side_by_side_from  # px of the watched widget's width
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            wide = watched.width() >= self.side_by_side_from
            self.setDirection(
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
        return super().eventFilter(watched, event)
