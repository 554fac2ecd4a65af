"""Per-side sets with their effort, grouped by session, for the weak-side verdict.

Only counted (non-warm-up) one-sided sets are read: the verdict needs RPE, RIR and the
set kind, which the Progress aggregates leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Subquery, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from evenside.domain.library import Laterality, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.storage.models import ExerciseRow, SessionExerciseRow, SessionRow, SetRow


@dataclass(frozen=True)
class SessionSides:
    """One session's counted one-sided sets of one exercise."""

    exercise_id: int
    session_id: int
    started_at: datetime
    sets: tuple[SetRecord, ...]


_SIDES = {side.value: side for side in Side}
_KINDS = {kind.value: kind for kind in SetKind}


def _record(columns: Sequence[Any]) -> SetRecord:
    """The record session_repo.set_record makes, from the columns it reads."""
    side, weight_kg, reps, kind, logged_at, duration_seconds, rpe, rir = columns
    return SetRecord(
        side=_SIDES[side],
        weight_kg=weight_kg,
        reps=reps,
        kind=_KINDS[kind],
        logged_at=logged_at,
        duration_seconds=duration_seconds,
        rpe=rpe,
        rir=rir,
    )


_COLUMNS = (
    SessionExerciseRow.exercise_id,
    SessionRow.id,
    SessionRow.started_at,
    SetRow.side,
    SetRow.weight_kg,
    SetRow.reps,
    SetRow.kind,
    SetRow.logged_at,
    SetRow.duration_seconds,
    SetRow.rpe,
    SetRow.rir,
)


def one_sided_sessions(
    tx: Session,
    profile_id: int,
    *,
    exercise_ids: list[int] | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
    exclude_session_id: int | None = None,
    newest: int | None = None,
    may_score: LoadBasis | None = None,
) -> list[SessionSides]:
    """Sessions oldest first, each with the exercise's left and right working sets; with
    ``newest``, only each exercise's ``newest`` latest such sessions (of several exercises:
    only those logged per side); with ``may_score``, only the sessions that can give a
    score for an exercise of that load basis (``_may_score``)."""
    session_conditions = _session_conditions(
        profile_id, exercise_ids, since, before, exclude_session_id
    )
    # Columns, not SetRow objects: the verdict reads every one-sided set of the history,
    # and building an ORM object per set was most of its time. The records are the same as
    # session_repo.set_record makes.
    query = (
        select(*_COLUMNS)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*_set_conditions())
        .order_by(SessionRow.started_at, SessionRow.id, SetRow.position, SetRow.id)
    )
    chosen_entries = False
    if newest is not None:
        split = _split_conditions(profile_id, exercise_ids, since, before, exclude_session_id)
        if exercise_ids is not None and len(exercise_ids) == 1:
            walked = _latest_of_one(*split, newest)
            query = query.join(walked, walked.c.session_id == SessionRow.id)
        else:
            entries = _latest_walked(tx, *split, newest)
            if not entries:
                return []
            # Just these entries (the walk chose them under the session conditions): with
            # the profile's condition too, SQLite walks every session of the profile on its
            # (profile_id, started_at) index for the order instead of reading these sets.
            query = query.where(SessionExerciseRow.id.in_(sorted(entries)))
            chosen_entries = True
    if not chosen_entries:
        query = query.where(*session_conditions)
    if may_score is not None:
        chosen = _may_score(session_conditions, may_score is LoadBasis.TIME)
        query = query.where(SessionExerciseRow.id.in_(chosen))
    # A plain Core cursor: the ORM's result machinery cost more than the query itself.
    rows = tx.connection().execute(query)
    grouped: dict[tuple[int, int], tuple[datetime, list[SetRecord]]] = {}
    for exercise_id, session_id, started_at, *columns in rows:
        key = (exercise_id, session_id)
        grouped.setdefault(key, (started_at, []))[1].append(_record(columns))
    return [
        SessionSides(exercise_id, session_id, started_at, tuple(sets))
        for (exercise_id, session_id), (started_at, sets) in grouped.items()
    ]


