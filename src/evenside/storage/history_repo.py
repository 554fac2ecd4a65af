"""Reading past sessions: an exercise's recent sets (weak side, pre-fill, records), the
History list, and what imports and exports need."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evenside.domain.imports import ExportRow
from evenside.domain.library import Laterality, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.supersets import grouped_names
from evenside.domain.training import SessionListing, SetKind, SetRecord
from evenside.storage.models import ExerciseRow, SessionExerciseRow, SessionRow, SetRow
from evenside.storage.session_repo import set_record


def recent_exercise_sets(
    tx: Session,
    profile_id: int,
    exercise_id: int,
    *,
    before: datetime,
    exclude_session_id: int | None = None,
    sessions: int = 3,
) -> list[tuple[int, list[SetRecord]]]:
    """The sets of ``exercise_id`` in the last ``sessions`` sessions before ``before``,
    newest session first (for the weak side, pre-fill and "last time")."""
    # The profile's sessions newest first (its index on the start), each asked whether it
    # holds the exercise: a few look-ups, not a sort of every session of the exercise.
    holds = (
        select(SessionExerciseRow.id)
        .where(
            SessionExerciseRow.session_id == SessionRow.id,
            SessionExerciseRow.exercise_id == exercise_id,
        )
        .exists()
    )
    recent = (
        select(SessionRow.id)
        .where(SessionRow.profile_id == profile_id, SessionRow.started_at <= before, holds)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(sessions + 1)
    )
    ids = [i for i in tx.scalars(recent) if i != exclude_session_id][:sessions]
    if not ids:
        return []
    by_session: dict[int, list[SetRecord]] = {i: [] for i in ids}
    rows = tx.execute(
        select(SessionExerciseRow.session_id, SetRow)
        .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
        .where(
            SessionExerciseRow.session_id.in_(ids),
            SessionExerciseRow.exercise_id == exercise_id,
        )
        .order_by(SessionExerciseRow.position, SetRow.position, SetRow.id)
    )
    for session_id, set_row in rows:
        by_session[session_id].append(set_record(set_row))
    return [(i, by_session[i]) for i in ids]


def all_exercise_sets_before(
    tx: Session, profile_id: int, exercise_id: int, before: datetime, exclude_session_id: int
) -> list[SetRecord]:
    """Every counted set of the exercise before a session (for personal records)."""
    rows = tx.scalars(
        select(SetRow)
        .join(SessionExerciseRow, SessionExerciseRow.id == SetRow.session_exercise_id)
        .join(SessionRow, SessionRow.id == SessionExerciseRow.session_id)
        .where(
            SessionRow.profile_id == profile_id,
            SessionExerciseRow.exercise_id == exercise_id,
            SessionRow.started_at < before,
            SessionRow.id != exclude_session_id,
            SetRow.kind != SetKind.WARM_UP.value,
        )
    )
    return [set_record(r) for r in rows]


def list_sessions(tx: Session, profile_id: int, limit: int = 500) -> list[SessionListing]:
    rows = list(
        tx.scalars(
            select(SessionRow)
            .where(SessionRow.profile_id == profile_id)
            .order_by(SessionRow.started_at.desc())
            .limit(limit)
        )
    )
    return listings_of(tx, rows)


def listings_of(tx: Session, rows: list[SessionRow]) -> list[SessionListing]:
    """History rows for these sessions, in their order: exercises, per-side volume, sets."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    names: dict[int, list[tuple[str, int | None]]] = {i: [] for i in ids}
    for session_id, name, group in tx.execute(
        select(SessionExerciseRow.session_id, ExerciseRow.name, SessionExerciseRow.superset_group)
        .join(ExerciseRow, ExerciseRow.id == SessionExerciseRow.exercise_id)
        .where(SessionExerciseRow.session_id.in_(ids))
        .order_by(SessionExerciseRow.session_id, SessionExerciseRow.position)
    ):
        names[session_id].append((name, group))
    volume: dict[tuple[int, str], float] = {}
    counts: dict[int, int] = {}
    for session_id, side, total, count in tx.execute(
        select(
            SessionExerciseRow.session_id,
            SetRow.side,
            func.sum(func.coalesce(SetRow.weight_kg, 0) * func.coalesce(SetRow.reps, 0)),
            func.count(SetRow.id),
        )
        .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
        .where(SessionExerciseRow.session_id.in_(ids), SetRow.kind != SetKind.WARM_UP.value)
        .group_by(SessionExerciseRow.session_id, SetRow.side)
    ):
        volume[(session_id, side)] = float(total or 0)
        counts[session_id] = counts.get(session_id, 0) + int(count)
    return [
        SessionListing(
            r.id,
            r.name,
            r.started_at,
            r.ended_at,
            tuple(grouped_names(names[r.id])),
            volume.get((r.id, "left"), 0.0),
            volume.get((r.id, "right"), 0.0),
            volume.get((r.id, "both"), 0.0),
            counts.get(r.id, 0),
        )
        for r in rows
    ]


