"""The generate dialog and the balance checker with its fix preview, rendered at 1024x600
and 1920x1080 in a light and a dark palette (`make screenshots` keeps them)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from test_screenshots import save_shot

from evenside.domain.generator import EQUIPMENT_PRESETS, GeneratorChoice
from evenside.gui.dialogs.generate import GenerateDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.routines import RoutinesPage
from evenside.services import routines
from evenside.services.demo import fill_demo
from evenside.services.store import Store

pytestmark = pytest.mark.screenshot
SIZES = {"small": (1024, 600), "large": (1920, 1080)}


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#2f2f2f"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#2b2b2b"),
        (QPalette.ColorRole.ToolTipText, "#e8e8e8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if request.param == "dark":
        app.setPalette(_dark())
    yield str(request.param)
    app.setPalette(before)


@pytest.mark.parametrize("size", list(SIZES))
def test_generator_and_checker_screens(
    qtbot: QtBot, store: Store, screenshot_dir: Path, theme: str, size: str
) -> None:
    summary = fill_demo(store, end=date(2026, 11, 1))
    routine_id = routines.generate_routine(
        store,
        summary.profile_id,
        "Dumbbells 3 x 45",
        GeneratorChoice(3, 45, EQUIPMENT_PRESETS["dumbbells"]),
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(*SIZES[size])
    window.show()
    qtbot.waitExposed(window)
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    page.reload(routine_id)
    qtbot.wait(50)  # let the panel fit its wrapped labels once laid out (no assertion)
    width = SIZES[size][0]
    save_shot(window, screenshot_dir, f"balance-check-{width}-{theme}.png")
    button = next(b for b in page.findings.buttons if b.isEnabled())
    button.click()  # it may be scrolled out of sight at the small size
    preview = page.fix_dialog
    qtbot.waitExposed(preview)
    if size == "small":  # a dialog is the same size whatever the window's
        save_shot(preview, screenshot_dir, f"fix-preview-{theme}.png")
    preview.reject()
    dialog = GenerateDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if size == "small":
        save_shot(dialog, screenshot_dir, f"generate-dialog-{theme}.png")
    # Nothing in the dialog is cut off: every label's text fits its width when wrapped.
    for label in dialog.findChildren(QLabel):
        assert label.heightForWidth(label.width()) <= label.height() or not label.wordWrap()
    assert dialog.height() <= SIZES[size][1]
