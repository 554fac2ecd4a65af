"""Copying a whole Evenside history between two databases of any kind (an SQLite file, a
PostgreSQL server), exactly: every row of every table with its id, in one transaction on
the target, then a count of each table on both sides.

Both databases are at the same schema revision (opening them brought them to this
version's). The target must hold no history: only the exercise library, which every
database gets when it is opened, and which is replaced by the source's so that ids match.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from evenside.domain.errors import InvalidInput
from evenside.storage import session_bests_sql
from evenside.storage.database import Database
from evenside.storage.derived_models import DERIVED_TABLES
from evenside.storage.models import Base

# What opening a database writes by itself; anything else in the target is somebody's data.
LIBRARY_TABLES = frozenset({"exercises", "stretches", "exercise_stretches", "app_meta"})
BATCH = 5000


@dataclass(frozen=True)
class CopyCount:
    """Rows of ``table`` on both sides; ``skipped`` when this login may not read it at
    the source (a trainer and the owner's log of upgrade repairs): nothing of it copied."""

    table: str
    source: int
    target: int
    skipped: bool = False


def _tables() -> list[Table]:
    # Parents before children; a derived table is built by the target's own triggers.
    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED_TABLES]


def _counts(connection: Connection, tables: list[Table]) -> dict[str, int]:
    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in tables
    }


def history_tables_in_use(connection: Connection) -> list[str]:
    """The tables holding somebody's data (on a server, of those this login may read: a
    trainer may not read the owner's log of upgrade repairs)."""
    used = []
    for table in _tables():
        if table.name in LIBRARY_TABLES or not _readable(connection, table):
            continue
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            used.append(table.name)
    return used


def _readable(connection: Connection, table: Table) -> bool:
    if connection.dialect.name != "postgresql":
        return True
    allowed = text("SELECT has_table_privilege(:t, 'SELECT')")
    return bool(connection.execute(allowed, {"t": table.name}).scalar_one())


def copy_all(source: Database, target: Database, shown_target: str) -> list[CopyCount]:
    """Copy every row of ``source`` into ``target``; the per-table counts of both."""
    try:
        return _copy_all(source, target, shown_target)
    except DBAPIError as exc:  # a refused table or row (a trainer's login): no change
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        refused = f"The copy to {shown_target} was refused ({reason}); nothing was copied."
        raise InvalidInput(refused) from None


def _copy_all(source: Database, target: Database, shown_target: str) -> list[CopyCount]:
    with source.engine.connect() as reading, target.engine.begin() as writing:
        used = history_tables_in_use(writing)
        if used:
            raise InvalidInput(
                f"{shown_target} already holds a history ({', '.join(used)}); nothing was "
                "copied. Copy into a new, empty database, or pass --merge to add what it lacks."
            )
        tables = [t for t in _tables() if _readable(reading, t)]
        for table in reversed(tables):
            writing.execute(delete(table))
        with session_bests_sql.paused_for_bulk(writing):  # every entry is new here
            for table in tables:
                _copy_table(reading, writing, table)
        if writing.dialect.name == "postgresql":
            _advance_sequences(writing)
        found = _counts(writing, tables)
        expected = _counts(reading, tables)
        counts = [CopyCount(name, expected[name], found[name]) for name in expected]
        wrong = [c.table for c in counts if c.source != c.target]
        if wrong:  # the transaction is rolled back: the target stays as it was
            raise InvalidInput(f"The copy did not match for {', '.join(wrong)}; nothing copied.")
    skipped = [CopyCount(t.name, 0, 0, skipped=True) for t in _tables() if t not in tables]
    return counts + skipped


def _copy_table(reading: Connection, writing: Connection, table: Table) -> None:
    order = list(table.primary_key.columns)
    result = reading.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    for rows in result.mappings().partitions(BATCH):
        writing.execute(insert(table), [dict(row) for row in rows])


def _advance_sequences(writing: Connection) -> None:
    """Rows came with their ids: the server's id counters start past the highest."""
    for table in _tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        writing.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false) "
                "WHERE pg_get_serial_sequence(:table, 'id') IS NOT NULL"
            ),
            {"table": table.name},
        )
