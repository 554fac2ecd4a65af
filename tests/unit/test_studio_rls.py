"""Studio mode: each trainer is a server role, and the server keeps them to their own
clients, even with hand-written SQL. Two trainers, Anna and Ben, each log a client through
Evenside; then Ben tries every kind of statement on Anna's client's rows."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store
from postgres_cluster import SUPERUSER, Cluster

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip(
    "psycopg", reason="psycopg is not installed (pip install -e '.[test]')"
)
ROW = "One-arm dumbbell row"


PASSWORDS = {"head_coach": "head-secret-1", "anna": "anna-secret-1", "ben": "ben-secret-22"}


def _as(cluster: Cluster, database: str, user: str) -> psycopg.Connection[tuple[object, ...]]:
    """Raw SQL as ``user``; a trainer signs in with their password (from PGPASSFILE)."""
    return psycopg.connect(
        host=str(cluster.socket_dir), user=user, dbname=database, autocommit=True
    )


def _studio(monkeypatch: pytest.MonkeyPatch, password: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(list(args))


@dataclass
class Studio:
    cluster: Cluster
    database: str
    url: str

    def url_for(self, user: str) -> str:
        return self.url.replace(f"{SUPERUSER}@", f"{user}@")

    def log_client(self, trainer: str, client: str, left_kg: float) -> None:
        """``trainer`` adds ``client`` through Evenside and logs one session of rows."""
        store = open_store(self.url_for(trainer))
        try:
            profile = profiles.create_profile(store, client, Side.RIGHT, Unit.KG)
            row = next(e.id for e in library.all_exercises(store) if e.name == ROW)
            session = workout.start_session(store, profile.id)
            entry = workout.add_exercise(store, session.id, row)
            workout.log_set(store, entry, SetRecord(Side.LEFT, left_kg, 8))
            workout.log_set(store, entry, SetRecord(Side.RIGHT, left_kg + 2.5, 8))
            workout.finish_session(store, session.id)
        finally:
            store.close()

    def admin_ids(self, client: str) -> tuple[int, int, int]:
        """The client's profile id, their session's id and their exercise entry's id."""
        with _as(self.cluster, self.database, SUPERUSER) as connection:
            row = connection.execute(
                "SELECT p.id, s.id, e.id FROM profiles p JOIN sessions s ON s.profile_id = p.id "
                "JOIN session_exercises e ON e.session_id = s.id WHERE p.name = %s",
                (client,),
            ).fetchone()
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])  # type: ignore[call-overload]


@pytest.fixture
def studio(
    postgres: Cluster, postgres_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Studio]:
    """Init, two trainers added, each signing in with the standard password file."""
    database = postgres_url.split("@/", 1)[1].split("?", 1)[0]
    monkeypatch.setattr("sys.stdin", io.StringIO())
    try:
        yield _set_up_studio(postgres, database, postgres_url, monkeypatch, tmp_path)
    finally:  # roles belong to the whole cluster: drop them even after a failed set-up
        with _as(postgres, database, SUPERUSER) as connection:
            for role in PASSWORDS:
                if connection.execute(
                    "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)
                ).fetchone():
                    connection.execute(f"DROP OWNED BY {role}")
                    connection.execute(f"DROP ROLE {role}")