def _set_conditions() -> list[Any]:
    """The sets that are evidence for a side: counted, one-sided, their side recorded."""
    return [
        SetRow.kind != SetKind.WARM_UP.value,
        SetRow.side != Side.BOTH.value,
        SetRow.sides_unrecorded.is_(False),  # volume only: never evidence for a side
    ]


def _session_conditions(
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    before: datetime | None,
    exclude_session_id: int | None,
) -> list[Any]:
    on_sessions, on_exercises = _split_conditions(
        profile_id, exercise_ids, since, before, exclude_session_id
    )
    return [*on_sessions, *on_exercises]


def _split_conditions(
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    before: datetime | None,
    exclude_session_id: int | None,
) -> tuple[list[Any], list[Any]]:
    """The conditions on the session, and those on the session's exercise."""
    on_sessions: list[Any] = [SessionRow.profile_id == profile_id]
    on_exercises: list[Any] = [
        SessionExerciseRow.exercise_id.not_in(
            select(ExerciseRow.id).where(ExerciseRow.kind == "cardio").scalar_subquery()
        ),
    ]
    if exercise_ids is not None:
        on_exercises.append(SessionExerciseRow.exercise_id.in_(exercise_ids))
    if since is not None:
        on_sessions.append(SessionRow.started_at >= since)
    if before is not None:
        on_sessions.append(SessionRow.started_at <= before)
    if exclude_session_id is not None:
        on_sessions.append(SessionRow.id != exclude_session_id)
    return on_sessions, on_exercises


def _latest_of_one(on_sessions: list[Any], on_exercises: list[Any], newest: int) -> Subquery:
    """One exercise's ``newest`` latest sessions holding an evidence set, as
    ``_latest_walked`` finds them: the profile's sessions walked newest first (its index on
    the start), each asked whether it holds the exercise with evidence, until ``newest``
    are found."""
    evidence = (
        select(SetRow.id)
        .where(SetRow.session_exercise_id == SessionExerciseRow.id, *_set_conditions())
        .exists()
    )
    holds = (
        select(SessionExerciseRow.id)
        .where(SessionExerciseRow.session_id == SessionRow.id, *on_exercises, evidence)
        .exists()
    )
    return (
        select(SessionRow.id.label("session_id"))
        .where(*on_sessions, holds)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(newest)
        .subquery()
    )


def _latest_walked(
    tx: Session, on_sessions: list[Any], on_exercises: list[Any], newest: int
) -> set[int]:
    """Each exercise's ``newest`` latest sessions holding an evidence set, as the ids of
    their session entries (so only those entries' sets are read); only exercises logged per
    side (a bilateral exercise has no verdict,
    and probing its every session for a one-sided set would read its whole history).
    The profile's sessions are walked newest first on their index, and the walk stops once
    every exercise with evidence in the period (found first, each by a probe on the
    exercise's index) has its ``newest``: an exercise trained every week or two is done
    within a year or two of sessions, however long the history. Ranking every session of
    the history per exercise grew with it."""
    evidence = (
        select(SetRow.id)
        .where(SetRow.session_exercise_id == SessionExerciseRow.id, *_set_conditions())
        .exists()
    )
    used = (
        select(SessionExerciseRow.id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionExerciseRow.exercise_id == ExerciseRow.id, *on_sessions, *on_exercises, evidence
        )
        .exists()
    )
    per_side = ExerciseRow.laterality != Laterality.BILATERAL.value
    wanted = set(tx.connection().scalars(select(ExerciseRow.id).where(per_side, used)))
    if not wanted:
        return set()
    walk = (
        select(SessionExerciseRow.exercise_id, SessionRow.id, SessionExerciseRow.id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*on_sessions, *on_exercises, SessionExerciseRow.exercise_id.in_(wanted), evidence)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
    )
    found: dict[int, int] = {}
    pairs: set[tuple[int, int]] = set()
    entries: set[int] = set()
    short, last = len(wanted), None
    for exercise_id, session_id, entry_id in tx.connection().execute(walk):
        if not short and session_id != last:
            break  # every exercise has its newest, and the last session is read whole
        last = session_id
        if (exercise_id, session_id) in pairs:
            entries.add(entry_id)  # the exercise twice in one session: both entries
            continue
        if found.get(exercise_id, 0) >= newest:
            continue
        pairs.add((exercise_id, session_id))
        entries.add(entry_id)
        found[exercise_id] = found.get(exercise_id, 0) + 1
        if found[exercise_id] == newest:
            short -= 1
    return entries


