"""Helpers for Session page tests: seed a past session, drive the page by keyboard."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
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
