"""Columns side by side on a wide window, one above the other on a narrow one, so a page
in a scroll area only ever scrolls up and down."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QWidget


class FoldingColumns(QBoxLayout):
    def __init__(self, watched: QWidget, side_by_side_from: int) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self.side_by_side_from = side_by_side_from  # px of the watched widget's width
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            wide = watched.width() >= self.side_by_side_from
            direction = (
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            if direction != self.direction():
                self.setDirection(direction)
                QTimer.singleShot(0, self, self._refit_scroll_area)
        elif event.type() == QEvent.Type.Show:
            # Folded or unfolded while hidden (the window resized on another page): a hidden
            # widget's layout is not redone, so the page came back with the old positions.
            QTimer.singleShot(0, self, self._refit_scroll_area)
        return super().eventFilter(watched, event)

    def _refit_scroll_area(self) -> None:
        """Lay the columns out again and give the scroll area's contents their new height
        (Settings grown from 1366 to 1920 px while another page was shown kept its
        one-column layout, Save far below the window)."""
        self.invalidate()
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QScrollArea):
            widget = widget.parentWidget()
        if widget is not None and widget.widgetResizable():
            widget.setWidgetResizable(True)  # sizes the contents to the area again
