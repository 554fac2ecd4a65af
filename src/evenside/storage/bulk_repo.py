"""Writing many sessions at once: the demo generator and imports."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from evenside.domain.training import MeasurementRecord, SessionRecord
from evenside.storage.models import Base, MeasurementRow, SessionExerciseRow, SessionRow


def insert_sessions(session: Session, profile_id: int, records: Iterable[SessionRecord]) -> int:
    """Insert whole sessions in bulk (demo data, imports); returns the number of sets written.

    Row ids are handed out here, inside the transaction, so the three tables are written
    with one executemany each instead of a statement per session and exercise.
    """
    connection = session.connection()
    next_session = (session.scalar(select(func.max(SessionRow.id))) or 0) + 1
    next_exercise = (session.scalar(select(func.max(SessionExerciseRow.id))) or 0) + 1
    session_rows: list[dict[str, object]] = []
    exercise_rows: list[dict[str, object]] = []
    set_rows: list[dict[str, object]] = []
    for record in records:
        session_id = next_session
        next_session += 1
        session_rows.append(
            {
                "id": session_id,
                "profile_id": profile_id,
                "name": record.name,
                "notes": record.notes,
                "started_at": record.started_at,
                "ended_at": record.ended_at,
                "source_key": record.source_key,
                "routine_day_id": None,
            }
        )
        for position, exercise in enumerate(record.exercises):
            exercise_id = next_exercise
            next_exercise += 1
            exercise_rows.append(
                {
                    "id": exercise_id,
                    "session_id": session_id,
                    "exercise_id": exercise.exercise_id,
                    "position": position,
                    "first_side": None
                    if exercise.first_side is None
                    else exercise.first_side.value,
                    "stretch_status": exercise.stretch_status.value,
                    "stretch_at": exercise.stretch_at,
                    "notes": exercise.notes,
                }
            )
            for set_position, s in enumerate(exercise.sets):
                set_rows.append(
                    {
                        "session_exercise_id": exercise_id,
                        "position": set_position,
                        "side": s.side.value,
                        "weight_kg": s.weight_kg,
                        "reps": s.reps,
                        "duration_seconds": s.duration_seconds,
                        "rpe": s.rpe,
                        "rir": s.rir,
                        "kind": s.kind.value,
                        "logged_at": s.logged_at or record.started_at,
                    }
                )
    for name, rows in (
        ("sessions", session_rows),
        ("session_exercises", exercise_rows),
        ("sets", set_rows),
    ):
        if rows:
            connection.execute(insert(Base.metadata.tables[name]), rows)
    return len(set_rows)


def insert_measurements(
    session: Session, profile_id: int, records: Iterable[MeasurementRecord]
) -> None:
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
        session.execute(insert(MeasurementRow), rows)
