"""Backups that survive and whole-file work that cannot corrupt an open database: each test
reproduces one data-loss path found by attacking Evenside on purpose, on real files."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from evenside.domain.errors import DiskError, DiskFull, EvensideError
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import backups, library, workout
from evenside.services.store import Store, open_store
from evenside.storage import database, file_copy
from fakes import FakeClock, small_file_system


def _log(store: Store, profile: Profile, weight: float) -> None:
    session = workout.start_session(store, profile.id)
    squat = next(e for e in library.all_exercises(store) if e.name == "Back squat")
    se = workout.add_exercise(store, session.id, squat.id)
    workout.log_set(store, se, SetRecord(Side.BOTH, weight, 5))


def _weights(path: Path) -> list[float]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[0] for r in connection.execute("SELECT weight_kg FROM sets ORDER BY id")]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- 1. automatic backups of one database never prune another's ---------------------------


def test_the_demo_database_never_prunes_the_real_ones(tmp_path: Path, clock: FakeClock) -> None:
    real = open_store(tmp_path / "evenside.sqlite3", clock)
    demo = open_store(tmp_path / "evenside-demo.sqlite3", clock)
    try:
        for _day in range(12):  # the demo reaches its 10 kept backups, and more
            backups.auto_backup(demo, keep=10)
            clock.advance(days=1)
        for _day in range(5):
            backups.auto_backup(real, keep=10)
            clock.advance(days=1)
    finally:
        real.close()
        demo.close()
    names = _names(tmp_path / "backups")
    assert len([n for n in names if n.startswith("evenside-demo-")]) == 10
    assert len([n for n in names if n.startswith("evenside-2")]) == 5  # all 5 kept


def test_a_name_with_glob_characters_is_pruned(tmp_path: Path, clock: FakeClock) -> None:
    store = open_store(tmp_path / "lifts[2026].sqlite3", clock)
    try:
        for _day in range(4):
            backups.auto_backup(store, keep=2)
            clock.advance(days=1)
    finally:
        store.close()
    assert _names(tmp_path / "backups") == [
        "lifts[2026]-20261104-180000-auto.sqlite3",
        "lifts[2026]-20261105-180000-auto.sqlite3",
    ]


def test_copies_made_in_the_same_second_get_their_own_names(store: Store, profile: Profile) -> None:
    first = backups.back_up(store)
    second = backups.back_up(store, label="before-restore")
    third = backups.back_up(store)
    assert [first.name, second.name, third.name] == [
        "evenside-20261102-180000-manual.sqlite3",
        "evenside-20261102-180000-before-restore.sqlite3",
        "evenside-20261102-180000-manual-2.sqlite3",
    ]
    assert backups.list_backups(store.path)[0] == third  # newest first


def test_a_failed_backup_leaves_no_file_under_a_backup_name(
    store: Store, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    _log(store, profile, 100.0)
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DiskFull, match="The disk is full"):
        backups.back_up(store)
    assert _names(store.path.parent / "backups") == []  # no backup, no temporary copy


def test_too_little_free_space_is_said_before_a_restore(
    store: Store, profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _log(store, profile, 100.0)
    copy = backups.back_up(store, tmp_path / "copy.sqlite3")
    _log(store, profile, 120.0)
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(
        shutil, "disk_usage", lambda _p: usage._replace(free=1024 * 1024)
    )  # 1 MB free
    with pytest.raises(DiskFull, match="Not enough free space to make a backup|to restore"):
        backups.restore(store, copy)
    assert _weights(store.path) == [100.0, 120.0]  # nothing changed


# -- 2. whole-file work is refused while the window has the file ---------------------------


def test_restore_from_the_command_line_is_refused_while_the_window_has_the_file(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    _log(store, profile, 100.0)
    copy = backups.back_up(store, tmp_path / "copy.sqlite3")
    _log(store, profile, 120.0)
    store.close()
    window = open_store(store.path, exclusive=True)  # what the open window holds
    try:
        refused = subprocess.run(
            [sys.executable, "-m", "evenside", "--db", str(store.path), "restore", str(copy)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert refused.returncode == 2
        assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
        assert "is open in Evenside" in refused.stderr
        assert _weights(store.path) == [100.0, 120.0]
        # the open window goes on logging into its own, current data
        _log(window, profile, 140.0)
        assert _weights(store.path) == [100.0, 120.0, 140.0]
    finally:
        window.close()


def test_a_second_window_on_a_hard_link_is_refused(store: Store, tmp_path: Path) -> None:
    link = tmp_path / "other-name.sqlite3"
    os.link(store.path, link)
    store.close()
    first = open_store(store.path, exclusive=True)
    try:
        with pytest.raises(EvensideError, match="is open in Evenside"):
            open_store(link, exclusive=True)
    finally:
        first.close()
    open_store(link, exclusive=True).close()  # free again once the first one closed


def test_the_window_restores_through_its_own_claim(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    _log(store, profile, 100.0)
    copy = backups.back_up(store, tmp_path / "copy.sqlite3")
    _log(store, profile, 120.0)
    store.close()
    window = open_store(store.path, exclusive=True)
    restored, safety = backups.restore(window, copy)
    try:
        assert _weights(restored.path) == [100.0]
        assert _weights(safety) == [100.0, 120.0]
        with pytest.raises(EvensideError, match="is open in Evenside"):
            open_store(store.path, exclusive=True)  # the claim went on to the new store
    finally:
        restored.close()


def test_a_backup_with_1024_byte_pages_restores(store: Store, profile: Profile) -> None:
    _log(store, profile, 100.0)
    small_pages = store.path.parent / "small-pages.sqlite3"
    with closing(sqlite3.connect(store.path)) as source:
        source.execute("VACUUM INTO ?", (str(small_pages),))
    with closing(sqlite3.connect(small_pages)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA page_size = 1024")
        connection.execute("VACUUM")
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 1024
    _log(store, profile, 120.0)
    restored, _safety = backups.restore(store, small_pages)
    restored.close()
    assert _weights(store.path) == [100.0]


# -- 6 and 7. damage, a full disk and I/O errors, each told apart ---------------------------


def _corrupt_a_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + page_size] = b"\x07" * page_size
    path.write_bytes(bytes(data))


def test_damaged_pages_behind_a_valid_header_are_refused_at_open(
    store: Store, profile: Profile
) -> None:
    for weight in range(40, 140):
        _log(store, profile, float(weight))
    path = store.path
    store.close()
    _corrupt_a_middle_page(path)
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "evenside", "--db", str(path), "export", str(path.parent / "o.csv")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "is damaged" in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == before
    assert not (path.parent / "o.csv").exists()


def test_refusing_a_closed_wal_file_leaves_no_side_files(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    other = folder / "notes.sqlite3"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE notes (text)")
        connection.commit()
    assert _names(folder) == ["notes.sqlite3"]
    with pytest.raises(EvensideError, match="not an Evenside database"):
        open_store(other)
    assert _names(folder) == ["notes.sqlite3"]


def test_an_io_error_is_not_called_a_full_disk(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    failure = sqlite3.OperationalError("disk I/O error")
    failure.sqlite_errorcode = 10 | (3 << 8)  # SQLITE_IOERR_WRITE
    failure.sqlite_errorname = "SQLITE_IOERR_WRITE"
    known = database.translate_operational_error(
        OperationalError("INSERT", {}, failure), tmp_path / "evenside.sqlite3"
    )
    assert isinstance(known, DiskError)
    assert "read or write error" in str(known) and "full" not in str(known)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    known = database.translate_operational_error(
        OperationalError("INSERT", {}, full), tmp_path / "evenside.sqlite3"
    )
    assert isinstance(known, DiskFull) and "The disk is full" in str(known)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system (tmpfs), where the machine lets the tests mount one."""
    with small_file_system(tmp_path / "small-disk", "size=2m") as mount:
        yield mount


