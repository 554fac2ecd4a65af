"""The Session page's right-hand column in a scroll area that scrolls only up and down: on a
600 px high screen the stretch card and the entry do not both fit, so the column scrolls
instead of squashing the entry rows or the set table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class ScrollColumn(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content.setMinimumWidth(1)  # as narrow as the column: no sideways scrolling
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # A part shown or hidden changes how tall the column must be: size it again
            # once the column's own layout has taken the change in.
            QTimer.singleShot(0, self, self.refit)
        return super().eventFilter(watched, event)

    def refit(self) -> None:
        self.setWidgetResizable(True)  # measures the column's content again

    def bring_into_view(self, child: QWidget) -> None:
        """Scroll so ``child`` is on screen, once it has been laid out."""

        def scroll() -> None:
            self.refit()
            self.ensureWidgetVisible(child, 0, 0)

        QTimer.singleShot(0, self, scroll)


def pinned_below(column: ScrollColumn, footer: QWidget) -> QWidget:
    """``column`` with ``footer`` under it, always on screen (the rest timer at 1024x600)."""
    both = QWidget()
    box = QVBoxLayout(both)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(column, 1)
    box.addWidget(footer)
    return both
