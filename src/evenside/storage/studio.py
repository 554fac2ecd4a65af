"""Studio mode on PostgreSQL: trainers are server roles, and the server itself keeps each
trainer to their own clients' rows (row-level security), whatever SQL they send.

Made by ``evenside studio init`` on the server only (SQLite has no roles); nothing here is
part of the Alembic schema, so a file and a server share the same revisions.

- ``evenside_trainer``: the group every trainer's login role is in. It may read and write
  every table, but the policies show it only the rows of its clients.
- ``evenside_head``: head trainers (also trainers). They see every client, and may add
  trainers and share clients.
- ``studio_access``: which trainer (role name) may see which profile (client), and who owns
  it. A profile a trainer adds is theirs: a trigger records its owner as it is inserted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from evenside.domain.errors import InvalidInput, NotFound
from evenside.storage.database import Database

TRAINER = "evenside_trainer"
HEAD = "evenside_head"
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
INSUFFICIENT_PRIVILEGE = "42501"
PASSWORD_HASH = re.compile(r"SCRAM-SHA-256\$[A-Za-z0-9+/=:$]+")

# Every table holding a client's rows, and how a row leads to its profile.
CLIENT_TABLES: dict[str, str] = {
    "profiles": "evenside_can_see(id)",
    "routines": "evenside_can_see(profile_id)",
    "sessions": "evenside_can_see(profile_id)",
    "measurements": "evenside_can_see(profile_id)",
    "assessments": "evenside_can_see(profile_id)",
    "catch_ups": "evenside_can_see(profile_id)",
    "habit_ticks": "evenside_can_see(profile_id)",
    "discomfort": "evenside_can_see(profile_id)",
    "routine_days": "evenside_can_see(evenside_routine_profile(routine_id))",
    "routine_items": "evenside_can_see(evenside_day_profile(day_id))",
    "session_exercises": "evenside_can_see(evenside_session_profile(session_id))",
    "sets": "evenside_can_see(evenside_entry_profile(session_exercise_id))",
}
# Shared by the whole studio: the exercise library, import mappings, the file's facts.
SHARED_TABLES = ("exercises", "stretches", "exercise_stretches", "import_mappings", "app_meta")

_SETUP = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{TRAINER}') THEN
    CREATE ROLE {TRAINER} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{HEAD}') THEN
    CREATE ROLE {HEAD} NOLOGIN CREATEROLE IN ROLE {TRAINER};
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS studio_access (
  profile_id integer NOT NULL REFERENCES profiles (id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,  -- written by the BEFORE INSERT trigger below
  role_name name NOT NULL,
  is_owner boolean NOT NULL DEFAULT false,
  PRIMARY KEY (profile_id, role_name)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_studio_access_one_owner
  ON studio_access (profile_id) WHERE is_owner;
-- Inside these definer's-rights functions current_user is their owner: the trainer is the
-- login role, session_user (which SET ROLE does not change).
-- Volatile, not stable: a profile's owner row, written by the trigger below within the
-- same INSERT, must be seen by the INSERT's own policy check.
CREATE OR REPLACE FUNCTION evenside_can_see(profile integer) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, '{HEAD}', 'MEMBER')
        OR EXISTS (SELECT 1 FROM studio_access a
                   WHERE a.profile_id = profile AND a.role_name = session_user) $$;
CREATE OR REPLACE FUNCTION evenside_routine_profile(routine integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT profile_id FROM routines WHERE id = routine $$;
CREATE OR REPLACE FUNCTION evenside_day_profile(day integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.profile_id FROM routine_days d JOIN routines r ON r.id = d.routine_id
    WHERE d.id = day $$;
CREATE OR REPLACE FUNCTION evenside_session_profile(session integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT profile_id FROM sessions WHERE id = session $$;
CREATE OR REPLACE FUNCTION evenside_entry_profile(entry integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.profile_id FROM session_exercises e JOIN sessions s ON s.id = e.session_id
    WHERE e.id = entry $$;
CREATE OR REPLACE FUNCTION evenside_record_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  BEGIN
    INSERT INTO studio_access (profile_id, role_name, is_owner)
    VALUES (NEW.id, session_user, true) ON CONFLICT DO NOTHING;
    RETURN NEW;
  END $$;
DROP TRIGGER IF EXISTS evenside_profile_owner ON profiles;
CREATE TRIGGER evenside_profile_owner BEFORE INSERT ON profiles
  FOR EACH ROW EXECUTE FUNCTION evenside_record_owner();
REVOKE ALL ON FUNCTION evenside_record_owner() FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {TRAINER};
GRANT SELECT, INSERT, UPDATE, DELETE ON
  {", ".join((*CLIENT_TABLES, *SHARED_TABLES))} TO {TRAINER};
GRANT SELECT ON alembic_version TO {TRAINER};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {TRAINER};
GRANT SELECT, INSERT, DELETE ON studio_access TO {HEAD};
GRANT SELECT ON repairs TO {HEAD};
"""


def _policy(table: str, condition: str) -> str:
    return (
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\n"
        f"DROP POLICY IF EXISTS client_rows ON {table};\n"
        f"CREATE POLICY client_rows ON {table} FOR ALL TO {TRAINER} "
        f"USING ({condition}) WITH CHECK ({condition});\n"
    )


