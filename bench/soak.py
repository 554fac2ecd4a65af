"""Crash soak: SIGKILL Evenside processes at random moments, many times, and check after
every kill that nothing the user was told is safe was lost or damaged.

The kills are spread evenly over four kinds of process, each a real ``python -m``:
- logging sets through the services (``evenside.services.selftest``), which prints a set's
  id only after the service returned, i.e. after the commit;
- ``evenside --db X backup BACKUPS/``;
- ``evenside --db X restore SOURCE`` (a known backup made at the start);
- ``evenside --db X import FILE`` (a fresh Strong CSV each time, so every import adds).

After each kill:
- lost sets: every set a logger reported saved is in the database (a finished restore
  legitimately brings the database back to SOURCE, whose sets are then the ones expected);
- broken files: the database, and every file in the backups folder under a final name
  (``*.sqlite3``, not hidden, not a temporary), is an SQLite file passing integrity_check;
- tracebacks: no child printed one. A child that exits 2 with an ``evenside:`` line (for
  example a restore refused while another process holds the database) is a fine outcome.
Exits 1 if any count is not zero.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

KINDS = ("logging", "backup", "restore", "import")
SQLITE_HEADER = b"SQLite format 3\x00"
NOT_FINAL = (".tmp", "partial", "incomplete")
IMPORT_SESSIONS = 12
KILLED = -signal.SIGKILL
IMPORT_OPTIONS = ("--format", "strong", "--unit", "kg")


@dataclass
class Rig:
    """The files under test and the environment the children run in."""

    db: Path
    backups: Path
    source: Path
    imports: Path
    env: dict[str, str]
    source_ids: set[int] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Tally:
    kills: Counter[str] = field(default_factory=Counter)
    reported: int = 0
    lost: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    refusals: int = 0
    finished: Counter[str] = field(default_factory=Counter)  # ran to the end before the kill
    checked: dict[Path, tuple[int, int]] = field(default_factory=dict)


def evenside(rig: Rig, *args: str) -> list[str]:
    return [sys.executable, "-m", "evenside", "--db", str(rig.db), *args]


def note_outcome(kind: str, code: int, stderr: str, tally: Tally) -> None:
    """Tracebacks and surprising exits; a kill or a one-line refusal is fine."""
    last = (stderr.strip().splitlines() or [""])[-1]
    if "Traceback" in stderr:
        tally.tracebacks.append(f"{kind}: {last}")
    elif code == 2 and stderr.startswith("evenside: "):
        tally.refusals += 1
    if code != KILLED:
        tally.finished[kind] += 1
    elif code not in (0, KILLED):
        tally.unexpected.append(f"{kind}: exit {code}: {last}")


def kill_logger(rig: Rig, rng: random.Random, tally: Tally) -> list[int]:
    child = subprocess.Popen(
        [sys.executable, "-m", "evenside.services.selftest", str(rig.db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=rig.env,
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
    rest, errors = child.communicate(timeout=60)
    reported += [int(x) for x in rest.split()]  # printed before the kill landed
    note_outcome("logging", child.returncode, errors, tally)
    return reported


def kill_command(rig: Rig, kind: str, args: list[str], rng: random.Random, tally: Tally) -> None:
    """Start the command and SIGKILL it at a random moment: half the time anywhere in its
    usual run time, half the time near its end, where the work happens (most of a child's
    life is Python start-up). The usual run time is learnt as the soak goes."""
    started = time.monotonic()
    child = subprocess.Popen(
        evenside(rig, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=rig.env
    )
    late = rng.random() < 0.5
    factor = rng.uniform(0.85, 1.05) if late else rng.uniform(0.2, 1.0)
    try:
        child.wait(timeout=rig.seconds[kind] * factor)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    _out, errors = child.communicate(timeout=120)
    if child.returncode != KILLED:
        rig.seconds[kind] = 0.8 * rig.seconds[kind] + 0.2 * (time.monotonic() - started)
    elif late:
        rig.seconds[kind] *= 1.03  # killed although late: it takes longer than thought
    note_outcome(kind, child.returncode, errors, tally)


def write_import_file(path: Path, number: int) -> None:
    """A Strong CSV of new sessions (dates no other import used), per side."""
    first = datetime(2000, 1, 1, 18, 0) + timedelta(days=IMPORT_SESSIONS * number)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight"]
            + ["Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE"]
        )
        for day in range(IMPORT_SESSIONS):
            when = (first + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
            for side in ("Left", "Right"):
                for order in range(1, 21):
                    name = f"Bulgarian split squat ({side})"
                    writer.writerow(
                        [when, "Legs", "1h", name, order, 20 + order % 5, 8, 0, 0, "", "", 8]
                    )
                    squat = f"Back squat ({side})"
                    writer.writerow([when, "Legs", "1h", squat, order, 60, 5, 0, 0, "", "", 7])


def file_problem(path: Path) -> str | None:
    """None for an intact SQLite file, else what is wrong with it."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    if header != SQLITE_HEADER:
        return "empty" if not header else "not an SQLite file"
    try:
        connection = sqlite3.connect(path)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if verdict == "ok" else verdict


