"""Running Alembic from the package. Imported only when an upgrade is due (start-up stays cheap).

Every upgrade runs in one transaction with SQLite's foreign keys off, and checks the links
between rows before it commits. With them on, a batch ("move and copy") rebuild of a parent
table drops the old table, and ON DELETE CASCADE would delete every child row with it: a
rebuild of ``sessions`` would take every logged set.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from evenside.domain.errors import DamagedDatabase

SCRIPT_LOCATION = "evenside.storage:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, target: str = "head") -> None:
    """Upgrade the schema on ``connection``, which must not be inside a transaction (SQLite
    ignores the foreign-key switch inside one). All or nothing."""
    with schema_change(connection):
        command.upgrade(alembic_config(connection), target)


@contextmanager
def schema_change(connection: Connection) -> Iterator[None]:
    """One transaction for a schema change. On SQLite: foreign keys off (and the legacy
    table rename) for its length,
    ``PRAGMA foreign_key_check`` before the commit, and a rollback with ``DamagedDatabase``
    if any row then points at a row that does not exist. Elsewhere, a plain transaction."""
    if connection.dialect.name != "sqlite":
        with connection.begin():
            yield
        return
    if connection.in_transaction():
        raise RuntimeError("a schema change must start outside a transaction")
    was_on = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one()
    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction
    # Batch mode rebuilds a table by copy, drop and rename. SQLite's own rename would check
    # every trigger against the schema while the table is gone (the triggers on ``sets``
    # name ``sessions``) and refuse; the legacy rename leaves triggers to their names.
    connection.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    connection.commit()
    try:
        with connection.begin():
            # pysqlite opens a transaction only before INSERT/UPDATE/DELETE, leaving CREATE,
            # DROP and ALTER to commit one by one; an explicit BEGIN makes the DDL atomic too.
            connection.exec_driver_sql("BEGIN")
            yield
            _refuse_broken_links(connection)
    finally:
        connection.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if was_on else 'OFF'}")
        connection.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
        connection.commit()


def _refuse_broken_links(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise DamagedDatabase(
            f"The upgrade was undone: {len(broken)} row(s) of {tables} would point at rows "
            "that do not exist. The file is as it was before."
        )


def script_revisions() -> list[str]:
    """Every revision the package ships, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def script_heads() -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())
