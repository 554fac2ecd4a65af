"""SQLite storage through SQLAlchemy 2 and Alembic: the only layer that imports either."""
