"""SIGTERM (logout, shutdown) and SIGINT (Ctrl+C) end a running Evenside through its
normal close path: a clean exit, the daily automatic backup made, the window state kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services import profiles
from evenside.services.store import open_store


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_window_the_normal_way(
    tmp_path: Path, user_folders: Path, number: signal.Signals
) -> None:
    path = tmp_path / "gym.sqlite3"
    made = open_store(path)
    profiles.create_profile(made, "Alex", Side.RIGHT, Unit.KG)
    made.close()
    assert not (tmp_path / "gym.sqlite3-wal").exists()
    running = subprocess.Popen(
        [sys.executable, "-m", "evenside", "--db", str(path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The window has opened the database (and shows its profile) once SQLite's
        # write-ahead log is there: both happen in the same step, before any signal is read.
        deadline = time.monotonic() + 30
        while not (tmp_path / "gym.sqlite3-wal").exists():
            assert running.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        running.send_signal(number)
        _out, err = running.communicate(timeout=30)
    finally:
        if running.poll() is None:
            running.kill()
            running.communicate()
    assert running.returncode == 0, err
    assert "Traceback" not in err
    assert [p.name.endswith("-auto.sqlite3") for p in (tmp_path / "backups").iterdir()] == [True]
    assert list((user_folders / "xdg_config_home").rglob("window-state.ini"))
    assert not (tmp_path / "gym.sqlite3-wal").exists()  # the database was closed properly
