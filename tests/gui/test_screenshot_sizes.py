"""The main pages at a small laptop's 1024x600, a common 1366x768 and at 1920x1080, in a
light and a dark palette (and one high-contrast shot), from the demo data. `make screenshots`
writes them to docs/screenshots; each picture is checked for not being blank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from palettes import app_palette, dark_palette, high_contrast_palette
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import type_into
from test_screenshots import save_shot

from evenside.domain.generator import GeneratorChoice
from evenside.domain.routines import EQUIPMENT
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services import routines
from evenside.services.demo import fill_demo
from evenside.services.store import Store

pytestmark = pytest.mark.screenshot
SIZES = ((1024, 600), (1366, 768), (1920, 1080))


def _log_pair(qtbot: QtBot, page: SessionPage, weight: str, reps: str, right_reps: str) -> None:
    first, second = page.entry.order
    type_into(qtbot, page.entry.row(first).weight, weight)
    type_into(qtbot, page.entry.row(first).reps, reps)
    qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
    type_into(qtbot, page.entry.row(second).reps, right_reps)
    qtbot.keyClick(page.entry.row(second).reps, Qt.Key.Key_Return)


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    fill_demo(store, end=date(2026, 11, 1))
    profile_id = routines_profile(store)
    routines.generate_routine(
        store, profile_id, "Balanced 4 days", GeneratorChoice(4, 60, frozenset(EQUIPMENT))
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def routines_profile(store: Store) -> int:
    from evenside.services import profiles

    current = profiles.current_profile(store)
    assert current is not None
    return current.id


def _in_view(widget: QWidget, scroll: QScrollArea) -> bool:
    viewport = scroll.viewport()
    corner = widget.mapTo(viewport, QPoint(widget.width(), widget.height()))
    return viewport.rect().contains(corner)


def _shoot_pages(qtbot: QtBot, window: MainWindow, folder: Path, tag: str) -> None:
    session = window.go_to("Session")
    assert isinstance(session, SessionPage)
    if session.current is None:
        session.start_session()
        named = {e.name: i for i, e in session.exercises.items()}
        session.add_exercise(named["One-arm dumbbell row"])
        _log_pair(qtbot, session, "24", "10", "10")
        _log_pair(qtbot, session, "24", "9", "9")
        session.stretch_card.hide()
        # A superset with the bench press, and a record on the row announced in its round.
        session.add_exercise(named["Bench press"])
        session.select_exercise(session.current.exercises[0].id)  # type: ignore[union-attr]
        session.list_panel.superset_with_next()
        session.stretch_card.hide()
        _log_pair(qtbot, session, "34", "10", "10")
        assert "Bench press" in session.header.text()
        assert session.entry_panel.record_note.isVisible()
        # The round moved on to the bench press; the note says whose record it is.
        assert session.entry_panel.record_note.text() == (
            "New record on One-arm dumbbell row: R 34 kg x 10 (was 24 kg x 10)"
        )
    for width, height in SIZES:
        window.resize(width, height)
        size = f"{width}x{height}"
        save_shot(window, folder, f"session-{size}-{tag}.png")
        session.done_with_exercise()  # Ctrl+D: the stretch card, its buttons on screen
        assert session.stretch_card.isVisible()
        save_shot(window, folder, f"session-stretch-{size}-{tag}.png")
        session.stretch_card.hide()
        progress = window.go_to("Progress")
        assert isinstance(progress, ProgressPage)
        progress.open_exercise(
            next(e.id for e in progress._with_data if e.name == "Bulgarian split squat")
        )
        save_shot(window, folder, f"progress-{size}-{tag}.png")
        page = window.go_to("Routines")
        assert isinstance(page, RoutinesPage)
        save_shot(window, folder, f"routines-{size}-{tag}.png")
        history = window.go_to("History")
        assert isinstance(history, HistoryPage)
        save_shot(window, folder, f"history-{size}-{tag}.png")
        measurements = window.go_to("Measurements")
        assert isinstance(measurements, MeasurementsPage)
        measurements.site.setCurrentText("Thigh")
        save_shot(window, folder, f"measurements-{size}-{tag}.png")
        settings = window.go_to("Settings")  # one column below 1280 px: no sideways scrolling
        assert isinstance(settings, SettingsPage)
        if height >= 1080:  # two columns: the whole page fits, Save included, once laid out
            save, scroll = settings.save_button, settings.page_scroll
            qtbot.waitUntil(lambda: _in_view(save, scroll))  # noqa: B023 (used at once)
        save_shot(window, folder, f"settings-{size}-{tag}.png")
        window.go_to("Session")


@pytest.mark.parametrize("tag", ["light", "dark"])
def test_main_pages_at_two_sizes(
    qtbot: QtBot, store: Store, screenshot_dir: Path, tag: str
) -> None:
    palette: QPalette | None = dark_palette() if tag == "dark" else None
    with app_palette(palette):
        window = _window(qtbot, store)
        _shoot_pages(qtbot, window, screenshot_dir, tag)
        window.close()


def test_high_contrast_session(qtbot: QtBot, store: Store, screenshot_dir: Path) -> None:
    with app_palette(high_contrast_palette()):
        window = _window(qtbot, store)
        window.resize(1366, 768)
        session = window.go_to("Session")
        assert isinstance(session, SessionPage)
        session.start_session()
        named = {e.name: i for i, e in session.exercises.items()}
        session.add_exercise(named["Bulgarian split squat"])
        _log_pair(qtbot, session, "18", "8", "8")
        session.stretch_card.hide()
        save_shot(window, screenshot_dir, "session-high-contrast.png")
        window.go_to("Progress")
        save_shot(window, screenshot_dir, "progress-high-contrast.png")
        window.close()
