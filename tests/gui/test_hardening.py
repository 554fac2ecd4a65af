"""Hardening: bad database files get a clear message and stay byte-identical; a full disk
while logging; one instance per database; the crash dialog."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import focused, start_and_add, stored_sets, type_into
from sqlalchemy import event

from evenside.domain.errors import DiskFull, EvensideError
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.app import open_error_box
from evenside.gui.crash import CrashHandler, install_crash_handler, install_early_crash_hook
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.single_instance import SingleInstance
from evenside.services import workout
from evenside.services.store import Store, open_store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _evenside_file(path: Path) -> None:
    open_store(path).close()


def _checkpointed(path: Path) -> None:
    _evenside_file(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def _truncated(path: Path) -> None:
    _checkpointed(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _other_program(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()


def _newer(path: Path) -> None:
    _checkpointed(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


def _read_only_file(path: Path) -> None:
    _checkpointed(path)
    path.chmod(0o444)


def _read_only_folder(path: Path) -> None:
    _checkpointed(path)
    path.parent.chmod(0o555)


CASES = {
    "empty": (lambda p: p.write_bytes(b""), "empty file"),
    "random-bytes": (lambda p: p.write_bytes(os.urandom(8192)), "not an SQLite file"),
    "truncated": (_truncated, "truncated"),
    "other-program": (_other_program, "another program"),
    "newer": (_newer, "newer version of Evenside"),
    "read-only-file": (_read_only_file, "read-only"),
    "read-only-folder": (_read_only_folder, "folder"),
}


@pytest.fixture
def bad_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)
    for child in folder.iterdir():
        child.chmod(0o644)


@pytest.mark.parametrize("case", list(CASES))
def test_bad_files_get_a_clear_message_and_stay_byte_identical(
    qtbot: QtBot, bad_folder: Path, case: str
) -> None:
    make, words = CASES[case]
    path = bad_folder / "evenside.sqlite3"
    make(path)  # type: ignore[operator]
    before = _digest(path)
    with pytest.raises(EvensideError) as info:
        open_store(path)
    box = open_error_box(info.value)
    qtbot.addWidget(box)
    assert words in box.text() and "The file was not changed." in box.informativeText()
    assert _digest(path) == before
    cli = subprocess.run(
        [sys.executable, "-m", "evenside", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert cli.returncode == 2 and words in cli.stderr and "Traceback" not in cli.stderr
    assert len(cli.stderr.strip().splitlines()) == 1
    assert _digest(path) == before


def test_a_file_locked_by_another_writer(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    _evenside_file(path)
    before = _digest(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(EvensideError) as info:
            open_store(path)
        box = open_error_box(info.value)
        qtbot.addWidget(box)
        assert "in use by another program (locked)" in box.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _digest(path) == before
    open_store(path).close()  # fine once the other program lets go


def test_disk_full_while_logging(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = make_window(store).go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "one arm dumbbell row")
    row = page.entry.row(Side.LEFT)
    type_into(qtbot, row.weight, "20")
    type_into(qtbot, row.reps, "8")
    qtbot.keyClick(row.reps, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    saved = stored_sets(db_path)
    assert len(saved) == 2
    engine = store.database.engine
    with sqlite3.connect(db_path) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    probe.close()

    def full_disk(connection: object, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    event.listen(engine, "connect", full_disk)
    engine.dispose()
    exercise = page.selected_exercise()
    assert exercise is not None
    # Fill the last free space until the disk is "full" for the very set the entry will send:
    # a row of another shape can still fit in a page where this one does not.
    for record in (SetRecord(Side.RIGHT, 20.0, 8), SetRecord(Side.LEFT, 22.0, 8)):
        for _ in range(20_000):
            try:
                workout.log_set(store, exercise.id, record)
            except DiskFull:
                break
        else:
            pytest.fail("the disk never filled up")
    saved = stored_sets(db_path)
    left = page.entry.row(Side.LEFT)
    type_into(qtbot, left.weight, "22")
    qtbot.keyClick(left.weight, Qt.Key.Key_Return)
    assert left.error.isVisible() and "Not saved: The disk is full" in left.error.text()
    assert stored_sets(db_path) == saved  # not shown as saved, nothing damaged
    page.refresh()
    assert page.set_model.rowCount() == len(saved)
    with sqlite3.connect(db_path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    event.remove(engine, "connect", full_disk)
    engine.dispose()  # space is back
    qtbot.keyClick(left.weight, Qt.Key.Key_Return)
    assert len(stored_sets(db_path)) == len(saved) + 1 and not left.error.isVisible()


def test_a_second_launch_raises_the_first_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "one.sqlite3"
    _evenside_file(path)
    first = SingleInstance(path)
    assert first.claim()
    with qtbot.waitSignal(first.raise_requested, timeout=20_000):
        second = subprocess.Popen(
            [sys.executable, "-m", "evenside", "--db", str(path)], stderr=subprocess.PIPE, text=True
        )
    _out, err = second.communicate(timeout=30)
    assert second.returncode == 0 and "already open; brought its window to the front" in err
    assert first.server is not None
    first.server.close()


def test_a_stale_lock_after_a_crash_does_not_block_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "crashed.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import os, sys, time\nos.environ['QT_QPA_PLATFORM']='offscreen'\n"
         "from pathlib import Path\nfrom PySide6.QtCore import QCoreApplication\n"
         "from evenside.gui.single_instance import SingleInstance\n"
         "app = QCoreApplication([])\n"
         f"s = SingleInstance(Path({str(path)!r})); s.claim(); print('claimed', flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "claimed"
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    holder.stdout.close()
    time.sleep(0.1)
    assert SingleInstance(path).claim()  # the dead instance's socket is cleared


def test_the_crash_dialog_shows_the_traceback_and_the_log(qtbot: QtBot, tmp_path: Path) -> None:
    handler = install_crash_handler(tmp_path / "logs")
    try:
        raise ZeroDivisionError("division by zero in a chart")
    except ZeroDivisionError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    box = handler.last_box
    assert box is not None and box.isVisible()
    qtbot.addWidget(box)
    assert "bug in Evenside" in box.text() and "you can keep working" in box.text()
    assert str(tmp_path / "logs" / "evenside.log") in box.informativeText()
    assert "ZeroDivisionError: division by zero in a chart" in box.detailedText()
    handler.handler.flush()
    assert "ZeroDivisionError" in (tmp_path / "logs" / "evenside.log").read_text("utf-8")
    sys.excepthook = sys.__excepthook__


def test_an_error_before_the_first_paint_is_logged_and_shown_all_the_same(
    qtbot: QtBot, tmp_path: Path
) -> None:
    early = install_early_crash_hook(tmp_path / "logs")
    assert not (tmp_path / "logs").exists()  # nothing set up until an error comes
    try:
        raise KeyError("a page failed to build")
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    handler = sys.excepthook
    assert handler is not early and isinstance(handler, CrashHandler)
    box = handler.last_box
    assert box is not None and box.isVisible()
    qtbot.addWidget(box)
    assert "bug in Evenside" in box.text()
    assert "KeyError: 'a page failed to build'" in box.detailedText()
    handler.handler.flush()
    assert "a page failed to build" in (tmp_path / "logs" / "evenside.log").read_text("utf-8")
    sys.excepthook = sys.__excepthook__
