"""Killing a process that is logging sets (SIGKILL) loses no set it reported as saved."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

KILLS = 8


def _run_and_kill(path: Path, rng: random.Random) -> list[int]:
    child = subprocess.Popen(
        [sys.executable, "-m", "evenside.services.selftest", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    reported: list[int] = []
    target = rng.randint(1, 40)
    while len(reported) < target:
        line = child.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    time.sleep(rng.uniform(0, 0.02))  # land somewhere inside the next commit
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    reported += [int(x) for x in rest.split()]  # printed before the kill landed
    assert child.returncode == -signal.SIGKILL
    return reported


def test_every_reported_set_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    rng = random.Random(7)
    all_reported: list[int] = []
    for _ in range(KILLS):
        all_reported += _run_and_kill(path, rng)
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in connection.execute("SELECT id FROM sets")}
        connection.close()
        missing = set(all_reported) - stored
        assert not missing, f"sets reported saved but missing after a kill: {sorted(missing)}"
    assert len(all_reported) >= KILLS
