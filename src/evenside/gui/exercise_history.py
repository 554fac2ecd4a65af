"""Ctrl+H: the history of the exercise on screen (the one being logged on the Session page,
the one charted on Progress, the one chosen in the Library), with its records per side."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

HISTORY_KEY = "Ctrl+H"


class _Window(Protocol):
    stack: object

    def go_to(self, name: str) -> QWidget: ...


def show_history_of_current(window: _Window) -> None:
    page = window.stack.currentWidget()  # type: ignore[attr-defined]
    ask = getattr(page, "ask_history", None)
    if callable(ask):  # Progress, Library
        ask()
        return
    selected = getattr(page, "selected_exercise", None)
    if not callable(selected):
        return
    exercise = selected()  # the Session page's exercise being logged
    if exercise is None:
        return
    name = page.exercises[exercise.exercise_id].name
    history = window.go_to("History")
    history.show_exercise(exercise.exercise_id, name)  # type: ignore[attr-defined]


def install_history_key(window: QWidget) -> QAction:
    action = QAction("History of this exercise", window)
    action.setShortcut(QKeySequence(HISTORY_KEY))
    action.triggered.connect(lambda: show_history_of_current(window))  # type: ignore[arg-type]
    window.addAction(action)
    return action
