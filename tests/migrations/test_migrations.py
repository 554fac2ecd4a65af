"""Schema migrations: one head, upgrade from empty and from every older revision (with a
backup first), models equal to the migrated schema, files we refuse left byte-identical."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from old_files import seed_at

from evenside.domain.errors import (
    DamagedDatabase,
    EvensideError,
    LocationNotWritable,
    NewerDatabase,
    NotADatabase,
)
from evenside.services.store import open_store
from evenside.storage import migrate
from evenside.storage.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    current_revision,
    open_database,
)
from evenside.storage.models import Base

NOW = datetime(2026, 11, 2, 9, 30, 0)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_one_head_and_the_known_list_matches_the_scripts() -> None:
    assert migrate.script_heads() == [HEAD_REVISION]
    assert tuple(migrate.script_revisions()) == KNOWN_REVISIONS


def test_upgrade_from_empty_reaches_head(db_path: Path) -> None:
    database = open_database(db_path, now=NOW)
    assert current_revision(database) == HEAD_REVISION
    assert database.backup is None  # nothing to lose in a new file
    database.close()


def test_models_match_the_migrated_schema(db_path: Path) -> None:
    database = open_database(db_path, now=NOW)
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.close()
    assert diff == []


def test_pragmas_on_every_connection(db_path: Path) -> None:
    database = open_database(db_path, now=NOW)
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    database.close()


OLDER = [r for r in KNOWN_REVISIONS if r != HEAD_REVISION]


def test_there_is_an_older_revision_to_upgrade_from() -> None:
    assert OLDER, "the upgrade tests below need at least one revision before head"


@pytest.mark.parametrize("revision", OLDER)
def test_upgrade_keeps_data_and_backs_up_first(db_path: Path, revision: str) -> None:
    seed_at(db_path, revision)
    before = _digest(db_path)
    store = open_store(db_path)
    backup = store.upgrade_backup
    assert backup is not None and backup.exists()
    assert backup.parent == db_path.parent and revision in backup.name
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
        assert old.execute("SELECT count(*) FROM sets").fetchone()[0] == 1
    from evenside.services import library, profiles

    names = {e.name for e in library.all_exercises(store)}
    assert "My landmine row" in names  # user-made exercises survive the upgrade
    assert len(names) > 60  # and the library was seeded beside them
    assert [p.name for p in profiles.list_profiles(store)] == ["Kim"]
    store.close()
    assert _digest(db_path) != before
    with sqlite3.connect(db_path) as upgraded:
        weight = upgraded.execute("SELECT weight_kg FROM sets").fetchone()[0]
    assert weight == pytest.approx(61.23496995)


def test_reopening_at_head_makes_no_backup(db_path: Path) -> None:
    open_store(db_path).close()
    store = open_store(db_path)
    assert store.upgrade_backup is None
    store.close()
    assert [p.name for p in db_path.parent.iterdir() if "before-upgrade" in p.name] == []


def _other_programs_file(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    connection.close()


def _newer_evenside_file(path: Path) -> None:
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def _truncated_file(path: Path) -> None:
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p.write_bytes(b""), NotADatabase, "empty file"),
        (lambda p: p.write_bytes(os.urandom(4096)), NotADatabase, "not an SQLite file"),
        (_other_programs_file, NotADatabase, "another program"),
        (_newer_evenside_file, NewerDatabase, "newer version"),
        (_truncated_file, DamagedDatabase, "truncated"),
    ],
    ids=["empty", "random-bytes", "other-program", "newer", "truncated"],
)
def test_refused_files_are_left_byte_identical(
    db_path: Path, make: object, error: type[EvensideError], words: str
) -> None:
    make(db_path)  # type: ignore[operator]
    before = _digest(db_path)
    siblings = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(error, match=words):
        open_store(db_path)
    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == siblings


def test_read_only_file_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    db_path.chmod(0o444)
    before = _digest(db_path)
    with pytest.raises(LocationNotWritable, match="read-only"):
        open_store(db_path)
    assert _digest(db_path) == before


def test_read_only_folder_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    db_path.parent.chmod(0o555)
    try:
        with pytest.raises(LocationNotWritable, match="folder"):
            open_store(db_path)
    finally:
        db_path.parent.chmod(0o755)


def test_the_triggers_keeping_session_bests_exist_at_head(db_path: Path) -> None:
    # A later revision that rebuilds sets or session_exercises drops the triggers
    # on that table with it, and must create them again (revision 0006).
    open_database(db_path, now=NOW).close()
    with sqlite3.connect(db_path) as connection:
        triggers = connection.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1, 2"
        ).fetchall()
    connection.close()
    assert triggers == [
        ("session_exercises", "session_bests_entry_deleted"),
        ("session_exercises", "session_bests_entry_moved"),
        ("sets", "session_bests_set_added"),
        ("sets", "session_bests_set_changed"),
        ("sets", "session_bests_set_deleted"),
    ]


def test_session_bests_is_kept_small(db_path: Path) -> None:
    # No rowid, and the hold index only over timed sets: the table adds about a fifth to a
    # file, not as much again.
    open_database(db_path, now=NOW).close()
    with sqlite3.connect(db_path) as connection:
        table, hold = (
            connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[
                0
            ]
            for name in ("session_bests", "ix_session_bests_hold")
        )
    connection.close()
    assert table.rstrip().endswith("WITHOUT ROWID")
    assert hold.rstrip().endswith("WHERE best_seconds IS NOT NULL")
