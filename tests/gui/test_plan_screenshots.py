"""Screenshots of the Session page logging a one-arm dumbbell row with the left side weaker
beyond noise: the weak-side plan under the entry, at 1024 x 600 and 1920 x 1080, in a light
and a dark palette. `make screenshots` writes them to docs/screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add
from test_screenshots import save_shot
from test_weak_side_plan_entry import seed_left_weaker_rows

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.screenshot
# The two kept in docs/screenshots; the other two are rendered and checked all the same.
KEPT = {((1920, 1080), "light"), ((1024, 600), "dark")}


def dark_palette() -> QPalette:
    palette = QPalette()
    role, colour = QPalette.ColorRole, QColor
    for name, value in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2f2f2f"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#3a3a3a"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#2f6ea5"),
        (role.HighlightedText, "#ffffff"),
        (role.Mid, "#8a8a8a"),
        (role.Link, "#6cb4ee"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.ToolTipBase, "#3a3a3a"),
        (role.ToolTipText, "#e8e8e8"),
    ):
        palette.setColor(name, colour(value))
    return palette


@pytest.fixture
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The palette to render with; the application's own is put back afterwards."""
    theme: str = request.param
    before_style, before = qapp.style().name(), qapp.palette()
    if theme == "dark":
        qapp.setStyle("Fusion")
        qapp.setPalette(dark_palette())
    yield theme
    qapp.setStyle(before_style)
    qapp.setPalette(before)


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_session_weak_side_plan_screenshot(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    screenshot_dir: Path,
    tmp_path: Path,
    themed: str,
    size: tuple[int, int],
) -> None:
    seed_left_weaker_rows(store, clock, profile)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one arm dumbbell row")
    page.plan_panel.fill_target()
    assert focused().text() == "18"
    assert page.plan_panel.plan_line.isVisible() and page.plan_panel.planned.isVisible()
    name = f"session-weak-side-plan-{size[0]}x{size[1]}-{themed}.png"
    save_shot(window, screenshot_dir if (size, themed) in KEPT else tmp_path, name)
