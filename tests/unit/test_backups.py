"""Backups: automatic at most daily and pruned, on demand, and restore that checks the file
and keeps the current database aside first; the command line backup and restore."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from evenside.domain.errors import DamagedDatabase, NewerDatabase, NotADatabase
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import backups, library, profiles, workout
from evenside.services.store import Store
from fakes import FakeClock


def _log(store: Store, profile: Profile, weight: float) -> None:
    session = workout.start_session(store, profile.id)
    exercise = next(e for e in library.all_exercises(store) if e.name == "Back squat")
    se = workout.add_exercise(store, session.id, exercise.id)
    workout.log_set(store, se, SetRecord(Side.BOTH, weight, 5))


def _weights(path: Path) -> list[float]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[0] for r in connection.execute("SELECT weight_kg FROM sets ORDER BY id")]


def test_automatic_backup_at_most_daily_keeps_the_last_n(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    made = []
    for _day in range(5):
        made.append(backups.auto_backup(store, keep=3))
        assert backups.auto_backup(store, keep=3) is None  # once a day
        clock.advance(days=1)
    assert all(made)
    kept = sorted(backups.backups_folder(store.path).glob("*-auto.sqlite3"))
    assert [p.name for p in kept] == [p.name for p in made[-3:]]  # type: ignore[union-attr]


def test_restore_checks_the_file_and_keeps_the_current_one(
    store: Store, clock: FakeClock, profile: Profile, tmp_path: Path
) -> None:
    _log(store, profile, 100.0)
    copy = backups.back_up(store, tmp_path / "copy.sqlite3")
    _log(store, profile, 120.0)
    assert _weights(store.path) == [100.0, 120.0]
    restored, safety = backups.restore(store, copy)
    assert _weights(restored.path) == [100.0]
    assert _weights(safety) == [100.0, 120.0]
    assert [p.name for p in profiles.list_profiles(restored)] == ["Alex"]
    restored.close()


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: p.write_bytes(b"not a database at all" * 10), NotADatabase),
        (lambda p: p.write_bytes(b""), NotADatabase),
    ],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(
    store: Store, profile: Profile, tmp_path: Path, make: object, error: type[Exception]
) -> None:
    _log(store, profile, 100.0)
    bad = tmp_path / "bad.sqlite3"
    make(bad)  # type: ignore[operator]
    with pytest.raises(error):
        backups.restore(store, bad)
    assert _weights(store.path) == [100.0]


def test_restore_refuses_a_newer_or_damaged_database(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    copy = backups.back_up(store, tmp_path / "newer.sqlite3")
    with closing(sqlite3.connect(copy)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    with pytest.raises(NewerDatabase):
        backups.restore(store, copy)
    damaged = backups.back_up(store, tmp_path / "damaged.sqlite3")
    data = bytearray(damaged.read_bytes())
    for page in range(4096, len(data), 4096):  # scribble over every b-tree page header
        data[page : page + 12] = b"\xff" * 12
    damaged.write_bytes(bytes(data))
    with pytest.raises((DamagedDatabase, NotADatabase)):
        backups.restore(store, damaged)


def test_backup_and_restore_from_the_command_line(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    _log(store, profile, 80.0)
    store.close()
    target = tmp_path / "cli-backup.sqlite3"
    run = [sys.executable, "-m", "evenside", "--db", str(db_path)]
    done = subprocess.run(
        [*run, "backup", str(target)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr and target.exists()
    again = subprocess.run(
        [*run, "backup", str(target)], capture_output=True, text=True, timeout=60, check=False
    )
    assert again.returncode == 2 and "already exists" in again.stderr
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("DELETE FROM sets")
        connection.commit()
    back = subprocess.run(
        [*run, "restore", str(target)], capture_output=True, text=True, timeout=60, check=False
    )
    assert back.returncode == 0, back.stderr
    assert _weights(db_path) == [80.0]
    assert "the database as it was is at" in back.stdout
