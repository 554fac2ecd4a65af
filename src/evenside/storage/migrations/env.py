"""Alembic environment. The application hands it its own connection (``migrate.upgrade``);
the ``alembic`` command line (alembic.ini at the repository root) gives it the URL of a
developer's scratch database instead, and gets the same foreign-key-safe transaction."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from evenside.storage.migrate import schema_change
from evenside.storage.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things: batch mode copies the table. PostgreSQL can, and
        # its batch operations are plain ALTERs anyway.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    # Inside the caller's transaction (schema_change) this opens none of its own.
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("Evenside migrations need the app's connection or sqlalchemy.url")
    engine = create_engine(url)
    with engine.connect() as scratch, schema_change(scratch):
        _run(scratch)
    engine.dispose()
