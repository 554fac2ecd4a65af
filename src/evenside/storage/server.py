"""Opening an Evenside database on a PostgreSQL server (a studio's shared database).

The same models and the same Alembic revisions as the SQLite file; what differs is what a
file has and a server has not: no header to inspect, no file lock, no copy before an
upgrade (the server's own backups, ``pg_dump``, cover that), no pragmas. The server's
version is checked (13 or later), and a schema newer than this Evenside is refused without
a change, as on SQLite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from evenside.domain.errors import (
    EvensideError,
    InvalidInput,
    LoginRefused,
    NewerDatabase,
    NotADatabase,
    ServerUnreachable,
)
from evenside.paths import SERVER_SCHEMES
from evenside.storage.database import KNOWN_REVISIONS, OUR_TABLES, Database

OLDEST_SERVER = 13
# How long a connection attempt waits for the server before it gives up (a network that
# silently drops packets never refuses). A ``connect_timeout`` in the URL's own options
# wins over it.
CONNECT_TIMEOUT_S = 5
# Once connected, a network that drops packets would hang a query until TCP gives up
# (minutes). These bound it to about 20 s, after which the set goes to the outbox. Unix
# sockets ignore them; the URL's own values win.
DEAD_LINK_OPTIONS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 2,
    "tcp_user_timeout": 20_000,  # milliseconds unacknowledged data may wait
}


def normalised_url(url: str) -> str:
    """Always the psycopg 3 driver: ``postgresql://`` alone would ask for psycopg2."""
    for scheme in SERVER_SCHEMES[1:]:
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme) :]
    return url


def display_url(url: str) -> str:
    """The URL without its password, for messages and the window's title."""
    try:
        return make_url(normalised_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return "a PostgreSQL server"


def make_server_engine(
    url: str, connect_timeout: int = CONNECT_TIMEOUT_S, **options: Any
) -> Engine:
    try:
        parsed = make_url(normalised_url(url))
    except ArgumentError as exc:
        raise InvalidInput(f"Not a PostgreSQL address: {display_url(url)}.") from exc
    connect_args: dict[str, Any] = {"application_name": "evenside"}
    # SSL settings (sslmode, sslrootcert, ...) and a connect_timeout of the user's own stay
    # in the URL's query: psycopg reads them (connect_args would override them).
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = connect_timeout
    connect_args |= {k: v for k, v in DEAD_LINK_OPTIONS.items() if k not in parsed.query}
    return create_engine(parsed, connect_args=connect_args, pool_pre_ping=True, **options)


def connect_timeout(url: str, default: int = CONNECT_TIMEOUT_S) -> int:
    """How many seconds a connection to ``url`` may take: its own ``connect_timeout``, else
    ``default``; 0 is no limit. (libpq counts 1 as 2.)"""
    try:
        given = make_url(normalised_url(url)).query.get("connect_timeout")
        seconds = default if given is None else int(str(given))
    except (ArgumentError, ValueError):
        return default
    return 0 if seconds <= 0 else max(2, seconds)


def open_server_database(url: str) -> Database:
    """Connect to the database at ``url``, create or upgrade its schema, and return it.

    Raises ``ServerUnreachable`` when the server cannot be reached or refuses the login,
    ``NewerDatabase`` for a schema from a newer Evenside, ``NotADatabase`` for a database
    holding another program's tables, ``InvalidInput`` for a server older than 13.
    """
    shown = display_url(url)
    engine = make_server_engine(url)
    try:
        revision = _inspect(engine, shown)
        if revision != KNOWN_REVISIONS[-1]:
            from evenside.storage import migrate

            try:
                with engine.connect() as connection:
                    migrate.upgrade(connection)
            except ProgrammingError as exc:  # a trainer's login may not change the schema
                raise InvalidInput(
                    f"{shown} needs its schema upgraded (from {revision or 'none'}): open it "
                    "once as the database's owner, who may change it. Nothing was changed."
                ) from exc
    except OperationalError as exc:
        engine.dispose()
        raise not_opened(exc, url) from exc
    except BaseException:
        engine.dispose()
        raise
    database = Database(
        Path(shown), engine, sessionmaker(engine, expire_on_commit=False), url=shown
    )
    if revision is not None and revision != KNOWN_REVISIONS[-1]:
        database.upgraded_from = revision
    return database


def probe(url: str, connect_timeout: int) -> None:
    """Connect once and leave, giving up after ``connect_timeout`` seconds (or the URL's
    own): whether the server answers now. Raises ``ServerUnreachable`` with the server's
    reason (a refused password included: the caller tells the two apart)."""
    engine = make_server_engine(url, connect_timeout, poolclass=NullPool)
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        raise not_opened(exc, url) from exc
    finally:
        engine.dispose()


def not_opened(exc: OperationalError, url: str) -> ServerUnreachable:
    """Why ``url`` did not open: the server refused the login (it answered: a wrong or
    missing password, no entry for this trainer), or it could not be reached."""
    shown = display_url(url)
    reason = _first_line(exc).rsplit("FATAL:", 1)[-1].strip()
    said = str(exc.orig or exc)
    try:
        user = make_url(normalised_url(url)).username or "this login"
    except ArgumentError:
        user = "this login"
    if "password authentication failed" in said:
        return LoginRefused(f"The server refused the password for {user} ({shown}).")
    if "no password supplied" in said:
        return LoginRefused(f"The server at {shown} asks for {user}'s password: {reason}")
    if "no pg_hba.conf entry" in said or "authentication failed" in said:
        return LoginRefused(f"The server at {shown} refused the login of {user}: {reason}")
    return ServerUnreachable(f"Cannot reach {shown}: {_first_line(exc)}")


def _inspect(engine: Engine, shown: str) -> str | None:
    """The schema revision at ``engine`` (None: an empty database), refusing what we
    cannot open before writing anything."""
    with engine.connect() as connection:
        version = connection.dialect.server_version_info or (0,)
        if int(version[0]) < OLDEST_SERVER:
            raise InvalidInput(
                f"{shown} runs PostgreSQL {'.'.join(map(str, version))}; Evenside needs "
                f"{OLDEST_SERVER} or later."
            )
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return None
        if "alembic_version" not in tables or not tables >= OUR_TABLES:
            raise NotADatabase(f"{shown} holds another program's tables, not Evenside's.")
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    if row is None:
        raise NotADatabase(f"{shown} is not an Evenside database (no schema version).")
    revision = str(row[0])
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabase(
            f"{shown} was written by a newer version of Evenside (schema {revision}); "
            "update Evenside to open it. Nothing was changed."
        )
    return revision


def translate_server_error(exc: DBAPIError, shown: str) -> EvensideError | Exception:
    """A lost connection as a known error; anything else is a bug (or a policy refusal,
    which the caller reports as it is)."""
    if isinstance(exc, OperationalError):
        return ServerUnreachable(f"Lost the connection to {shown}; the change was not saved.")
    return exc


def _first_line(exc: Exception) -> str:
    text_ = str(getattr(exc, "orig", exc)).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__