# -- import and export ---------------------------------------------------------------------


def known_sessions(tx: Session, profile_id: int) -> tuple[set[str], set[tuple[datetime, str]]]:
    """Source keys, and (start, name) pairs, of a profile's sessions (to skip duplicates)."""
    keys: set[str] = set()
    starts: set[tuple[datetime, str]] = set()
    for key, started, name in tx.execute(
        select(SessionRow.source_key, SessionRow.started_at, SessionRow.name).where(
            SessionRow.profile_id == profile_id
        )
    ):
        if key:
            keys.add(key)
        starts.add((started, name))
    return keys, starts


# One row per set for the export, with its session and exercise.
_EXPORT_COLUMNS = (
    SessionRow.id,
    SessionRow.source_key,
    SessionRow.started_at,
    SessionRow.ended_at,
    SessionRow.name,
    SessionRow.notes,
    ExerciseRow.name,
    ExerciseRow.laterality,
    ExerciseRow.load_basis,
    SessionExerciseRow.position,
    SessionExerciseRow.first_side,
    SessionExerciseRow.stretch_status,
    SessionExerciseRow.notes,
    SetRow.position,
    SetRow.side,
    SetRow.weight_kg,
    SetRow.reps,
    SetRow.duration_seconds,
    SetRow.rpe,
    SetRow.rir,
    SetRow.kind,
    SetRow.logged_at,
    SetRow.distance_m,
    SetRow.notes,
    SetRow.volume_override,
    ExerciseRow.kind,
    SessionExerciseRow.superset_group,
)


def export_rows(tx: Session, profile_id: int) -> list[ExportRow]:
    """Every set of a profile with its session and exercise, in order (finished sessions)."""
    query = (
        select(*_EXPORT_COLUMNS)
        .join(SessionExerciseRow, SessionExerciseRow.session_id == SessionRow.id)
        .join(ExerciseRow, ExerciseRow.id == SessionExerciseRow.exercise_id)
        .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
        .where(SessionRow.profile_id == profile_id, SessionRow.ended_at.is_not(None))
        .order_by(
            SessionRow.started_at,
            SessionRow.id,
            SessionExerciseRow.position,
            SetRow.position,
            SetRow.id,
        )
    )
    return [
        ExportRow(
            session_key=key or f"evenside:{started.isoformat()}:{sid}",
            started_at=started,
            ended_at=ended,
            session_name=sname,
            session_notes=snotes,
            exercise=ename,
            laterality=Laterality(lat),
            load_basis=LoadBasis(load),
            exercise_position=epos,
            first_side=None if first is None else Side(first),
            stretch=stretch,
            exercise_notes=enotes,
            set_position=spos,
            side=Side(side),
            weight_kg=weight,
            reps=reps,
            duration_seconds=duration,
            rpe=rpe,
            rir=rir,
            kind=SetKind(kind),
            logged_at=logged,
            distance_m=distance,
            set_notes=set_notes or "",
            volume_override=bool(override),
            exercise_kind=ekind or "strength",
            superset=superset,
        )
        for (sid, key, started, ended, sname, snotes, ename, lat, load, epos, first, stretch,
             enotes, spos, side, weight, reps, duration, rpe, rir, kind, logged, distance,
             set_notes, override, ekind, superset)
        in tx.execute(query)
    ]  # fmt: skip