def _set_up_studio(
    postgres: Cluster,
    database: str,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Studio:
    assert _studio(monkeypatch, PASSWORDS["head_coach"], "studio", "init", postgres_url,
                   "--head", "head_coach", "--password-stdin") == 0  # fmt: skip
    for trainer in ("anna", "ben"):
        assert _studio(monkeypatch, PASSWORDS[trainer], "--db", postgres_url, "studio",
                       "add-trainer", trainer, "--password-stdin") == 0  # fmt: skip
    passfile = tmp_path / "pgpass"
    passfile.write_text("".join(f"*:*:*:{u}:{p}\n" for u, p in PASSWORDS.items()))
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    made = Studio(postgres, database, postgres_url)
    made.log_client("anna", "Alice", 20)
    made.log_client("ben", "Bob", 30)
    return made


def test_a_trainer_reads_only_their_own_clients_rows(studio: Studio) -> None:
    with _as(studio.cluster, studio.database, "ben") as ben:
        assert ben.execute("SELECT name FROM profiles").fetchall() == [("Bob",)]
        # Bob's two sets, 30 kg left and 32.5 kg right; none of Alice's 20 / 22.5 kg.
        weights = ben.execute("SELECT weight_kg FROM sets ORDER BY weight_kg").fetchall()
        assert weights == [(30.0,), (32.5,)]
        assert ben.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
        assert ben.execute("SELECT count(*) FROM session_exercises").fetchone() == (1,)


def test_a_trainer_cannot_change_or_delete_another_trainers_client(studio: Studio) -> None:
    alice, alice_session, _ = studio.admin_ids("Alice")
    with _as(studio.cluster, studio.database, "ben") as ben:
        assert ben.execute("UPDATE sets SET reps = 99 WHERE weight_kg = 20").rowcount == 0
        assert (
            ben.execute("UPDATE profiles SET name = 'Taken' WHERE id = %s", (alice,)).rowcount == 0
        )
        assert ben.execute("DELETE FROM sessions WHERE id = %s", (alice_session,)).rowcount == 0
        assert ben.execute("DELETE FROM profiles WHERE id = %s", (alice,)).rowcount == 0
    with _as(studio.cluster, studio.database, SUPERUSER) as admin:
        assert admin.execute("SELECT name FROM profiles WHERE id = %s", (alice,)).fetchone() == (
            "Alice",
        )
        assert admin.execute(
            "SELECT reps FROM sets WHERE weight_kg IN (20, 22.5) ORDER BY weight_kg"
        ).fetchall() == [(8,), (8,)]


def test_a_trainer_cannot_add_rows_to_another_trainers_client(studio: Studio) -> None:
    alice, _, alice_entry = studio.admin_ids("Alice")
    with _as(studio.cluster, studio.database, "ben") as ben:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ben.execute(
                "INSERT INTO sessions (profile_id, name, notes, started_at) "
                "VALUES (%s, 'sneaked', '', now())",
                (alice,),
            )
        # A copy of one of Ben's own sets, pointed at Alice's exercise entry.
        ben.execute("CREATE TEMP TABLE copied AS SELECT * FROM sets LIMIT 1")
        ben.execute(
            "UPDATE copied SET id = (SELECT max(id) + 100 FROM sets), session_exercise_id = %s",
            (alice_entry,),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ben.execute("INSERT INTO sets SELECT * FROM copied")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            ben.execute("UPDATE sessions SET profile_id = %s", (alice,))  # moving his own over
    with _as(studio.cluster, studio.database, SUPERUSER) as admin:
        assert admin.execute(
            "SELECT count(*) FROM sessions WHERE profile_id = %s", (alice,)
        ).fetchone() == (1,)
        assert admin.execute("SELECT count(*) FROM sets").fetchone() == (4,)


def test_the_head_trainer_sees_every_client_and_sharing_opens_one_more(
    studio: Studio, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with _as(studio.cluster, studio.database, "head_coach") as head:
        assert head.execute("SELECT name FROM profiles ORDER BY name").fetchall() == [
            ("Alice",),
            ("Bob",),
        ]
        assert head.execute("SELECT count(*) FROM sets").fetchone() == (4,)
    assert main(["--db", studio.url_for("head_coach"), "studio", "share", "Alice", "ben"]) == 0
    assert capsys.readouterr().out == "ben now sees Alice\n"
    with _as(studio.cluster, studio.database, "ben") as ben:
        assert ben.execute("SELECT name FROM profiles ORDER BY name").fetchall() == [
            ("Alice",),
            ("Bob",),
        ]
    assert main(["--db", studio.url, "studio", "access"]) == 0
    assert capsys.readouterr().out == "Alice: anna (owner)\nAlice: ben\nBob: ben (owner)\n"


def test_passwords_reach_the_server_only_as_scram_verifiers(studio: Studio) -> None:
    with _as(studio.cluster, studio.database, SUPERUSER) as admin:
        stored = dict(
            admin.execute(
                "SELECT rolname, rolpassword FROM pg_authid WHERE rolname IN "
                "('anna', 'ben', 'head_coach')"
            ).fetchall()
        )
    assert set(stored) == {"anna", "ben", "head_coach"}
    for role, password in (("anna", "anna-secret-1"), ("ben", "ben-secret-22")):
        assert str(stored[role]).startswith("SCRAM-SHA-256$4096:")
        assert password not in str(stored[role])


def test_a_trainer_without_the_right_password_is_refused_in_one_line(
    studio: Studio,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    wrong = tmp_path / "wrong-pgpass"
    wrong.write_text("*:*:*:ben:not-his-password\n")
    wrong.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(wrong))
    assert main(["--db", studio.url_for("ben"), "report"]) == 2
    err = capsys.readouterr().err
    # The server answered: a refused password, not an unreachable server.
    assert err.startswith("evenside: The server refused the password for ben (postgresql+")
    assert "Cannot reach" not in err and err.count("\n") == 1
    # Then where the command line reads it from, after one full stop.
    assert "). The command line reads the password from PGPASSFILE" in err
    assert ".." not in err


def test_a_trainer_name_that_is_not_a_plain_role_name_is_one_line(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _studio(monkeypatch, "long-enough-1", "--db", postgres_url, "studio", "add-trainer",
                   'x"; DROP TABLE sets; --', "--password-stdin")  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith('evenside: "x"; DROP TABLE sets; --" cannot be a trainer\'s name')
    assert err.count("\n") == 1


def test_a_client_a_trainer_adds_is_theirs(
    studio: Studio, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", studio.url_for("ben"), "studio", "add-client", "Carol"]) == 0
    assert capsys.readouterr().out == "client Carol added; you own their training record\n"
    with _as(studio.cluster, studio.database, "anna") as anna:
        assert anna.execute("SELECT name FROM profiles").fetchall() == [("Alice",)]
    assert main(["--db", studio.url, "studio", "access"]) == 0
    assert capsys.readouterr().out == "Alice: anna (owner)\nBob: ben (owner)\nCarol: ben (owner)\n"


def test_a_trainer_cannot_upgrade_the_schema_and_is_told_who_can(
    studio: Studio, capsys: pytest.CaptureFixture[str]
) -> None:
    with _as(studio.cluster, studio.database, SUPERUSER) as admin:
        admin.execute("UPDATE alembic_version SET version_num = '0004'")
    assert main(["--db", studio.url_for("anna"), "report"]) == 2
    err = capsys.readouterr().err
    assert "needs its schema upgraded (from 0004): open it once as the database's owner" in err
    with _as(studio.cluster, studio.database, SUPERUSER) as admin:
        assert admin.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
