"""GUI fixtures: a main window over a temporary database, closed after each test."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from evenside.gui import worker
from evenside.gui.main_window import MainWindow
from evenside.services.store import Store


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Store], MainWindow]]:
    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        # A window or dialog an earlier test left open would keep the activation.
        for stray in QApplication.topLevelWidgets():
            if stray.isVisible():
                stray.hide()
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


@pytest.fixture
def choose_file(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Answer the next Open or Save file dialog with ``path``."""

    def choose(path: Path) -> None:
        answer = lambda *_args, **_kw: (str(path), "")  # noqa: E731
        monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)

    return choose


@pytest.fixture
def paused_import(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[threading.Event, threading.Event]]:
    """A job's first progress report pauses it until released: (reported, release).
    The test acts while the job is known to be mid-way (an import after its first
    workout), so nothing depends on how fast the machine is."""
    reported, release = threading.Event(), threading.Event()
    report = worker.Job.report

    def report_then_wait(job: worker.Job, done: int, total: int) -> None:
        report(job, done, total)
        if not reported.is_set():
            reported.set()
            release.wait(30)

    monkeypatch.setattr(worker.Job, "report", report_then_wait)
    yield reported, release
    release.set()  # never leave a worker waiting, whatever the test did


# Tests that run the whole program (``gui.app.run``, through ``main``).
RUN_THE_PROGRAM = (
    "test_a_failure_after_the_window_is_up",
    "test_evenside_db_url_opens_the_window_on_the_server",
    "test_the_window_on_a_server_that_cannot_be_reached_opens",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that run the whole program (``gui.app.run``) leave the shared QApplication
    unable to activate later windows; they run last."""
    last = [i for i in items if any(name in i.nodeid for name in RUN_THE_PROGRAM)]
    items[:] = [i for i in items if i not in last] + last
