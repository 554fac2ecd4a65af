"""Imports while something else writes, in real processes: two imports at once, and an
import while another process logs sets. Both finish, nothing is lost, no traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services import profiles
from evenside.services.store import open_store

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
)

# Logs `count` sets, each on an exercise it adds to the open workout, and prints "ready"
# once the first is saved: the way the app writes while the user trains.
WRITER = """
import sys, time
from pathlib import Path
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.services import library, profiles, workout
from evenside.services.store import open_store

store = open_store(Path(sys.argv[1]))
profile = profiles.current_profile(store)
session = workout.start_session(store, profile.id, "Legs")
back_squat = next(e for e in library.all_exercises(store) if e.name == "Back squat")
for number in range(int(sys.argv[2])):
    exercise = workout.add_exercise(store, session.id, back_squat.id)
    workout.log_set(store, exercise, SetRecord(Side.BOTH, 24.0, 10, SetKind.WORKING))
    if number == 0:
        print("ready", flush=True)
    time.sleep(0.002)
store.close()
print("done", flush=True)
"""


STRONG_NAMES = ("Squat (Barbell)", "Bench Press (Barbell)", "Bent Over Row (Barbell)")
LIBRARY_NAMES = ("Back squat", "Bench press", "Barbell row")  # need no new exercise


def write_strong_export(
    path: Path, year: int, workouts: int, names: tuple[str, ...] = STRONG_NAMES
) -> None:
    """A Strong export: ``workouts`` sessions on distinct days, 3 exercises x 4 sets each."""
    lines = [STRONG_HEADER]
    for day in range(workouts):
        month, dom = 1 + day // 28, 1 + day % 28
        date = f"{year}-{month:02d}-{dom:02d} 18:0{day % 10}:00"
        for exercise in names:
            for order in range(1, 5):
                lines.append(f"{date},Evening,1h 5m,{exercise},{order},{60 + order * 5},8,0,0,\n")
    path.write_text("".join(lines), encoding="utf-8")


def make_database(path: Path) -> None:
    store = open_store(path)
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    store.close()


def start_import(db: Path, csv: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "evenside", "--db", str(db), "import", str(csv), "--unit", "kg"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        sessions = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
        sets = connection.execute("SELECT count(*) FROM sets").fetchone()[0]
    return int(sessions), int(sets)


def test_two_imports_at_once_both_land_whole(tmp_path: Path) -> None:
    db = tmp_path / "evenside.sqlite3"
    make_database(db)
    first, second = tmp_path / "strong_2024.csv", tmp_path / "strong_2025.csv"
    write_strong_export(first, 2024, 250)
    write_strong_export(second, 2025, 250)
    runs = [start_import(db, first), start_import(db, second)]
    outcomes = [run.communicate(timeout=240) for run in runs]
    for run, (out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
        assert "added 250 new sessions and 3000 sets" in out
    assert counts(db) == (500, 6000)


def test_an_import_while_sets_are_logged_keeps_every_set(tmp_path: Path) -> None:
    db = tmp_path / "evenside.sqlite3"
    make_database(db)
    export = tmp_path / "strong.csv"
    write_strong_export(export, 2024, 250, LIBRARY_NAMES)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "400"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    started = time.monotonic()
    importing = start_import(db, export)
    out, err = importing.communicate(timeout=240)
    writer_out, writer_err = writer.communicate(timeout=240)
    assert importing.returncode == 0, err
    assert "Traceback" not in err
    assert "added 250 new sessions and 3000 sets" in out
    assert writer.returncode == 0, writer_err
    assert writer_out.strip() == "done"
    assert time.monotonic() - started < 200
    # 250 imported sessions and the one being logged; 3000 imported sets and 400 logged
    assert counts(db) == (251, 3400)
