"""Alembic revision scripts, oldest first by number."""