def test_a_real_full_disk_during_a_backup(
    store: Store, profile: Profile, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for weight in range(40, 90):
        _log(store, profile, float(weight))
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 64 * 1024))
    monkeypatch.setattr(file_copy, "ensure_free_space", lambda *_args: None)
    with pytest.raises(DiskFull, match="The disk is full"):
        backups.back_up(store, small_disk)
    assert _names(small_disk) == ["filler"]  # nothing under a backup name, nothing partial


def test_an_intact_file_on_a_full_disk_is_not_called_damaged(
    store: Store, profile: Profile, small_disk: Path
) -> None:
    _log(store, profile, 100.0)
    store.close()
    moved = small_disk / "evenside.sqlite3"
    shutil.copyfile(store.path, moved)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * free)
    done = subprocess.run(
        [sys.executable, "-m", "evenside", "--db", str(moved), "export", str(store.path) + ".csv"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "damaged" not in done.stderr


def _claimed(path: Path) -> bool:
    """Whether some process holds the file's lock (Linux lists flock locks by inode)."""
    inode = str(path.stat().st_ino)
    locks = Path("/proc/locks").read_text()
    return any(
        line.split()[1] == "FLOCK" and line.split()[5].split(":")[-1] == inode
        for line in locks.splitlines()
    )


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads Linux's /proc/locks")
def test_with_the_window_open_a_hard_link_raises_it_and_restore_is_refused(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    import time

    store.close()
    link = tmp_path / "same-file.sqlite3"
    os.link(store.path, link)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "evenside", "--db", str(store.path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _claimed(store.path) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _claimed(store.path), "the window never opened its database"
        second = subprocess.run(
            [sys.executable, "-m", "evenside", "--db", str(link)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0
        assert "is already open; brought its window to the front" in second.stderr
        copy = tmp_path / "copy.sqlite3"
        shutil.copyfile(store.path, copy)
        before = _weights(store.path)
        restore = subprocess.run(
            [sys.executable, "-m", "evenside", "--db", str(link), "restore", str(copy)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert restore.returncode == 2 and "is open in Evenside" in restore.stderr
        assert "Traceback" not in restore.stderr and _weights(store.path) == before
        assert first.poll() is None  # the first window is still running
    finally:
        first.kill()
        first.wait(10)


def test_an_upgrade_with_too_little_room_is_refused_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import create_engine

    from evenside.storage import migrate

    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    with engine.connect() as connection:
        migrate.upgrade(connection, "0001")
    engine.dispose()
    before = old.read_bytes()
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=2 * 1024 * 1024))
    with pytest.raises(DiskFull, match="Not enough free space to upgrade the database safely"):
        open_store(old)
    assert old.read_bytes() == before
    assert _names(tmp_path) == ["home", "old.sqlite3"]  # no half-made upgrade copy
