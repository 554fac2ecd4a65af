"""Given a path no database can live at, Evenside says so in one line and exits with 2,
before Qt starts; and if opening fails after the window is up, the program still ends
(after the dialog, where one is shown) with a non-zero status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from evenside.gui import app as gui_app


def launch(db: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "evenside", "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    result = launch(str(blocker / "evenside.sqlite3"))
    assert result.returncode == 2
    assert result.stderr == f"evenside: {blocker} is a file, not a folder.\n"
    assert blocker.read_text() == "not a folder"


def test_a_file_deeper_down_where_a_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    result = launch(str(blocker / "more" / "evenside.sqlite3"))
    assert result.returncode == 2
    assert result.stderr == f"evenside: {blocker} is a file, not a folder.\n"


def test_a_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 300 + ".sqlite3")
    result = launch(str(path))
    assert result.returncode == 2
    assert result.stderr == f"evenside: The file name is too long for the file system: {path}\n"
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_a_link_to_nothing(tmp_path: Path) -> None:
    link = tmp_path / "evenside.sqlite3"
    link.symlink_to(tmp_path / "gone" / "real.sqlite3")
    result = launch(str(link))
    assert result.returncode == 2
    assert result.stderr == (
        f"evenside: {link} is a link to {tmp_path / 'gone' / 'real.sqlite3'}, "
        "which does not exist.\n"
    )
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_a_folder_given_as_the_database(tmp_path: Path) -> None:
    result = launch(str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"evenside: {tmp_path} is a folder; give a database file.\n"


@pytest.fixture
def restore_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own


@pytest.mark.parametrize(
    ("failure", "line"),
    [
        (PermissionError(13, "Permission denied"), "Permission denied."),
        (RuntimeError("the engine broke\nsecond line"), "the engine broke (details in the log)."),
    ],
)
def test_a_failure_after_the_window_is_up_ends_the_program_after_the_dialog(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_excepthook: None,
    failure: Exception,
    line: str,
) -> None:
    """The dialog is shown (a visible platform is pretended), dismissed, and run() returns
    2 instead of leaving an empty window running."""

    def failing_open(_path: Path, **_options: object) -> None:
        raise failure

    monkeypatch.setattr("evenside.services.store.open_store", failing_open)
    monkeypatch.setattr(QApplication, "platformName", staticmethod(lambda: "xcb"))
    dialogs: list[str] = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            dialogs.append(box.windowTitle())
            box.close()

    closer = QTimer()
    closer.timeout.connect(dismiss)
    closer.start(50)
    path = tmp_path / "evenside.sqlite3"
    try:
        code = gui_app.run(path)
    finally:
        closer.stop()
    assert code == 2
    assert dialogs == ["Evenside cannot open the database"]
    assert capsys.readouterr().err == f"evenside: Cannot open {path}: {line}\n"
