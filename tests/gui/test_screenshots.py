"""README screenshots, rendered from the demo data. `make screenshots` writes them to
docs/screenshots; in the normal run they go to a temporary folder and are still checked
for being real pictures (not blank)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from evenside.gui.main_window import MainWindow
from evenside.gui.pages.library import LibraryPage
from evenside.services.demo import fill_demo
from evenside.services.store import Store

pytestmark = pytest.mark.screenshot
SIZE = (1180, 760)


def save_shot(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / name
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)
    }
    assert len(colours) > 20, f"{name} looks blank"
    return path


@pytest.fixture
def demo_window(qtbot: QtBot, store: Store) -> MainWindow:
    fill_demo(store, end=date(2026, 11, 1))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_library_screenshot(qtbot: QtBot, demo_window: MainWindow, screenshot_dir: Path) -> None:
    page = demo_window.go_to("Library")
    assert isinstance(page, LibraryPage)
    qtbot.keyClicks(page.search, "one arm")
    rows = [page.model.exercise(r) for r in range(page.model.rowCount())]
    page.select_exercise(next(e.id for e in rows if e.name == "One-arm dumbbell row"))
    save_shot(demo_window, screenshot_dir, "library.png")
