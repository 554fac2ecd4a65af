"""Crash soak: SIGKILL a process that logs sets through the services, at random moments,
many times. After each kill the file must pass PRAGMA integrity_check and hold every set
the process reported as saved (it reports a set only after the service returned)."""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_and_kill(path: Path, rng: random.Random) -> list[int]:
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
    return reported


def soak(path: Path, kills: int, seed: int = 7) -> tuple[int, list[int]]:
    """Returns (sets reported saved, those missing after a kill)."""
    rng = random.Random(seed)
    reported: list[int] = []
    for number in range(1, kills + 1):
        reported += run_and_kill(path, rng)
        with sqlite3.connect(path) as connection:
            check = connection.execute("PRAGMA integrity_check").fetchone()[0]
            stored = {row[0] for row in connection.execute("SELECT id FROM sets")}
        connection.close()
        if check != "ok":
            raise SystemExit(f"kill {number}: integrity_check says {check}")
        missing = sorted(set(reported) - stored)
        if missing:
            return len(reported), missing
    return len(reported), []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "soak.sqlite3"
        saved, missing = soak(path, args.kills)
    if missing:
        print(f"LOST {len(missing)} of {saved} sets reported saved: {missing[:10]}")
        return 1
    print(f"{args.kills} kills: integrity ok after each; all {saved} sets reported saved are there")
    return 0


if __name__ == "__main__":
    sys.exit(main())
