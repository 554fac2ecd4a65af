"""Bulk writes and ``session_bests`` (revision 0006): the insert trigger costs about 3 us a
set, so a bulk write on SQLite (an import, the demo, a copy into a new file) pauses it
inside its own transaction and works out its new entries' bests in one statement at the
end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, func, select

from evenside.storage.models import SessionExerciseRow

# The bests of every entry from ``first`` on, from their counted sets (as the triggers
# keep them).
_BESTS_FROM = """
INSERT INTO session_bests (session_exercise_id, side, reps, exercise_id, best_kg,
                           best_seconds)
SELECT x.session_exercise_id, CASE WHEN x.sides_unrecorded THEN 'none' ELSE x.side END,
       coalesce(x.reps, -1), e.exercise_id,
       max(coalesce(x.weight_kg, 0)), max(x.duration_seconds)
FROM sets x JOIN session_exercises e ON e.id = x.session_exercise_id
WHERE x.kind != 'warm-up' AND x.session_exercise_id >= ?
GROUP BY x.session_exercise_id, CASE WHEN x.sides_unrecorded THEN 'none' ELSE x.side END,
         coalesce(x.reps, -1)"""


@contextmanager
def paused_for_bulk(connection: Connection) -> Iterator[None]:
    """Within: only new session entries get sets (ids past the highest, under the write
    lock the caller holds). After: their bests, in one statement. A server database has no
    triggers and nothing is done."""
    if connection.dialect.name != "sqlite":
        yield
        return
    first = (connection.scalar(select(func.max(SessionExerciseRow.id))) or 0) + 1
    connection.exec_driver_sql("INSERT INTO session_bests_paused (paused) VALUES (1)")
    try:
        yield
    finally:
        connection.exec_driver_sql("DELETE FROM session_bests_paused")
    connection.exec_driver_sql(_BESTS_FROM, (first,))
