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
    # Each formula grows with the load at a fixed rep count (and a hold with its seconds),
    # so the best per side is the formula applied to the heaviest load of each rep count:
    # the formula runs on a few dozen groups, not on every earlier set.
    groups = (
        select(
            SetRow.side.label("side"),
            SetRow.reps.label("reps"),
            func.max(func.coalesce(SetRow.weight_kg, 0.0)).label("weight_kg"),
            func.max(SetRow.duration_seconds).label("duration_seconds"),
        )
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionRow.profile_id == profile_id,
            SessionExerciseRow.exercise_id == exercise_id,
            SessionRow.started_at < before,
            SessionRow.id != exclude_session_id,
            SetRow.kind != SetKind.WARM_UP.value,
        )
        .group_by(SetRow.side, SetRow.reps)
        .subquery()
    )
    best = func.max(
        strength_sql.strength(
            groups.c.weight_kg, groups.c.reps, groups.c.duration_seconds, load_basis, formula
        )
    )
    rows = tx.execute(select(groups.c.side, best).group_by(groups.c.side))
    return {Side(side): float(value) for side, value in rows if value is not None}
