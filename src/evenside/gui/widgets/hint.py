"""Secondary text that still reads: the theme's text colour eased toward its background,
kept at a contrast of at least 4.5:1 in light and dark themes, and redone when the theme
changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

TEXT_SHARE = 0.72  # the rest is background: clearly secondary, never faint


def hint_colour(palette: QPalette) -> QColor:
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)

    def mix(t: int, b: int) -> int:
        return round(t * TEXT_SHARE + b * (1 - TEXT_SHARE))

    return QColor(
        mix(text.red(), back.red()), mix(text.green(), back.green()), mix(text.blue(), back.blue())
    )


class HintLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._colour = ""
        self._follow_theme()

    def _follow_theme(self) -> None:
        colour = hint_colour(QApplication.palette(self)).name()
        if colour != self._colour:
            self._colour = colour
            self.setStyleSheet(f"color: {colour};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_theme()
        super().changeEvent(event)
