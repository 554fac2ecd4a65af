"""Personal bests as SQL aggregates: one row per side, not every earlier set."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evenside.domain.e1rm import Formula
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.storage import strength_sql
from evenside.storage.models import SessionExerciseRow, SessionRow, SetRow


def best_strength_before(
    tx: Session,
    profile_id: int,
    exercise_id: int,
    *,
    before: datetime,
    exclude_session_id: int,
    load_basis: LoadBasis,
    formula: Formula,
) -> dict[Side, float]:
    """The best ``strength`` per side over the exercise's counted sets in sessions started
    before ``before`` (other than ``exclude_session_id``); sides without one are absent."""
    best = func.max(
        strength_sql.strength(
            SetRow.weight_kg, SetRow.reps, SetRow.duration_seconds, load_basis, formula
        )
    )
    rows = tx.execute(
        select(SetRow.side, best)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionRow.profile_id == profile_id,
            SessionExerciseRow.exercise_id == exercise_id,
            SessionRow.started_at < before,
            SessionRow.id != exclude_session_id,
            SetRow.kind != SetKind.WARM_UP.value,
        )
        .group_by(SetRow.side)
    )
    return {Side(side): float(value) for side, value in rows if value is not None}
