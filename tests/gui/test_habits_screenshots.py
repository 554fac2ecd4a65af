"""Screenshots of the everyday-habits screens from the demo data, on a small laptop screen
in a dark palette and a full-HD screen in the light one: the Session start panel with the
checklist and the weekly reminder, the questionnaire, and Progress with discomfort beside
the gap. Each screen must fit: nothing of the checklist below the window's edge."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_screenshots import save_shot

from evenside.domain.habits import HabitAnswers
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.session import SessionPage
from evenside.services import habits, profiles
from evenside.services.demo import fill_demo
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.screenshot

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2f2f2f",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.Highlight: "#2a82da",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
}


@pytest.fixture(
    params=[("light", 1920, 1080), ("dark", 1024, 600)], ids=["1920-light", "1024-dark"]
)
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[tuple[str, int, int]]:
    before = qapp.palette()
    if request.param[0] == "dark":
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def test_habits_screenshots(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    screenshot_dir: Path,
    themed: tuple[str, int, int],
) -> None:
    theme, width, height = themed
    fill_demo(store, end=date(2026, 11, 1))
    profile = profiles.current_profile(store)
    assert profile is not None
    answers = HabitAnswers(
        sleeping_side="right",
        carrying_side="right",
        one_shoulder_bag=True,
        phone_hand="right",
        phone_looking_down=True,
        crossed_leg_on_top="right",
        standing_leg="right",
        mouse_hand="right",
        injuries_left="ankle sprain 2019",
    )
    habits.save_answers(store, profile.id, answers)  # 2 Nov
    habits.log_discomfort(store, profile.id, "left", "ankle", 2, note="after lunges")
    clock.advance(days=8)  # 10 Nov: a week on, the reminder is due
    habits.log_discomfort(store, profile.id, "both", "lower back", 3, note="long drive")
    habits.log_discomfort(store, profile.id, "right", "shoulder", 4, note="overhead press")
    habits.tick(store, profile.id, "phone_eye_level")
    habits.tick(store, profile.id, "legs_uncross")

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    suffix = f"{width}-{theme}"

    session = window.go_to("Session")
    assert isinstance(session, SessionPage)
    checklist = session.start_panel.habits
    qtbot.waitUntil(checklist.reminder.isVisible)
    assert len(checklist.boxes) == 9
    bottom = checklist.mapTo(window, QPoint(0, checklist.height())).y()
    assert bottom <= window.height(), "the checklist runs off the window"
    save_shot(window, screenshot_dir, f"habits-start-panel-{suffix}.png")

    checklist.open_questionnaire()
    dialog = checklist.questionnaire
    qtbot.waitExposed(dialog)
    save_shot(dialog, screenshot_dir, f"habits-questionnaire-{theme}.png")
    dialog.reject()

    progress = window.go_to("Progress")
    assert isinstance(progress, ProgressPage)
    progress.tabs.setCurrentIndex(1)
    qtbot.waitUntil(progress.discomfort.isVisible)
    assert "shoulder <b>4/10</b> on 10 Nov" in progress.discomfort.recent.text()
    save_shot(window, screenshot_dir, f"habits-progress-{suffix}.png")
    window.close()
