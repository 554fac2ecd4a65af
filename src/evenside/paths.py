"""Where Evenside keeps its files: platformdirs locations, overridden by --db or EVENSIDE_DB."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from evenside.domain.errors import InvalidInput

APP_DIR_NAME = "Evenside"
DB_FILE_NAME = "evenside.sqlite3"
DEMO_FILE_NAME = "evenside-demo.sqlite3"
ENV_DB = "EVENSIDE_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / DB_FILE_NAME


def demo_database() -> Path:
    return data_dir() / DEMO_FILE_NAME


SERVER_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")
OTHER_ADDRESS = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def is_server_url(location: str | Path | None) -> bool:
    """A PostgreSQL address (a studio's server) rather than a file."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def location(value: str) -> Path | str:
    """A file's path, or a server address kept as a string; another kind of address
    (mysql://...) is refused in one line rather than taken for a file name."""
    if is_server_url(value):
        return value
    other = OTHER_ADDRESS.match(value)
    if other:
        raise InvalidInput(
            "Evenside opens SQLite files and PostgreSQL servers (postgresql://…); "
            f"{other.group(1)}:// is not supported."
        )
    return Path(value).expanduser()


def resolve_location(cli_value: str | None) -> Path | str:
    """Like ``resolve_database``, but a server address (--db or EVENSIDE_DB) stays a string."""
    for value in (cli_value, os.environ.get(ENV_DB)):
        if value:
            return location(value)
    return default_database()


def resolve_database(cli_value: str | None) -> Path:
    """--db wins, then EVENSIDE_DB, then the per-user data folder."""
    for value in (cli_value, os.environ.get(ENV_DB)):
        if value:
            location(value)  # another kind of address is refused, not made a file
            return Path(value).expanduser()
    return default_database()
