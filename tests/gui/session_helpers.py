"""Helpers for Session page tests: seed a past session, drive the page by keyboard."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import library, workout
from evenside.services.store import Store
from fakes import FakeClock


def exercise_id(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def seed_past_session(
    store: Store,
    clock: FakeClock,
    profile: Profile,
    name: str,
    sets: list[tuple[Side, float, int]],
    days_ago: int,
) -> None:
    """A finished session ``days_ago`` days before the clock's time, then the clock is put back."""
    now = clock.moment
    clock.moment = now - timedelta(days=days_ago)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, exercise_id(store, name))
    for side, weight, reps in sets:
        workout.log_set(store, se_id, SetRecord(side, weight, reps))
    clock.advance(minutes=40)
    workout.finish_session(store, session.id)
    clock.moment = now


def stored_sets(db_path: Path) -> list[tuple[str, float | None, int | None, str]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT side, weight_kg, reps, kind FROM sets t "
            "JOIN session_exercises se ON se.id = t.session_exercise_id "
            "JOIN sessions s ON s.id = se.session_id WHERE s.ended_at IS NULL "
            "ORDER BY t.position, t.id"
        ).fetchall()


def focused() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def start_and_add(qtbot: QtBot, page: SessionPage, query: str) -> None:
    """Start a session with Ctrl+N and add an exercise with Ctrl+K, typing, Enter."""
    if page.current is None:
        page.start_button.setFocus()
        qtbot.keyClick(page.start_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.current is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.add_box
    qtbot.keyClicks(page.add_box, query)
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)


class BoxAnswerer:
    """Answers the next modal message boxes whose text contains the given words, in order,
    by pressing a real button on them (polling, since they open inside exec())."""

    def __init__(self, *answers: tuple[str, QMessageBox.StandardButton]) -> None:
        self.pending = list(answers)
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not self.pending or not isinstance(box, QMessageBox) or not box.isVisible():
            if not self.pending:
                self.timer.stop()
            return
        words, button = self.pending[0]
        if words in box.text() and box.text() not in self.seen[-1:]:
            self.pending.pop(0)
            self.seen.append(box.text())
            box.button(button).click()

    @property
    def done(self) -> bool:
        return not self.pending


def file_action(window: MainWindow, text: str) -> QAction:
    """The File menu's action called ``text``, as the user finds it in the menu bar."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a for a in file_menu.actions() if a.text() == text)
