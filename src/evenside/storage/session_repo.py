"""Sessions, their exercises and sets."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evenside.domain.errors import NotFound
from evenside.domain.imports import ExportRow
from evenside.domain.library import Laterality, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import (
    LoggedSet,
    MeasurementRecord,
    SessionExercise,
    SessionListing,
    SessionRecord,
    SetKind,
    SetRecord,
    StretchStatus,
    WorkoutSession,
)
from evenside.storage.models import (
    Base,
    ExerciseRow,
    MeasurementRow,
    SessionExerciseRow,
    SessionRow,
    SetRow,
)
from evenside.storage.ordering import place_at


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


# -- live logging --------------------------------------------------------------------------


def _set_record(row: SetRow) -> SetRecord:
    return SetRecord(
        side=Side(row.side),
        weight_kg=row.weight_kg,
        reps=row.reps,
        kind=SetKind(row.kind),
        logged_at=row.logged_at,
        duration_seconds=row.duration_seconds,
        rpe=row.rpe,
        rir=row.rir,
    )


def _logged(row: SetRow) -> LoggedSet:
    return LoggedSet(row.id, row.position, _set_record(row))


def start_session(
    session: Session,
    profile_id: int,
    now: datetime,
    name: str = "",
    routine_day_id: int | None = None,
) -> int:
    row = SessionRow(
        profile_id=profile_id,
        name=name,
        notes="",
        started_at=now,
        ended_at=None,
        routine_day_id=routine_day_id,
    )
    session.add(row)
    session.flush()
    return row.id


def active_session_id(session: Session, profile_id: int) -> int | None:
    return session.scalar(
        select(SessionRow.id)
        .where(SessionRow.profile_id == profile_id, SessionRow.ended_at.is_(None))
        .order_by(SessionRow.started_at.desc())
        .limit(1)
    )


def get_session(session: Session, session_id: int) -> WorkoutSession:
    row = session.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    exercise_rows = list(
        session.scalars(
            select(SessionExerciseRow)
            .where(SessionExerciseRow.session_id == session_id)
            .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
        )
    )
    ids = [r.id for r in exercise_rows]
    sets: dict[int, list[LoggedSet]] = {i: [] for i in ids}
    if ids:
        for set_row in session.scalars(
            select(SetRow)
            .where(SetRow.session_exercise_id.in_(ids))
            .order_by(SetRow.position, SetRow.id)
        ):
            sets[set_row.session_exercise_id].append(_logged(set_row))
    exercises = tuple(
        SessionExercise(
            r.id,
            r.exercise_id,
            r.position,
            None if r.first_side is None else Side(r.first_side),
            StretchStatus(r.stretch_status),
            r.notes,
            tuple(sets[r.id]),
        )
        for r in exercise_rows
    )
    return WorkoutSession(
        row.id,
        row.profile_id,
        row.name,
        row.notes,
        row.started_at,
        row.ended_at,
        exercises,
        row.routine_day_id,
    )


def _session_exercise(session: Session, session_exercise_id: int) -> SessionExerciseRow:
    row = session.get(SessionExerciseRow, session_exercise_id)
    if row is None:
        raise NotFound(f"That exercise is no longer in the session ({session_exercise_id}).")
    return row


def session_of(session: Session, session_exercise_id: int) -> int:
    return _session_exercise(session, session_exercise_id).session_id


def add_exercise(
    session: Session, session_id: int, exercise_id: int, position: int | None = None
) -> int:
    rows = list(
        session.scalars(
            select(SessionExerciseRow)
            .where(SessionExerciseRow.session_id == session_id)
            .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
        )
    )
    position = len(rows) if position is None else max(0, min(position, len(rows)))
    for index, existing in enumerate(rows):
        existing.position = index if index < position else index + 1
    row = SessionExerciseRow(
        session_id=session_id,
        exercise_id=exercise_id,
        position=position,
        stretch_status=StretchStatus.PENDING.value,
        notes="",
    )
    session.add(row)
    session.flush()
    return row.id


def move_exercise(session: Session, session_exercise_id: int, new_position: int) -> None:
    moving = _session_exercise(session, session_exercise_id)
    rows = session.scalars(
        select(SessionExerciseRow)
        .where(SessionExerciseRow.session_id == moving.session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    )
    place_at(rows, moving, new_position)


def remove_exercise(session: Session, session_exercise_id: int) -> None:
    row = _session_exercise(session, session_exercise_id)
    session_id = row.session_id
    session.delete(row)
    session.flush()
    remaining = session.scalars(
        select(SessionExerciseRow)
        .where(SessionExerciseRow.session_id == session_id)
        .order_by(SessionExerciseRow.position, SessionExerciseRow.id)
    )
    for index, other in enumerate(remaining):
        other.position = index


def set_exercise_fields(
    session: Session,
    session_exercise_id: int,
    *,
    first_side: Side | None = None,
    stretch: StretchStatus | None = None,
    stretch_at: datetime | None = None,
    notes: str | None = None,
) -> None:
    row = _session_exercise(session, session_exercise_id)
    if first_side is not None:
        row.first_side = first_side.value
    if stretch is not None:
        row.stretch_status = stretch.value
        row.stretch_at = stretch_at
    if notes is not None:
        row.notes = notes


def log_set(
    session: Session, session_exercise_id: int, record: SetRecord, position: int | None = None
) -> LoggedSet:
    """One INSERT; the position is the next free one unless given (undo puts a set back)."""
    next_position = (
        select(func.coalesce(func.max(SetRow.position) + 1, 0))
        .where(SetRow.session_exercise_id == session_exercise_id)
        .scalar_subquery()
    )
    try:
        set_id, stored_position = session.execute(
            insert(SetRow)
            .values(
                session_exercise_id=session_exercise_id,
                position=next_position if position is None else position,
                side=record.side.value,
                weight_kg=record.weight_kg,
                reps=record.reps,
                duration_seconds=record.duration_seconds,
                rpe=record.rpe,
                rir=record.rir,
                kind=record.kind.value,
                logged_at=record.logged_at,
            )
            .returning(SetRow.id, SetRow.position)
        ).one()
    except IntegrityError as exc:  # the exercise was removed from the session meanwhile
        raise NotFound(
            f"That exercise is no longer in the session ({session_exercise_id})."
        ) from exc
    return LoggedSet(set_id, stored_position, record)


def _set_row(session: Session, set_id: int) -> SetRow:
    row = session.get(SetRow, set_id)
    if row is None:
        raise NotFound(f"That set no longer exists ({set_id}).")
    return row


def get_set(session: Session, set_id: int) -> LoggedSet:
    return _logged(_set_row(session, set_id))


def exercise_of_set(session: Session, set_id: int) -> int:
    return _set_row(session, set_id).session_exercise_id


def update_set(session: Session, set_id: int, record: SetRecord) -> LoggedSet:
    row = _set_row(session, set_id)
    row.side, row.weight_kg, row.reps = record.side.value, record.weight_kg, record.reps
    row.duration_seconds, row.rpe, row.rir = record.duration_seconds, record.rpe, record.rir
    row.kind = record.kind.value
    session.flush()
    return _logged(row)


def delete_set(session: Session, set_id: int) -> tuple[int, LoggedSet]:
    """Delete a set; returns its exercise row id and the set, so the deletion can be undone."""
    row = _set_row(session, set_id)
    result = (row.session_exercise_id, _logged(row))
    session.delete(row)
    return result


def finish_session(session: Session, session_id: int, now: datetime) -> None:
    row = session.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    row.ended_at = now


def set_session_fields(
    session: Session,
    session_id: int,
    *,
    name: str | None = None,
    notes: str | None = None,
    ended_at: datetime | None = None,
) -> None:
    row = session.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    if name is not None:
        row.name = name
    if notes is not None:
        row.notes = notes
    if ended_at is not None:
        row.ended_at = ended_at


def delete_session(session: Session, session_id: int) -> None:
    row = session.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"Session {session_id} does not exist.")
    session.delete(row)


# -- history of one exercise -------------------------------------------------------------


def recent_exercise_sets(
    session: Session,
    profile_id: int,
    exercise_id: int,
    *,
    before: datetime,
    exclude_session_id: int | None = None,
    sessions: int = 3,
) -> list[tuple[int, list[SetRecord]]]:
    """The sets of ``exercise_id`` in the last ``sessions`` sessions before ``before``,
    newest session first (for the weak side, pre-fill and "last time")."""
    recent = (
        select(SessionRow.id)
        .join(SessionExerciseRow, SessionExerciseRow.session_id == SessionRow.id)
        .where(
            SessionRow.profile_id == profile_id,
            SessionExerciseRow.exercise_id == exercise_id,
            SessionRow.started_at <= before,
        )
        .group_by(SessionRow.id)
        .order_by(SessionRow.started_at.desc())
        .limit(sessions + 1)
    )
    ids = [i for i in session.scalars(recent) if i != exclude_session_id][:sessions]
    if not ids:
        return []
    by_session: dict[int, list[SetRecord]] = {i: [] for i in ids}
    rows = session.execute(
        select(SessionExerciseRow.session_id, SetRow)
        .join(SetRow, SetRow.session_exercise_id == SessionExerciseRow.id)
        .where(
            SessionExerciseRow.session_id.in_(ids),
            SessionExerciseRow.exercise_id == exercise_id,
        )
        .order_by(SessionExerciseRow.position, SetRow.position, SetRow.id)
    )
    for session_id, set_row in rows:
        by_session[session_id].append(_set_record(set_row))
    return [(i, by_session[i]) for i in ids]


def all_exercise_sets_before(
    session: Session, profile_id: int, exercise_id: int, before: datetime, exclude_session_id: int
) -> list[SetRecord]:
    """Every counted set of the exercise before a session (for personal records)."""
    rows = session.scalars(
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
    return [_set_record(r) for r in rows]


def list_sessions(session: Session, profile_id: int, limit: int = 500) -> list[SessionListing]:
    rows = list(
        session.scalars(
            select(SessionRow)
            .where(SessionRow.profile_id == profile_id)
            .order_by(SessionRow.started_at.desc())
            .limit(limit)
        )
    )
    if not rows:
        return []
    ids = [r.id for r in rows]
    names: dict[int, list[str]] = {i: [] for i in ids}
    for session_id, name in session.execute(
        select(SessionExerciseRow.session_id, ExerciseRow.name)
        .join(ExerciseRow, ExerciseRow.id == SessionExerciseRow.exercise_id)
        .where(SessionExerciseRow.session_id.in_(ids))
        .order_by(SessionExerciseRow.session_id, SessionExerciseRow.position)
    ):
        names[session_id].append(name)
    volume: dict[tuple[int, str], float] = {}
    counts: dict[int, int] = {}
    for session_id, side, total, count in session.execute(
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
            tuple(names[r.id]),
            volume.get((r.id, "left"), 0.0),
            volume.get((r.id, "right"), 0.0),
            volume.get((r.id, "both"), 0.0),
            counts.get(r.id, 0),
        )
        for r in rows
    ]


# -- import and export ---------------------------------------------------------------------


def known_sessions(session: Session, profile_id: int) -> tuple[set[str], set[tuple[datetime, str]]]:
    """Source keys, and (start, name) pairs, of a profile's sessions (to skip duplicates)."""
    keys: set[str] = set()
    starts: set[tuple[datetime, str]] = set()
    for key, started, name in session.execute(
        select(SessionRow.source_key, SessionRow.started_at, SessionRow.name).where(
            SessionRow.profile_id == profile_id
        )
    ):
        if key:
            keys.add(key)
        starts.add((started, name))
    return keys, starts


def export_rows(session: Session, profile_id: int) -> list[ExportRow]:
    """Every set of a profile with its session and exercise, in order (finished sessions)."""
    query = (
        select(
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
        )
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
        )
        for (sid, key, started, ended, sname, snotes, ename, lat, load, epos, first, stretch,
             enotes, spos, side, weight, reps, duration, rpe, rir, kind, logged)
        in session.execute(query)
    ]  # fmt: skip
