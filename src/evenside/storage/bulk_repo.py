"""Writing many sessions at once: the demo generator and imports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import count
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from evenside.domain.training import ExerciseRecord, MeasurementRecord, SessionRecord
from evenside.storage import session_bests_sql
from evenside.storage.models import Base, MeasurementRow, SessionExerciseRow, SessionRow

CHUNK_SETS = 500  # rows held in memory between two executemany calls
TABLES = ("sessions", "session_exercises", "sets")  # parents first
ID_BLOCK = 100  # ids drawn at once from a server's counter (those left unused are skipped)


def hold_write_lock(tx: Session) -> None:
    """Take the database's write lock now, for the rest of the transaction.

    SQLite otherwise starts a transaction only at its first write, so what was read before
    (the highest id, the sessions already imported) may be stale by the time we write.
    ``BEGIN IMMEDIATE`` waits (up to the connection's busy timeout) for any other writer to
    finish, then keeps everyone else out until commit. A transaction that has already
    written holds the lock, so nothing is done then.
    """
    connection = tx.connection()
    if connection.dialect.name != "sqlite":
        return  # a server database hands out ids from sequences (``_new_ids``)
    driver = connection.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def insert_sessions(tx: Session, profile_id: int, records: Iterable[SessionRecord]) -> int:
    """Insert whole sessions in bulk (demo data, imports); returns the number of sets written.

    Row ids are handed out here, after the write lock is held, so no other writer can take
    the same ids, and the three tables are written with one executemany per chunk instead
    of a statement per session and exercise. Records are consumed as they come, in chunks,
    so a million sets never sit in memory as rows all at once.
    """
    hold_write_lock(tx)
    session_ids = _new_ids(tx, SessionRow.__tablename__)
    exercise_ids = _new_ids(tx, SessionExerciseRow.__tablename__)
    chunk = _Chunk(tx.connection())
    written = 0
    with session_bests_sql.paused_for_bulk(tx.connection()):
        for record in records:
            _add_rows(chunk, profile_id, record, next(session_ids), exercise_ids)
            if len(chunk.rows["sets"]) >= CHUNK_SETS:
                written += chunk.flush()
        return written + chunk.flush()


class _Chunk:
    """The rows gathered between two executemany calls, per table.

    On SQLite each row is kept as the tuple the driver takes, each value already converted
    by its column type's own bind processor (what Core's insert would store), and written
    with the driver's ``executemany``: Core would rebuild and re-check a parameter
    dictionary per row. A server database gets Core's insert of the dictionaries.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.raw = connection.dialect.name == "sqlite"
        self.rows: dict[str, list[object]] = {name: [] for name in TABLES}
        self.columns: dict[str, tuple[str, list[tuple[int, Callable[[Any], Any]]]]] = {}

    def add(self, table: str, row: dict[str, object]) -> None:
        if not self.raw:
            self.rows[table].append(row)
            return
        if table not in self.columns:
            self.columns[table] = self._statement(table, list(row))
        values = list(row.values())
        for index, process in self.columns[table][1]:
            if values[index] is not None:
                values[index] = process(values[index])
        self.rows[table].append(tuple(values))

    def _statement(
        self, table: str, names: list[str]
    ) -> tuple[str, list[tuple[int, Callable[[Any], Any]]]]:
        """The insert for ``names`` in their order, and each column's bind processor by
        position (only the columns that have one)."""
        dialect = self.connection.dialect
        columns = Base.metadata.tables[table].c
        found: list[Any] = [
            columns[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names
        ]
        processors = [(i, process) for i, process in enumerate(found) if process is not None]
        marks = ", ".join("?" * len(names))
        return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", processors

    def flush(self) -> int:
        """Write the rows gathered so far (parents first) and empty the lists; returns the
        number of sets written."""
        written = len(self.rows["sets"])
        for table in TABLES:
            rows = self.rows[table]
            if not rows:
                continue
            if self.raw:
                self.connection.exec_driver_sql(self.columns[table][0], rows)
            else:
                self.connection.execute(insert(Base.metadata.tables[table]), rows)  # type: ignore[arg-type]
            rows.clear()
        return written


def _new_ids(tx: Session, table: str) -> Iterator[int]:
    """Ids for new rows of ``table``. SQLite: past the highest (the write lock is held). A
    server: drawn from the table's own counter, in blocks, as its other writers' are; the
    highest id seen would miss rows other trainers' clients hold, and leave the counter to
    hand out the same ids again."""
    if tx.connection().dialect.name == "sqlite":
        model = SessionRow if table == SessionRow.__tablename__ else SessionExerciseRow
        return count((tx.scalar(select(func.max(model.id))) or 0) + 1)
    return _sequence_ids(tx, table)


def _sequence_ids(tx: Session, table: str) -> Iterator[int]:
    drawn = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)")
    while True:
        yield from sorted(tx.scalars(drawn, {"table": table, "n": ID_BLOCK}))


