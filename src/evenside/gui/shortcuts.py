"""Keyboard shortcuts for a page: actions that work while focus is anywhere inside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence.StandardKey


def add_shortcut(
    widget: QWidget,
    keys: Keys,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    action = QAction(widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class _AltIsNotText(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers()
            alt_only = bool(mods & Qt.KeyboardModifier.AltModifier) and not (
                mods & Qt.KeyboardModifier.ControlModifier  # Ctrl+Alt is AltGr on Windows
            )
            if alt_only and event.text().isprintable() and event.text().strip():
                return True  # an Alt key no control took (a disabled button's): not text
        return False


def alt_keys_are_not_text(field: QWidget) -> None:
    """Alt+letter never types the letter into ``field``. Qt hands a text field the Alt key
    of a disabled button (Older on the last page), which would type "l" into a search."""
    field.installEventFilter(_AltIsNotText(field))
