"""Alembic migrations, shipped inside the package (script_location evenside.storage:migrations)."""
