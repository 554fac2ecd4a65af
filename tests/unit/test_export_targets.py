"""`evenside export`: refused targets are left alone, the file gets the user's normal mode,
and a full disk leaves the old file and no temporary file behind, with one line."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import library, workout
from evenside.services.demo import fill_demo
from evenside.services.store import Store
from fakes import small_file_system

OLD_EXPORT = "an export the user made last week\n"


@pytest.fixture
def logged_db(db_path: Path, store: Store, profile: Profile) -> Path:
    """A database with one profile and two sets, closed so the command opens it itself."""
    session = workout.start_session(store, profile.id)
    squat = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    entry = workout.add_exercise(store, session.id, squat.id)
    workout.log_set(store, entry, SetRecord(Side.LEFT, 20.0, 8))
    workout.log_set(store, entry, SetRecord(Side.RIGHT, 22.5, 8))
    workout.finish_session(store, session.id)
    store.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def test_export_to_a_folder_is_one_line_and_the_folder_is_untouched(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    code, out, err = run(capsys, "--db", str(logged_db), "export", str(folder))
    assert code == 2 and out == ""
    assert err == [f"evenside: {folder} is a folder; give a file name."]
    assert list(folder.iterdir()) == []


def test_export_into_a_missing_folder_is_one_line(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "out.csv"
    code, _out, err = run(capsys, "--db", str(logged_db), "export", str(target))
    assert code == 2
    assert err == [f"evenside: The folder {tmp_path / 'nowhere'} does not exist."]
    assert not (tmp_path / "nowhere").exists()


def test_export_leaves_a_symbolic_link_and_what_it_points_to_alone(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text(OLD_EXPORT)
    link = tmp_path / "link.csv"
    link.symlink_to(precious)
    code, _out, err = run(capsys, "--db", str(logged_db), "export", str(link))
    assert code == 2
    assert err == [
        f"evenside: {link} is a symbolic link; Evenside leaves it alone. Give a regular file."
    ]
    assert link.is_symlink() and os.readlink(link) == str(precious)
    assert precious.read_text() == OLD_EXPORT


def test_export_to_a_device_is_refused_and_the_device_stays(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A device node of the test's own (like /dev/null: character device 1,3), so a broken
    export can only replace this one, never the system's."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    code, _out, err = run(capsys, "--db", str(logged_db), "export", str(device))
    assert code == 2
    assert err == [
        f"evenside: {device} is not a regular file (a device, pipe or socket); "
        "Evenside leaves it alone."
    ]
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_to_a_pipe_is_refused_without_blocking(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "--db", str(logged_db), "export", str(fifo))
    assert code == 2
    assert err == [
        f"evenside: {fifo} is not a regular file (a device, pipe or socket); "
        "Evenside leaves it alone."
    ]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize(("umask", "expected_mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_a_new_export_gets_the_users_normal_file_mode(
    logged_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    umask: int,
    expected_mode: int,
) -> None:
    target = tmp_path / "sets.csv"
    previous = os.umask(umask)
    try:
        code, out, _err = run(capsys, "--db", str(logged_db), "export", str(target))
    finally:
        os.umask(previous)
    assert code == 0 and out == f"{target}: 2 sets\n"
    assert stat.S_IMODE(target.stat().st_mode) == expected_mode
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == ["sets.csv"]


def test_replacing_an_export_keeps_the_mode_the_user_gave_it(
    logged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sets.csv"
    target.write_text(OLD_EXPORT)
    target.chmod(0o640)
    code, out, err = run(capsys, "--db", str(logged_db), "export", str(target))
    assert code == 2 and out == "" and target.read_text() == OLD_EXPORT  # never by default
    assert err == [
        f"evenside: {target} already exists; choose a new file, or pass --replace to write over it."
    ]
    code, _out, _err = run(capsys, "--db", str(logged_db), "export", str(target), "--replace")
    assert code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text().count("\n") == 3  # header and two sets


def test_a_full_disk_during_export_keeps_the_old_file_and_leaves_no_temporary(
    logged_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "sets.csv"
    target.write_text(OLD_EXPORT)

    def no_space(_handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("evenside.interchange.file_targets.os.fsync", no_space)
    code, out, err = run(capsys, "--db", str(logged_db), "export", str(target), "--replace")
    assert code == 2 and out == ""
    assert err == [f"evenside: The disk is full; {target} was not written and nothing was changed."]
    assert target.read_text() == OLD_EXPORT
    assert [p.name for p in folder.iterdir()] == ["sets.csv"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system (tmpfs); skipped where mounting is not allowed."""
    with small_file_system(tmp_path / "small-disk", "size=64k") as folder:
        yield folder


def test_an_export_larger_than_a_real_small_disk(
    db_path: Path,
    store: Store,
    profile: Profile,
    small_disk: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill_demo(store, weeks=6)  # a few hundred kilobytes of CSV: more than the disk holds
    store.close()
    target = small_disk / "sets.csv"
    target.write_text(OLD_EXPORT)
    code, out, err = run(capsys, "--db", str(db_path), "export", str(target), "--replace")
    assert code == 2 and out == ""
    assert err == [f"evenside: The disk is full; {target} was not written and nothing was changed."]
    assert target.read_text() == OLD_EXPORT
    assert [p.name for p in small_disk.iterdir()] == ["sets.csv"]