def stored_ids(path: Path) -> set[int]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM sets")}
    finally:
        connection.close()


def is_final_name(path: Path) -> bool:
    name = path.name
    return (
        name.endswith(".sqlite3")
        and not name.startswith(".")
        and not any(mark in name for mark in NOT_FINAL)
    )


def check_backups(rig: Rig, tally: Tally, label: str) -> None:
    """Every new or changed file under a final name in the backups folder is intact."""
    for path in sorted(rig.backups.iterdir()):
        if not is_final_name(path):
            continue
        info = path.stat()
        seen = (info.st_size, info.st_mtime_ns)
        if tally.checked.get(path) == seen:
            continue
        problem = file_problem(path)
        if problem:
            tally.broken.append(f"{label}: {path.name}: {problem}")
        tally.checked[path] = (path.stat().st_size, path.stat().st_mtime_ns)


def check_database(rig: Rig, tally: Tally, expected: set[int], kind: str, label: str) -> set[int]:
    """Checks the database; returns the set ids expected from now on."""
    problem = file_problem(rig.db)
    if problem:
        tally.broken.append(f"{label}: {rig.db.name}: {problem}")
        recover(rig)  # carry on from the known backup so later kills still test something
        return set(rig.source_ids)
    stored = stored_ids(rig.db)
    if kind == "restore" and not expected <= stored and rig.source_ids <= stored:
        return set(rig.source_ids)  # the restore finished: the backup's sets are the truth
    missing = sorted(expected - stored)
    if missing:
        tally.lost.append(f"{label}: {len(missing)} sets, ids {missing[:10]}")
    return expected & stored


