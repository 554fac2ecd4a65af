"""Running Alembic from the package. Imported only when an upgrade is due (start-up stays cheap)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

SCRIPT_LOCATION = "evenside.storage:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(alembic_config(connection), target)


def script_revisions() -> list[str]:
    """Every revision the package ships, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def script_heads() -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())
