"""Personal bests, never by reading every earlier set: on SQLite from ``session_bests``
(kept by triggers) in a few index probes, the best before a session (the summary) and each
side's records (the line while logging); on a server, from one SQL aggregate each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, bindparam, false, func, select, text
from sqlalchemy.orm import Session

from evenside.domain.e1rm import MAX_REPS_FOR_ESTIMATE, Formula, estimate_one_rep_max
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
    before ``before`` (other than ``exclude_session_id``); sides without one are absent.
    Sets whose sides were not recorded (from a file) are nobody's best."""
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
            SetRow.sides_unrecorded == false(),
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
    """Each side's records over every counted set of the exercise but ``exclude_set_id``:
    the heaviest weight for at least 1, 3, 5, ... reps, the set holding it, and the best
    e1RM. Imported sets whose sides were not recorded separately make no record. On SQLite
    from ``session_bests`` (a few index probes), on a server from one aggregate."""
    if tx.get_bind().dialect.name == "sqlite":
        lifts = _lifts_from_session_bests(tx, profile_id, exercise_id, exclude_set_id)
        e1rms = _best_e1rms(lifts, formula)
    else:
        lifts, e1rms = _lifts_from_sets(tx, profile_id, exercise_id, exclude_set_id, formula)
    bests: dict[Side, SideRecords] = {}
    for side, mine in lifts.items():
        for_reps, held = rep_bests(mine)
        bests[side] = SideRecords(side, for_reps, e1rms.get(side), held)
    return bests


# Each side's rep counts, found by a skip along the index (the next higher each time), and
# the heaviest load of each in another entry of the profile's.
_OTHER_ENTRIES = text(
    "WITH RECURSIVE k(side) AS (VALUES ('left'), ('right'), ('both')), "
    "r(side, reps) AS ("
    " SELECT k.side, (SELECT min(b.reps) FROM session_bests b"
    "  WHERE b.exercise_id = :exercise AND b.side = k.side AND b.reps > 0) FROM k"
    " UNION ALL"
    " SELECT r.side, (SELECT min(b.reps) FROM session_bests b"
    "  WHERE b.exercise_id = :exercise AND b.side = r.side AND b.reps > r.reps)"
    " FROM r WHERE r.reps IS NOT NULL) "
    "SELECT r.side, r.reps, (SELECT b.best_kg FROM session_bests b"
    " WHERE b.exercise_id = :exercise AND b.side = r.side AND b.reps = r.reps"
    " AND b.best_kg > 0 AND b.session_exercise_id != :entry AND EXISTS (SELECT 1"
    "  FROM session_exercises e JOIN sessions s ON s.id = e.session_id"
    "  WHERE e.id = b.session_exercise_id AND s.profile_id = :profile)"
    " ORDER BY b.best_kg DESC LIMIT 1) FROM r WHERE r.reps IS NOT NULL"
)
# The other counted sets of the excluded set's own entry.
_OWN_ENTRY = text(
    "SELECT side, reps, max(weight_kg) FROM sets WHERE session_exercise_id = :entry"
    " AND id != :set AND kind != 'warm-up' AND NOT sides_unrecorded"
    " AND weight_kg > 0 AND reps > 0 GROUP BY side, reps"
)


def _lifts_from_session_bests(
    tx: Session, profile_id: int, exercise_id: int, exclude_set_id: int
) -> dict[Side, list[tuple[float, int]]]:
    """Each side's heaviest load per rep count (all that records need: a lighter lift of
    the same reps never holds one) over the exercise's counted sets but one."""
    entry = tx.scalar(select(SetRow.session_exercise_id).where(SetRow.id == exclude_set_id))
    entry = -1 if entry is None else entry
    found: dict[tuple[str, int], float] = {}
    rows = [
        *tx.execute(
            _OTHER_ENTRIES, {"exercise": exercise_id, "entry": entry, "profile": profile_id}
        ),
        *tx.execute(_OWN_ENTRY, {"entry": entry, "set": exclude_set_id}),
    ]
    for side, reps, kg in rows:
        if kg is not None and float(kg) > found.get((side, reps), 0.0):
            found[side, reps] = float(kg)
    lifts: dict[Side, list[tuple[float, int]]] = {}
    for (side, reps), kg in sorted(found.items()):
        lifts.setdefault(Side(side), []).append((kg, int(reps)))
    return lifts


def _best_e1rms(lifts: dict[Side, list[tuple[float, int]]], formula: Formula) -> dict[Side, float]:
    """Each side's best e1RM: the heaviest load of a rep count gives that count's best."""
    best: dict[Side, float] = {}
    for side, mine in lifts.items():
        for kg, reps in mine:
            estimate = estimate_one_rep_max(kg, reps, formula)
            if estimate is not None and estimate > best.get(side, 0.0):
                best[side] = estimate
    return best


def _lifts_from_sets(
    tx: Session, profile_id: int, exercise_id: int, exclude_set_id: int, formula: Formula
) -> tuple[dict[Side, list[tuple[float, int]]], dict[Side, float]]:
    """The same from one aggregate (a server database, which has no triggers): the most
    reps done at each weight, and the best e1RM."""
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
    return lifts, e1rms
