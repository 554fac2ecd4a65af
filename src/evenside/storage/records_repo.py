"""Personal bests as SQL aggregates: one row per side, not every earlier set."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, false, func, null, select
from sqlalchemy.orm import Session

from evenside.domain.e1rm import Formula
from evenside.domain.library import LoadBasis
from evenside.domain.records import REP_COUNTS, SideRecords
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


def side_bests(
    tx: Session,
    profile_id: int,
    exercise_id: int,
    *,
    exclude_set_id: int,
    formula: Formula,
) -> dict[Side, SideRecords]:
    """Each side's records over every counted set of the exercise but ``exclude_set_id``,
    in one aggregate: the heaviest weight for at least 1, 3, 5, ... reps and the best e1RM.
    Imported sets whose sides were not recorded separately make no record."""
    weight = SetRow.weight_kg
    columns = [func.max(case((SetRow.reps >= count, weight), else_=null())) for count in REP_COUNTS]
    columns.append(func.max(strength_sql.e1rm(weight, SetRow.reps, formula)))
    rows = tx.execute(
        select(SetRow.side, *columns)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionRow.profile_id == profile_id,
            SessionExerciseRow.exercise_id == exercise_id,
            SetRow.id != exclude_set_id,
            SetRow.kind != SetKind.WARM_UP.value,
            SetRow.sides_unrecorded == false(),
            SetRow.weight_kg > 0,
            SetRow.reps > 0,
        )
        .group_by(SetRow.side)
    )
    bests: dict[Side, SideRecords] = {}
    for side, *values in rows:
        for_reps = {
            count: float(value)
            for count, value in zip(REP_COUNTS, values[:-1], strict=True)
            if value is not None
        }
        e1rm = None if values[-1] is None else float(values[-1])
        bests[Side(side)] = SideRecords(Side(side), for_reps, e1rm)
    return bests
