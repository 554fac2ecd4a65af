"""Personal bests as SQL aggregates: one row per side, not every earlier set."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from evenside.domain.e1rm import Formula
from evenside.domain.library import LoadBasis
from evenside.domain.records import SideRecords, rep_bests
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
    from one aggregate (the most reps done at each weight, and the best e1RM): the heaviest
    weight for at least 1, 3, 5, ... reps, the set holding it, and the best e1RM.
    Imported sets whose sides were not recorded separately make no record."""
    weight = SetRow.weight_kg
    rows = tx.execute(
        select(
            SetRow.side,
            weight,
            func.max(SetRow.reps),
            func.max(strength_sql.e1rm(weight, SetRow.reps, formula)),
        )
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
        .group_by(SetRow.side, weight)
    )
    lifts: dict[Side, list[tuple[float, int]]] = {}
    e1rms: dict[Side, float] = {}
    for side_value, kg, reps, e1rm in rows:
        side = Side(side_value)
        if kg is None or reps is None:  # filtered out above: weighed, with reps
            continue
        lifts.setdefault(side, []).append((float(kg), int(reps)))
        if e1rm is not None and float(e1rm) > e1rms.get(side, 0.0):
            e1rms[side] = float(e1rm)
    bests: dict[Side, SideRecords] = {}
    for side, mine in lifts.items():
        for_reps, held = rep_bests(mine)
        bests[side] = SideRecords(side, for_reps, e1rms.get(side), held)
    return bests