def recover(rig: Rig) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{rig.db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(rig.source, rig.db)


def one_kill(number: int, kind: str, rig: Rig, rng: random.Random, tally: Tally) -> list[int]:
    """Run one process of ``kind`` and kill it; returns the set ids it reported saved."""
    tally.kills[kind] += 1
    if kind == "logging":
        return kill_logger(rig, rng, tally)
    if kind == "backup":
        kill_command(rig, kind, ["backup", str(rig.backups)], rng, tally)
    elif kind == "restore":
        kill_command(rig, kind, ["restore", str(rig.source)], rng, tally)
    else:
        csv_file = rig.imports / f"import-{number}.csv"
        write_import_file(csv_file, number)
        kill_command(rig, kind, ["import", str(csv_file), *IMPORT_OPTIONS], rng, tally)
        csv_file.unlink()
    return []


def prepare(folder: Path, db: Path) -> Rig:
    """A database with a profile and some sets, a known backup to restore, and how long
    each kind of command takes when left alone."""
    home = folder / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    rig = Rig(db, folder / "backups", folder / "source" / "source.sqlite3", folder / "imports", env)
    for made in (rig.backups, rig.source.parent, rig.imports):
        made.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "evenside.services.selftest", str(db), "30"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    runs = {
        "backup": ["backup", str(rig.source)],
        "import": ["import", str(folder / "first.csv"), *IMPORT_OPTIONS],
        "restore": ["restore", str(rig.source)],
    }
    write_import_file(folder / "first.csv", 0)
    for kind, args in runs.items():
        started = time.monotonic()
        subprocess.run(evenside(rig, *args), env=env, check=True, capture_output=True)
        rig.seconds[kind] = time.monotonic() - started
    rig.source_ids = stored_ids(rig.source)
    return rig


def soak(rig: Rig, kinds: list[str], seed: int) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    expected = stored_ids(rig.db)
    for number, kind in enumerate(kinds, start=1):
        reported = one_kill(number, kind, rig, rng, tally)
        tally.reported += len(reported)
        label = f"{rig.db.parent.name} kill {number} ({kind})"
        expected = check_database(rig, tally, expected | set(reported), kind, label)
        check_backups(rig, tally, label)
        if number % 25 == 0:
            print(f"{label}: done", file=sys.stderr, flush=True)
    tally.checked.clear()
    check_backups(rig, tally, "at the end")  # everything once more, as it was left
    return tally


def run_lanes(folder: Path, db: Path | None, kills: int, lanes: int, seed: int) -> Tally:
    """Independent lanes (each its own database and folders) kill in parallel: most of a
    child's life is Python start-up, which two cores can overlap."""
    kinds = [KINDS[n % len(KINDS)] for n in range(kills)]
    random.Random(seed).shuffle(kinds)
    shares = [kinds[lane::lanes] for lane in range(lanes)]
    rigs = []
    for lane in range(lanes):
        lane_db = db if db is not None and lane == 0 else folder / f"lane-{lane}" / "soak.sqlite3"
        lane_db.parent.mkdir(parents=True, exist_ok=True)
        rigs.append(prepare(lane_db.parent, lane_db))
    with ThreadPoolExecutor(lanes) as pool:
        tallies = list(pool.map(soak, rigs, shares, [seed + lane for lane in range(lanes)]))
    total = Tally()
    for part in tallies:
        total.kills += part.kills
        total.finished += part.finished
        total.reported += part.reported
        total.refusals += part.refusals
        for name in ("lost", "broken", "tracebacks", "unexpected"):
            getattr(total, name).extend(getattr(part, name))
    return total


def report(tally: Tally, kills: int, seconds: float) -> int:
    per_kind = ", ".join(
        f"{kind} {tally.kills[kind]} ({tally.finished[kind]} finished first)" for kind in KINDS
    )
    print(f"{kills} kills in {seconds:.0f} s: {per_kind}; {tally.refusals} one-line refusals")
    print(f"lost sets: {len(tally.lost)} kills lost any of {tally.reported} reported saved")
    print(f"broken files under final names: {len(tally.broken)}")
    print(f"tracebacks: {len(tally.tracebacks)}")
    print(f"other unexpected exits: {len(tally.unexpected)}")
    for title, items in (
        ("LOST", tally.lost),
        ("BROKEN", tally.broken),
        ("TRACEBACK", tally.tracebacks),
        ("UNEXPECTED", tally.unexpected),
    ):
        for item in items[:10]:
            print(f"  {title} {item}")
    if tally.lost or tally.broken or tally.tracebacks or tally.unexpected:
        return 1
    print(
        f"{kills} kills: integrity ok after each; all {tally.reported} sets reported saved "
        "are there"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--db", type=Path, help="database to use (its folder holds the rest)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lanes", type=int, default=2, help="kills run in parallel (2)")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.db.parent if args.db else Path(temporary)
        tally = run_lanes(folder, args.db, args.kills, max(1, args.lanes), args.seed)
    return report(tally, args.kills, time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(main())
