"""Alembic environment: always runs on the connection the application hands it."""

from __future__ import annotations

from alembic import context

from evenside.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its own connection
    raise RuntimeError("Evenside migrations run on the application's connection only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
