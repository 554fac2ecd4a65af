"""What a window on a studio server reads to stay current: who and where it is signed in,
and a cheap stamp of each table a page shows (its row count and highest id), so a change
made by another laptop is noticed without reading the rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from evenside.domain.errors import ServerUnreachable
from evenside.storage.database import Database
from evenside.storage.server import normalised_url

# The tables each page shows, by the flag of ``Changes`` that tells the page to refresh.
WATCHED = {
    "sessions": "sessions",
    "exercises": "session_exercises",
    "sets": "sets",
    "routines": "routines",
    "measurements": "measurements",
    "profiles": "profiles",
    "assessments": "assessments",
}


@dataclass(frozen=True)
class ServerName:
    where: str  # host[:port], or "this computer" for a Unix socket
    database: str
    trainer: str


def server_name(url: str) -> ServerName:
    try:
        parsed = make_url(normalised_url(url))
    except ArgumentError:
        return ServerName("a PostgreSQL server", "", "")
    host = parsed.host or ""
    if not host:
        socket = parsed.query.get("host")
        host = "this computer" if socket is None or str(socket).startswith("/") else str(socket)
    where = f"{host}:{parsed.port}" if parsed.port else host
    return ServerName(where, parsed.database or "", parsed.username or "")


def with_password(url: str, password: str) -> str:
    """``url`` carrying ``password``, to connect with; it is never written anywhere."""
    return (
        make_url(normalised_url(url)).set(password=password).render_as_string(hide_password=False)
    )


def change_stamps(database: Database) -> dict[str, tuple[int, int]]:
    """Each watched table's (row count, highest id) as this login sees it (row-level
    security applies: another trainer's clients do not move the stamp)."""
    parts = ", ".join(
        f"(SELECT count(*) FROM {table}), (SELECT coalesce(max(id), 0) FROM {table})"
        for table in WATCHED.values()
    )
    try:
        with database.engine.connect() as connection:
            row = connection.execute(text(f"SELECT {parts}")).one()  # noqa: S608 - fixed names
    except DBAPIError as exc:
        raise ServerUnreachable(f"Lost the connection to {database.url}.") from exc
    values = [int(v) for v in row]
    return {flag: (values[2 * i], values[2 * i + 1]) for i, flag in enumerate(WATCHED)}


def server_url(host: str, port: int, database: str, trainer: str) -> str:
    """The address of ``database`` on ``host`` for ``trainer``, without a password. A host
    starting with ``/`` is a Unix socket's folder."""
    from sqlalchemy.engine import URL

    if host.startswith("/"):
        url = URL.create(
            "postgresql+psycopg", username=trainer, database=database, query={"host": host}
        )
    else:
        url = URL.create(
            "postgresql+psycopg", username=trainer, host=host, port=port, database=database
        )
    return url.render_as_string(hide_password=False)


def has_password(url: str) -> bool:
    try:
        return make_url(normalised_url(url)).password is not None
    except ArgumentError:
        return False
