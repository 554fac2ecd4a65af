"""GUI fixtures: a main window over a temporary database, closed after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evenside.gui.main_window import MainWindow
from evenside.services.store import Store


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Store], MainWindow]]:
    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(1180, 760)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts reach only the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def screenshot_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where screenshot tests write: docs/screenshots under `make screenshots`, else tmp."""
    option = request.config.getoption("--screenshots")
    folder = Path(option) if option else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
