"""The Session page's keys, listed by F1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

SHORTCUTS = (
    ("Enter", "Log the set of the side being typed in"),
    ("Ctrl+Shift+Enter", "Log a refused set anyway, past the weaker side's volume (recorded)"),
    ("Tab / Shift+Tab", "Move between fields, first side to second side"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last change"),
    ("Delete", "Remove the selected set (undo brings it back)"),
    ("F2 or double-click", "Edit a set in the table"),
    ("Ctrl+K", "Add an exercise (type to search)"),
    ("Ctrl+E", "Start the next set with the other side"),
    ("Ctrl+T", "Fill the weak side with today's target from its plan"),
    ("Ctrl+D", "Done with this exercise: show its stretch"),
    ("Alt+Up / Alt+Down", "Move the exercise up or down"),
    ("Ctrl+G", "Superset the exercise with the next one (the last: the one before)"),
    ("Ctrl+Shift+G", "Take the exercise's superset apart"),
    ("Ctrl+N", "Start a session"),
    ("Ctrl+Return", "Finish the session: the last stretch, then the summary"),
    ("F1", "This list"),
)


def shortcut_list(parent: QWidget) -> QMessageBox:
    """Show the list, non-modal so logging can go on beside it."""
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    box = QMessageBox(parent)
    box.setWindowTitle("Keyboard shortcuts")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table cellpadding=3>{rows}</table>")
    box.setModal(False)
    box.show()
    return box
