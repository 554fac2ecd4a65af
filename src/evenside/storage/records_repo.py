"""Personal bests as SQL aggregates: one row per side, not every earlier set; on SQLite the
best before a session from ``session_bests`` (kept by triggers), a few index probes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, bindparam, false, func, select, text
from sqlalchemy.orm import Session

from evenside.domain.e1rm import MAX_REPS_FOR_ESTIMATE, Formula
from evenside.domain.library import LoadBasis
from evenside.domain.records import SideRecords, rep_bests
from evenside.domain.sides import Side
from evenside.domain.summary import strength
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
    find = _best_from_session_bests if tx.get_bind().dialect.name == "sqlite" else _best_from_sets
    return find(
        tx,
        profile_id,
        exercise_id,
        before=before,
        exclude_session_id=exclude_session_id,
        load_basis=load_basis,
        formula=formula,
    )


def _best_from_sets(
    tx: Session,
    profile_id: int,
    exercise_id: int,
    *,
    before: datetime,
    exclude_session_id: int,
    load_basis: LoadBasis,
    formula: Formula,
) -> dict[Side, float]:
    """The same, from every earlier set (a server database, which has no triggers)."""
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


# Each probe walks one index from its top down to the first row of an earlier session of
# the profile (its entry and session found by their keys: usually the first row).
_EARLIER = (
    "b.exercise_id = :exercise AND b.side = k.side AND EXISTS (SELECT 1 FROM "
    "session_exercises e JOIN sessions s ON s.id = e.session_id "
    "WHERE e.id = b.session_exercise_id AND s.profile_id = :profile "
    "AND s.started_at < :before AND s.id != :exclude)"
)
_PROBES = {
    # The heaviest load per side and rep count (1 to 12: the reps an e1RM is made from).
    "load": "(SELECT b.best_kg FROM session_bests b WHERE " + _EARLIER + " AND b.reps = k.reps "
    "ORDER BY b.best_kg DESC LIMIT 1)",
    # The most reps per side.
    "reps": "(SELECT b.reps FROM session_bests b WHERE " + _EARLIER + " AND b.reps > 0 "
    "ORDER BY b.reps DESC LIMIT 1)",
    # The longest hold per side.
    "hold": "(SELECT b.best_seconds FROM session_bests b WHERE "
    + _EARLIER
    + " AND b.best_seconds IS NOT NULL ORDER BY b.best_seconds DESC LIMIT 1)",
}
_SIDES = tuple(side.value for side in Side)


def _keys(with_reps: bool) -> str:
    if not with_reps:
        return ", ".join(f"('{side}', 0)" for side in _SIDES)
    return ", ".join(
        f"('{side}', {reps})" for side in _SIDES for reps in range(1, MAX_REPS_FOR_ESTIMATE + 1)
    )


def _best_from_session_bests(
    tx: Session,
    profile_id: int,
    exercise_id: int,
    *,
    before: datetime,
    exclude_session_id: int,
    load_basis: LoadBasis,
    formula: Formula,
) -> dict[Side, float]:
    probe = {LoadBasis.TIME: "hold", LoadBasis.BODYWEIGHT_PLUS: "reps"}.get(load_basis, "load")
    statement = text(
        f"WITH k(side, reps) AS (VALUES {_keys(probe == 'load')}) "
        f"SELECT k.side, k.reps, {_PROBES[probe]} FROM k"
    ).bindparams(bindparam("before", type_=DateTime))
    rows = tx.execute(
        statement,
        {
            "profile": profile_id,
            "exercise": exercise_id,
            "before": before,
            "exclude": exclude_session_id,
        },
    )
    best: dict[Side, float] = {}
    for side_value, reps, found in rows:
        if found is None:
            continue
        if probe == "load":
            value = strength(float(found), reps, None, load_basis, formula)
        else:
            value = float(found)
        side = Side(side_value)
        if value is not None and value > best.get(side, float("-inf")):
            best[side] = value
    return best


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