def set_up(connection: Connection) -> None:
    """Create (or bring up to date) the roles, the access table, the functions and the
    row-level security policies. Runs as the database's owner; safe to run again."""
    connection.exec_driver_sql(_SETUP)
    for table, condition in CLIENT_TABLES.items():
        connection.exec_driver_sql(_policy(table, condition))


def _role(connection: Connection, name: str) -> str:
    """``name`` checked and quoted as a role name."""
    if not ROLE_NAME.fullmatch(name):
        raise InvalidInput(
            f'"{name}" cannot be a trainer\'s name: use lowercase letters, digits and _, '
            "starting with a letter (at most 63)."
        )
    return connection.dialect.identifier_preparer.quote(name)


def password_hash(connection: Connection, name: str, password: str) -> str:
    """The SCRAM verifier of ``password``, made on this side: the password itself never
    reaches the server, its logs or its catalogue."""
    raw = connection.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        raise InvalidInput("Studio mode needs a PostgreSQL server reached through psycopg.")
    verifier = bytes(pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256"))
    hashed = verifier.decode("ascii")
    if not PASSWORD_HASH.fullmatch(hashed):
        raise InvalidInput("The server's client library made no SCRAM password verifier.")
    return hashed


def create_trainer(connection: Connection, name: str, password: str, *, head: bool) -> None:
    """A login role for a trainer (or a head trainer), with the password's verifier."""
    role = _role(connection, name)
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).first()
    if exists:
        raise InvalidInput(f'A trainer (or server role) called "{name}" already exists.')
    hashed = password_hash(connection, name, password)
    group = HEAD if head else TRAINER
    connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{hashed}' IN ROLE {group}")


@dataclass(frozen=True)
class Access:
    client: str
    trainer: str
    owner: bool


def share(connection: Connection, client: str, trainer: str) -> None:
    """Let ``trainer`` see and log ``client``'s rows too (the owner stays the owner)."""
    _role(connection, trainer)
    may_share = connection.execute(
        text(
            "SELECT CASE WHEN to_regclass('studio_access') IS NOT NULL "
            "THEN has_table_privilege('studio_access', 'INSERT') END, session_user"
        )
    ).one()
    if may_share[0] is None:
        raise InvalidInput("This server is no studio yet: run evenside studio init first.")
    if not may_share[0]:  # asked first: a trainer does not see the client they name
        raise InvalidInput(
            f"Only a head trainer can share a client; {may_share[1]} is not one (ask a head "
            "trainer to share it)."
        )
    profile = connection.execute(
        text("SELECT id FROM profiles WHERE lower(name) = lower(:name)"), {"name": client}
    ).first()
    if profile is None:
        raise NotFound(f'No client called "{client}".')
    member = connection.execute(
        text("SELECT pg_has_role(:name, :group, 'MEMBER') FROM pg_roles WHERE rolname = :name"),
        {"name": trainer, "group": TRAINER},
    ).first()
    if member is None or not member[0]:
        raise NotFound(f'No trainer called "{trainer}" (add them with studio add-trainer).')
    connection.execute(
        text(
            "INSERT INTO studio_access (profile_id, role_name) VALUES (:id, :name) "
            "ON CONFLICT DO NOTHING"
        ),
        {"id": profile[0], "name": trainer},
    )


def access_list(connection: Connection) -> list[Access]:
    rows = connection.execute(
        text(
            "SELECT p.name, a.role_name, a.is_owner FROM studio_access a "
            "JOIN profiles p ON p.id = a.profile_id ORDER BY p.name, NOT a.is_owner, a.role_name"
        )
    )
    return [Access(str(name), str(role), bool(owner)) for name, role, owner in rows]


def _require_server(database: Database) -> None:
    if database.url is None:
        raise InvalidInput(
            "Studio mode needs a PostgreSQL server (postgresql+psycopg://...), not a file."
        )


def init(database: Database, head: str, password: str) -> bool:
    """Policies, roles and a head trainer, all in one transaction. True when the database
    was a studio already: its access rules are brought up to date and ``head`` is one more
    head trainer."""
    _require_server(database)
    with database.engine.begin() as connection:
        was_studio = connection.execute(
            text("SELECT to_regclass('studio_access') IS NOT NULL")
        ).scalar_one()
        set_up(connection)
        create_trainer(connection, head, password, head=True)
    return bool(was_studio)


@contextmanager
def _head_only(what: str) -> Iterator[None]:
    """A step the server lets only a head trainer (or the owner) take: one line otherwise."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        raise InvalidInput(
            f"Only a head trainer can {what}; the server refused ({_first_line(exc)})."
        ) from None


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0]


def add_trainer(database: Database, name: str, password: str, *, head: bool = False) -> None:
    _require_server(database)
    with _head_only("add a trainer"), database.engine.begin() as connection:
        create_trainer(connection, name, password, head=head)


def share_client(database: Database, client: str, trainer: str) -> None:
    _require_server(database)
    with _head_only("share a client"), database.engine.begin() as connection:
        share(connection, client, trainer)


def who_sees_what(database: Database) -> list[Access]:
    _require_server(database)
    with _head_only("list who sees which client"), database.engine.connect() as connection:
        return access_list(connection)
