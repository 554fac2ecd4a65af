"""The command line: version, help, demo databases, and known errors as one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evenside import __version__


def evenside(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_db is not None:
        env["EVENSIDE_DB"] = env_db
    return subprocess.run(
        [sys.executable, "-m", "evenside", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_version() -> None:
    result = evenside("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Evenside {__version__}"


def test_help_lists_the_options() -> None:
    result = evenside("--help")
    assert result.returncode == 0
    for option in ("--db", "--demo", "--version", "demo-db"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty file"), (b"GIF89a" + bytes(200), "not an SQLite file")],
)
def test_not_a_database_is_one_line_on_stderr(tmp_path: Path, content: bytes, words: str) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    result = evenside("--db", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].startswith("evenside: ")
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_evenside_db_variable_is_honoured(tmp_path: Path) -> None:
    bad = tmp_path / "from-env.sqlite3"
    bad.write_bytes(b"")
    result = evenside(env_db=str(bad))
    assert result.returncode == 2 and "from-env.sqlite3" in result.stderr


def test_unwritable_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = evenside("--db", str(folder / "new.sqlite3"))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


def test_demo_db_writes_a_database(tmp_path: Path) -> None:
    target = tmp_path / "demo.sqlite3"
    result = evenside("demo-db", str(target), "--years", "0.25")
    assert result.returncode == 0, result.stderr
    assert "sessions" in result.stdout and target.exists()
    again = evenside("demo-db", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_output_read_by_a_reader_that_left_is_no_traceback(tmp_path: Path) -> None:
    """`evenside ... | head -1`: the reader closes the pipe before the command prints."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "evenside", "init", "--db", str(tmp_path / "a.sqlite3")],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""  # no traceback, no "Exception ignored" at exit
    assert result.returncode == 141  # as a shell shows a command stopped by SIGPIPE: 128 + 13
    assert (tmp_path / "a.sqlite3").is_file()  # the work was done all the same