def _may_score(session_conditions: list[Any], hold: bool) -> Any:
    """The session exercises whose sides can give a score (``domain.evidence.session_score``
    is None for every other). A hold: sides whose longest hold differs, or every set to
    failure (RPE 10, RIR 0 or a failure set). Otherwise: a set with its effort known (RPE,
    RIR or to failure), or sides whose top set (heaviest load, then most reps at it)
    differs. Sides logged alike are volume only, which is what most sessions of some
    exercises are, so a verdict short of scores in its latest sessions reads only these."""
    zero = literal(0.0, Float)
    effort = _effort_flag(hold)
    per_side = (
        select(
            SetRow.session_exercise_id.label("se_id"),
            SetRow.side.label("side"),
            func.max(cast(func.coalesce(SetRow.weight_kg, zero), Float)).label("weight"),
            func.max(func.coalesce(SetRow.duration_seconds, 0)).label("held"),
            effort.label("effort"),
        )
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(*session_conditions, *_set_conditions())
        .group_by(SetRow.session_exercise_id, SetRow.side)
        .subquery()
    )
    if hold:  # a hold's score looks at its seconds alone
        compared: list[Any] = [per_side.c.held]
        sides = per_side
    else:
        sides = select(per_side, _reps_at_top(per_side).label("reps")).subquery()
        compared = [sides.c.weight, sides.c.reps, sides.c.held]
    return (
        select(sides.c.se_id)
        .group_by(sides.c.se_id)
        .having(
            or_(
                (func.min(sides.c.effort) if hold else func.max(sides.c.effort)) == 1,
                *[func.max(column) != func.min(column) for column in compared],
            )
        )
    )


def _reps_at_top(per_side: Subquery) -> Any:
    """The most reps at a side's heaviest load (the second half of its top set)."""
    inner = SetRow.__table__.alias("top_set")
    zero = literal(0.0, Float)
    return (
        select(func.max(func.coalesce(inner.c.reps, 0)))
        .where(
            inner.c.session_exercise_id == per_side.c.se_id,
            inner.c.side == per_side.c.side,
            inner.c.kind != SetKind.WARM_UP.value,
            inner.c.sides_unrecorded.is_(False),
            cast(func.coalesce(inner.c.weight_kg, zero), Float) == per_side.c.weight,
        )
        .scalar_subquery()
    )


def _effort_flag(hold: bool) -> Any:
    """Per side: 1 when the sets' effort lets the session score whatever its loads."""
    known = or_(
        SetRow.rpe.is_not(None), SetRow.rir.is_not(None), SetRow.kind == SetKind.FAILURE.value
    )
    to_failure = case(
        (SetRow.rpe.is_not(None), SetRow.rpe == 10.0),
        (SetRow.rir.is_not(None), func.abs(SetRow.rir) < 1e-9),  # 10 - RIR == 10
        else_=SetRow.kind == SetKind.FAILURE.value,
    )
    # the flag that lets a session score whatever its sides: every set (min) to failure
    # for a hold, any set (max) with its effort known otherwise
    return func.min(case((to_failure, 1), else_=0)) if hold else func.max(case((known, 1), else_=0))