def _add_rows(
    chunk: _Chunk,
    profile_id: int,
    record: SessionRecord,
    session_id: int,
    exercise_ids: Iterator[int],
) -> None:
    """The session's row, its exercises' rows (ids from ``exercise_ids``) and their sets'
    rows, added to the chunk."""
    chunk.add("sessions", _session_row(session_id, profile_id, record))
    for position, exercise in enumerate(record.exercises):
        exercise_id = next(exercise_ids)
        chunk.add("session_exercises", _exercise_row(exercise_id, session_id, position, exercise))
        for row in _set_rows(exercise_id, exercise, record.started_at):
            chunk.add("sets", row)


def _session_row(session_id: int, profile_id: int, record: SessionRecord) -> dict[str, object]:
    return {
        "id": session_id,
        "profile_id": profile_id,
        "name": record.name,
        "notes": record.notes,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "source_key": record.source_key,
        "routine_day_id": None,
    }


def _exercise_row(
    row_id: int, session_id: int, position: int, exercise: ExerciseRecord
) -> dict[str, object]:
    return {
        "id": row_id,
        "session_id": session_id,
        "exercise_id": exercise.exercise_id,
        "position": position,
        "first_side": None if exercise.first_side is None else exercise.first_side.value,
        "stretch_status": exercise.stretch_status.value,
        "stretch_at": exercise.stretch_at,
        "notes": exercise.notes,
        "superset_group": exercise.superset_group,
    }


def _set_rows(
    exercise_row_id: int, exercise: ExerciseRecord, started_at: datetime
) -> Iterator[dict[str, object]]:
    """The exercise's sets as rows; a set with no time of its own is logged at the start."""
    return set_rows(exercise_row_id, exercise, started_at, 0)


def set_rows(
    exercise_row_id: int, exercise: ExerciseRecord, started_at: datetime, first_position: int
) -> Iterator[dict[str, object]]:
    """Rows for ``exercise``'s sets, numbered from ``first_position``."""
    for position, s in enumerate(exercise.sets, start=first_position):
        yield {
            "session_exercise_id": exercise_row_id,
            "position": position,
            "side": s.side.value,
            "weight_kg": s.weight_kg,
            "reps": s.reps,
            "duration_seconds": s.duration_seconds,
            "rpe": s.rpe,
            "rir": s.rir,
            "kind": s.kind.value,
            "logged_at": s.logged_at or started_at,
            "volume_override": s.volume_override,
            "sides_unrecorded": s.sides_unrecorded,
            "distance_m": s.distance_m,
            "notes": s.notes,
            "source_key": s.source_key,
        }


def insert_measurements(tx: Session, profile_id: int, records: Iterable[MeasurementRecord]) -> None:
    rows = [
        {
            "profile_id": profile_id,
            "site": r.site,
            "side": r.side.value,
            "value_cm": r.value_cm,
            "measured_on": r.measured_on,
        }
        for r in records
    ]
    if rows:
        tx.execute(insert(MeasurementRow), rows)
