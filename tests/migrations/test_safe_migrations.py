"""Safe migrations (issue 11): schema changes run with SQLite's foreign keys off, in one
transaction, and are undone if a row would then point at a row that does not exist.

The scratch migration here rebuilds ``sessions`` the way batch mode does (copy, drop,
rename). With foreign keys on, dropping the old table cascades and every set is lost; the
first test shows that, so the second one, through the app's path, means something.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from old_files import seed_at

from evenside.domain.errors import DamagedDatabase
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store
from evenside.storage import migrate
from evenside.storage.database import HEAD_REVISION, make_engine, open_database

REPO = Path(__file__).parents[2]
SETS_SQL = "SELECT id, side, weight_kg, reps FROM sets ORDER BY id"


def _populated(path: Path) -> None:
    """A file at head with one finished session of three sets."""
    store = open_store(path)
    profile = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell curl")
    session = workout.start_session(store, profile.id, "Arms")
    se_id = workout.add_exercise(store, session.id, row)
    for side, weight, reps in [(Side.LEFT, 14.0, 10), (Side.RIGHT, 14.0, 10), (Side.LEFT, 16.0, 8)]:
        workout.log_set(store, se_id, SetRecord(side, weight, reps))
    workout.finish_session(store, session.id)
    store.close()


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def _rebuild_sessions(connection: sa.Connection) -> None:
    """A scratch revision's upgrade: add a column to ``sessions`` by rebuilding the table."""
    context = MigrationContext.configure(connection, opts={"render_as_batch": True})
    with Operations(context).batch_alter_table("sessions", recreate="always") as batch:
        batch.add_column(sa.Column("place", sa.String(60), nullable=True))


THREE_SETS = [(1, "left", 14.0, 10), (2, "right", 14.0, 10), (3, "left", 16.0, 8)]


def test_with_foreign_keys_on_a_rebuild_of_sessions_deletes_every_set(db_path: Path) -> None:
    _populated(db_path)
    assert _query(db_path, SETS_SQL) == THREE_SETS
    engine = make_engine(db_path)  # the app's connections: foreign keys on
    with engine.begin() as connection:
        # The legacy rename, as the app's schema changes use it: the triggers on sets name
        # sessions and would otherwise refuse the rename; only the foreign keys differ.
        connection.exec_driver_sql("PRAGMA legacy_alter_table = ON")
        _rebuild_sessions(connection)
    engine.dispose()
    assert _query(db_path, "SELECT name FROM sessions") == [("Arms",)]
    assert _query(db_path, SETS_SQL) == []  # the cascade issue 11 found


def test_through_the_apps_schema_change_the_rebuild_keeps_every_set(db_path: Path) -> None:
    _populated(db_path)
    engine = make_engine(db_path)
    with engine.connect() as connection:
        with migrate.schema_change(connection):
            _rebuild_sessions(connection)
        foreign_keys_after = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert _query(db_path, "SELECT name, place FROM sessions") == [("Arms", None)]
    assert _query(db_path, SETS_SQL) == THREE_SETS
    assert foreign_keys_after == 1  # the connection goes back to the pool as it came


def test_foreign_keys_are_off_only_for_the_length_of_the_change(db_path: Path) -> None:
    _populated(db_path)
    engine = make_engine(db_path)
    with engine.connect() as connection:
        with migrate.schema_change(connection):
            during = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        after = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert (during, after) == (0, 1)


def test_a_change_that_leaves_broken_links_is_undone_whole(db_path: Path) -> None:
    _populated(db_path)
    engine = make_engine(db_path)
    with engine.connect() as connection:
        refused = pytest.raises(DamagedDatabase, match="upgrade was undone")
        with refused, migrate.schema_change(connection):
            connection.exec_driver_sql("CREATE TABLE scratch (id INTEGER PRIMARY KEY)")
            connection.exec_driver_sql("DELETE FROM sessions")  # orphans the sets
        foreign_keys_after = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    tables = [t[0] for t in _query(db_path, "SELECT name FROM sqlite_master")]
    assert "scratch" not in tables  # the DDL was inside the transaction too
    assert _query(db_path, "SELECT name FROM sessions") == [("Arms",)]
    assert _query(db_path, SETS_SQL) == THREE_SETS
    assert foreign_keys_after == 1


def _everything(path: Path) -> list[object]:
    with sqlite3.connect(path) as connection:
        schema = connection.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
        rows = [
            connection.execute(f'SELECT * FROM "{t}"').fetchall()
            for t in tables
            if not t.startswith(("sqlite_", "ix_", "uq_"))
        ]
    connection.close()
    return [schema, rows]


def test_an_upgrade_of_a_file_with_broken_links_is_refused_and_changes_nothing(
    db_path: Path,
) -> None:
    seed_at(db_path, "0002")
    with sqlite3.connect(db_path) as connection:  # foreign keys are off in a bare sqlite3
        connection.execute(
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, "
            "logged_at) VALUES (99, 0, 'left', 30.0, 5, 'working', '2026-01-02 10:06:00')"
        )
    connection.close()
    before = _everything(db_path)
    with pytest.raises(DamagedDatabase, match="1 row\\(s\\) of sets would point at rows"):
        open_database(db_path, now=datetime(2026, 11, 2, 9, 30))
    assert _everything(db_path) == before
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0002",)]
    backups = [p.name for p in db_path.parent.iterdir() if "before-upgrade-from-0002" in p.name]
    assert len(backups) == 1


def test_alembic_ini_lets_a_developer_upgrade_and_autogenerate_against_a_scratch_file(
    tmp_path: Path,
) -> None:
    config = Config(REPO / "alembic.ini")
    assert config.get_main_option("script_location") == "src/evenside/storage/migrations"
    config.set_main_option("script_location", str(REPO / "src/evenside/storage/migrations"))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{tmp_path / 'scratch.sqlite3'}")
    command.upgrade(config, "head")
    command.check(config)  # autogenerate runs and finds the models equal to the migrations
    assert _query(tmp_path / "scratch.sqlite3", "SELECT version_num FROM alembic_version") == [
        (HEAD_REVISION,)
    ]
