"""A studio's database on a PostgreSQL server: every schema revision upgrades there, a
database Evenside cannot open is refused without a change, and the commands reach the
server by its address (--db or EVENSIDE_DB). Runs on the throwaway test server."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect

from evenside.cli import main
from evenside.domain.errors import NewerDatabase, NotADatabase, ServerUnreachable
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import Store, open_store
from evenside.storage import migrate, server
from postgres_cluster import SUPERUSER, Cluster

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip(
    "psycopg", reason="psycopg is not installed (pip install -e '.[test]')"
)


def _connect(cluster: Cluster, name: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host=str(cluster.socket_dir), user=SUPERUSER, dbname=name, autocommit=True
    )


def test_every_revision_upgrades_one_by_one_on_postgresql(postgres: Cluster) -> None:
    postgres.create_database("steps")
    engine = create_engine(postgres.url("steps"))
    try:
        for revision in ("0001", "0002", "0003", "0004", "0005", "0006"):
            with engine.connect() as connection:
                migrate.upgrade(connection, revision)
            with engine.connect() as connection:
                stamped = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
                assert stamped.scalar_one() == revision
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            columns = {c["name"] for c in inspect(connection).get_columns("sets")}
    finally:
        engine.dispose()
        postgres.drop_database("steps")
    # Tables and columns 0004 to 0006 add (see the revisions' files).
    assert {"assessments", "import_mappings", "catch_ups", "habit_ticks", "discomfort"} <= tables
    assert "session_bests" in tables  # 0006: the table, without the SQLite triggers
    assert {"volume_override", "sides_unrecorded", "distance_m", "source_key"} <= columns


def test_a_newer_schema_on_the_server_is_refused_and_left_as_it_was(
    postgres: Cluster, postgres_url: str
) -> None:
    name = postgres_url.split("@/")[1].split("?", maxsplit=1)[0]
    with _connect(postgres, name) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(NewerDatabase, match=r"newer version of Evenside \(schema 0099\)"):
        open_store(postgres_url)
    with _connect(postgres, name) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0099",)
        ]


def test_another_programs_database_is_refused(postgres: Cluster) -> None:
    postgres.create_database("other_program")
    with _connect(postgres, "other_program") as connection:
        connection.execute("CREATE TABLE invoices (id integer PRIMARY KEY)")
    try:
        with pytest.raises(NotADatabase, match="another program's tables"):
            open_store(postgres.url("other_program"))
    finally:
        postgres.drop_database("other_program")


def test_a_server_older_than_13_is_refused(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server is 13 or later; raising the floor past it shows the check is made.
    monkeypatch.setattr(server, "OLDEST_SERVER", 99)
    with pytest.raises(Exception, match="Evenside needs 99 or later"):
        open_store(postgres_url)


def test_an_unreachable_server_is_one_known_error(tmp_path: object) -> None:
    url = f"postgresql+psycopg://nobody@/evenside?host={tmp_path}"
    with pytest.raises(ServerUnreachable, match="Cannot reach postgresql"):
        open_store(url)


def _log_row_sets(store: Store, profile: Profile) -> None:
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, row)
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8))
    workout.log_set(store, se_id, SetRecord(Side.RIGHT, 22.5, 8))
    workout.finish_session(store, session.id)


def test_the_commands_reach_the_server_by_db_and_by_evenside_db(
    postgres_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(postgres_url)
    try:
        _log_row_sets(store, profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG))
    finally:
        store.close()
    assert main(["--db", postgres_url, "report", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["exercise"] == "One-arm dumbbell row"
    monkeypatch.setenv("EVENSIDE_DB", postgres_url)
    assert main(["report", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [entry]


def test_a_backup_of_a_server_database_is_refused_in_one_line(
    postgres_url: str, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    assert main(["--db", postgres_url, "backup", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("evenside: Cannot make a backup on a studio server")
    assert "pg_dump" in err and err.count("\n") == 1
