"""Sessions, their exercises and sets."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from evenside.domain.training import MeasurementRecord, SessionRecord
from evenside.storage.models import (
    MeasurementRow,
    SessionExerciseRow,
    SessionRow,
    SetRow,
)


def insert_sessions(session: Session, profile_id: int, records: Iterable[SessionRecord]) -> int:
    """Insert whole sessions in bulk (demo data, imports); returns the number of sets written.

    Uses executemany for the sets: a ten-year history is over 100,000 rows.
    """
    set_rows: list[dict[str, object]] = []
    for record in records:
        session_id = session.scalar(
            insert(SessionRow)
            .values(
                profile_id=profile_id,
                name=record.name,
                notes=record.notes,
                started_at=record.started_at,
                ended_at=record.ended_at,
                source_key=record.source_key,
            )
            .returning(SessionRow.id)
        )
        for position, exercise in enumerate(record.exercises):
            session_exercise_id = session.scalar(
                insert(SessionExerciseRow)
                .values(
                    session_id=session_id,
                    exercise_id=exercise.exercise_id,
                    position=position,
                    first_side=None if exercise.first_side is None else exercise.first_side.value,
                    stretch_status=exercise.stretch_status.value,
                    stretch_at=exercise.stretch_at,
                    notes=exercise.notes,
                )
                .returning(SessionExerciseRow.id)
            )
            for set_position, s in enumerate(exercise.sets):
                set_rows.append(
                    {
                        "session_exercise_id": session_exercise_id,
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
    if set_rows:
        session.execute(insert(SetRow), set_rows)
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
