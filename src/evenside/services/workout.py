"""Logging a session: sets per side, coaching prompts, stretches, the finishing summary.

Every call commits before it returns, so a set the screen shows as saved is on disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from evenside.domain.coaching import (
    SideWork,
    VolumeMatch,
    WeakSide,
    volume_match,
    weak_side,
)
from evenside.domain.entry import check_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.summary import (
    ExerciseSummary,
    side_figures,
    summarise_exercise,
)
from evenside.domain.training import (
    ExerciseRecord,
    LoggedSet,
    SessionExercise,
    SessionListing,
    SetRecord,
    StretchStatus,
    WorkoutSession,
)
from evenside.domain.units import format_weight
from evenside.services import verdicts
from evenside.services.store import Store
from evenside.storage import bulk_repo, history_repo, library_repo, profile_repo, session_repo
from evenside.storage.database import DbSession

# -- sessions -------------------------------------------------------------------------------


def start_session(store: Store, profile_id: int, name: str = "") -> WorkoutSession:
    with store.transaction() as session:
        session_id = session_repo.start_session(session, profile_id, store.now(), name)
        return session_repo.get_session(session, session_id)


def active_session(store: Store, profile_id: int) -> WorkoutSession | None:
    """The unfinished session to reopen after a restart, if there is one."""
    with store.transaction() as session:
        session_id = session_repo.active_session_id(session, profile_id)
        return None if session_id is None else session_repo.get_session(session, session_id)


def get_session(store: Store, session_id: int) -> WorkoutSession:
    with store.transaction() as session:
        return session_repo.get_session(session, session_id)


def set_session_notes(
    store: Store, session_id: int, *, name: str | None = None, notes: str | None = None
) -> None:
    with store.transaction() as session:
        session_repo.set_session_fields(session, session_id, name=name, notes=notes)


def finish_session(store: Store, session_id: int) -> None:
    with store.transaction() as session:
        session_repo.finish_session(session, session_id, store.now())


def delete_session(store: Store, session_id: int) -> tuple[int, WorkoutSession]:
    """Delete a whole session; returns what is needed to put it back (undo)."""
    with store.transaction() as session:
        snapshot = session_repo.get_session(session, session_id)
        session_repo.delete_session(session, session_id)
        return snapshot.profile_id, snapshot


def restore_session(store: Store, snapshot: WorkoutSession) -> int:
    """Put a deleted session back (new row ids, same content)."""
    from evenside.domain.training import SessionRecord

    record = SessionRecord(
        snapshot.started_at,
        snapshot.ended_at,
        tuple(_exercise_record(e) for e in snapshot.exercises),
        snapshot.name,
        snapshot.notes,
    )
    for exercise in record.exercises:
        _check_sets(exercise.sets)
    with store.transaction() as session:
        bulk_repo.insert_sessions(session, snapshot.profile_id, [record])
        listing = history_repo.list_sessions(session, snapshot.profile_id, limit=100000)
        return next(s.id for s in listing if s.started_at == snapshot.started_at)


def _exercise_record(exercise: SessionExercise) -> ExerciseRecord:
    return ExerciseRecord(
        exercise.exercise_id,
        tuple(s.record for s in exercise.sets),
        exercise.first_side,
        exercise.stretch_status,
        None,
        exercise.notes,
    )


# -- exercises in a session -----------------------------------------------------------------


def add_exercise(store: Store, session_id: int, exercise_id: int) -> int:
    with store.transaction() as session:
        return session_repo.add_exercise(session, session_id, exercise_id)


def move_exercise(store: Store, session_exercise_id: int, new_position: int) -> None:
    with store.transaction() as session:
        session_repo.move_exercise(session, session_exercise_id, new_position)


@dataclass(frozen=True)
class RemovedExercise:
    session_id: int
    position: int
    record: ExerciseRecord


def remove_exercise(store: Store, session_exercise_id: int) -> RemovedExercise:
    with store.transaction() as session:
        session_id = session_repo.session_of(session, session_exercise_id)
        current = session_repo.get_session(session, session_id)
        exercise = next(e for e in current.exercises if e.id == session_exercise_id)
        session_repo.remove_exercise(session, session_exercise_id)
        return RemovedExercise(session_id, exercise.position, _exercise_record(exercise))


def restore_exercise(store: Store, removed: RemovedExercise) -> int:
    _check_sets(removed.record.sets)
    with store.transaction() as session:
        new_id = session_repo.add_exercise(
            session, removed.session_id, removed.record.exercise_id, removed.position
        )
        session_repo.set_exercise_fields(
            session,
            new_id,
            first_side=removed.record.first_side,
            stretch=removed.record.stretch_status,
            notes=removed.record.notes,
        )
        for s in removed.record.sets:
            session_repo.log_set(session, new_id, s)
        return new_id


def set_exercise_notes(store: Store, session_exercise_id: int, notes: str) -> None:
    with store.transaction() as session:
        session_repo.set_exercise_fields(session, session_exercise_id, notes=notes)


def record_stretch(store: Store, session_exercise_id: int, status: StretchStatus) -> None:
    """Done or skipped, with the time; pending again when undone."""
    with store.transaction() as session:
        at = None if status is StretchStatus.PENDING else store.now()
        session_repo.set_exercise_fields(
            session, session_exercise_id, stretch=status, stretch_at=at
        )


# -- sets ------------------------------------------------------------------------------------


def _match_for(
    exercise: SessionExercise, weak: Side, extra: SetRecord | None = None
) -> VolumeMatch:
    records = [s.record for s in exercise.sets] + ([extra] if extra else [])
    return volume_match(
        (SideWork(r.side, r.weight_kg or 1.0, r.reps or 0) for r in records if r.kind.counts),
        weak,
    )


def log_set(
    store: Store,
    session_exercise_id: int,
    record: SetRecord,
    *,
    settings: Settings | None = None,
    weak: Side | None = None,
) -> LoggedSet:
    """Store a set (committed before returning). With the weak-side cap on, a set that would
    put the strong side ahead of the weak side is refused and nothing is stored, as is a set
    whose values break the entry rules (``check_set``)."""
    check_set(record)
    with store.transaction() as session:
        if settings is not None and settings.weak_side_cap and weak in (Side.LEFT, Side.RIGHT):
            current = session_repo.get_session(
                session, session_repo.session_of(session, session_exercise_id)
            )
            exercise = next(e for e in current.exercises if e.id == session_exercise_id)
            match = _match_for(exercise, weak)
            if record.kind.counts and not match.allows(
                record.side, record.weight_kg or 1.0, record.reps or 0
            ):
                raise InvalidInput(
                    f"Weak-side cap: {match.strong.letter} may do at most "
                    f"{max(0, match.reps_remaining)} more reps "
                    f"({max(0.0, match.volume_remaining):.0f} kg of volume) in this exercise.",
                    "reps",
                )
        stamped = replace(record, logged_at=record.logged_at or store.now())
        logged = session_repo.log_set(session, session_exercise_id, stamped)
        if logged.position == 0 and stamped.side is not Side.BOTH:
            # The order actually used: the side of the first set logged.
            session_repo.set_exercise_fields(session, session_exercise_id, first_side=stamped.side)
        return logged


def update_set(store: Store, set_id: int, record: SetRecord) -> LoggedSet:
    check_set(record)
    with store.transaction() as session:
        old = session_repo.get_set(session, set_id)
        return session_repo.update_set(
            session, set_id, replace(record, logged_at=old.record.logged_at)
        )


def delete_set(store: Store, set_id: int) -> tuple[int, LoggedSet]:
    with store.transaction() as session:
        return session_repo.delete_set(session, set_id)


def restore_set(store: Store, session_exercise_id: int, logged: LoggedSet) -> LoggedSet:
    check_set(logged.record)
    with store.transaction() as session:
        return session_repo.log_set(session, session_exercise_id, logged.record, logged.position)


def _check_sets(sets: Iterable[SetRecord]) -> None:
    """Every set of an undo or restore passes the same gate as a set typed in, before any
    row is written (a refused restore writes nothing)."""
    for record in sets:
        check_set(record)


# -- coaching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coaching:
    """What the set entry shows for one exercise of the session."""

    weak: WeakSide | None  # None for bilateral exercises
    last_time: dict[Side, tuple[SetRecord, ...]]
    match: VolumeMatch | None

    def notice(self) -> str:
        return "" if self.match is None else self.match.describe()


def coaching(
    store: Store,
    profile: Profile,
    current: WorkoutSession,
    exercise: SessionExercise,
    lib: Exercise,
) -> Coaching:
    with store.transaction() as session:
        recent = history_repo.recent_exercise_sets(
            session,
            profile.id,
            exercise.exercise_id,
            before=current.started_at,
            exclude_session_id=current.id,
        )
    last_time: dict[Side, tuple[SetRecord, ...]] = {}
    if recent:
        for side in Side:
            side_sets = tuple(s for s in recent[0][1] if s.side is side and s.kind.counts)
            if side_sets:
                last_time[side] = side_sets
    if not lib.laterality.per_side:
        return Coaching(None, last_time, None)
    judged = verdicts.exercise_verdict(
        store,
        profile.id,
        exercise.exercise_id,
        before=current.started_at,
        exclude_session_id=current.id,
    )
    weak = weak_side(judged.verdict)
    return Coaching(weak, last_time, _match_for(exercise, weak.side))


def _settings(session: DbSession, profile_id: int) -> Settings:
    return profile_repo.get_settings(session, profile_id)


def describe_sets(sets: tuple[SetRecord, ...], profile: Profile) -> str:
    """ "20 kg x 8, 20 kg x 7" for the "last time" line."""
    parts = []
    for s in sets:
        if s.duration_seconds is not None and s.reps is None:
            parts.append(f"{s.duration_seconds} s")
        elif s.weight_kg:
            parts.append(f"{format_weight(s.weight_kg, profile.unit)} x {s.reps}")
        else:
            parts.append(f"{s.reps} reps")
    return ", ".join(parts)


# -- summary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionSummary:
    session: WorkoutSession
    exercises: tuple[ExerciseSummary, ...]
    unstretched: tuple[str, ...]
    formula_label: str

    @property
    def minutes(self) -> int | None:
        if self.session.ended_at is None:
            return None
        return int((self.session.ended_at - self.session.started_at).total_seconds() // 60)


def summarise(store: Store, session_id: int) -> SessionSummary:
    with store.transaction() as session:
        current = session_repo.get_session(session, session_id)
        settings = _settings(session, current.profile_id)
        formula = settings.e1rm_formula
        summaries = []
        unstretched = []
        for exercise in current.exercises:
            lib = library_repo.get_exercise(session, exercise.exercise_id)
            sets = [s.record for s in exercise.sets]
            recent = history_repo.recent_exercise_sets(
                session,
                current.profile_id,
                exercise.exercise_id,
                before=current.started_at,
                exclude_session_id=current.id,
                sessions=1,
            )
            earlier = history_repo.all_exercise_sets_before(
                session, current.profile_id, exercise.exercise_id, current.started_at, current.id
            )
            best_before = {
                side: fig.best
                for side, fig in side_figures(earlier, lib.load_basis, formula).items()
                if fig.best is not None
            }
            stretched = {
                StretchStatus.DONE: True,
                StretchStatus.SKIPPED: False,
                StretchStatus.PENDING: None,
            }[exercise.stretch_status]
            if stretched is not True and lib.stretches:
                unstretched.append(lib.name)
            summaries.append(
                summarise_exercise(
                    lib.name,
                    lib.laterality.per_side,
                    sets,
                    lib.load_basis,
                    formula,
                    previous_sets=recent[0][1] if recent else [],
                    best_before=best_before,
                    weak=exercise.first_side,
                    stretched=stretched,
                    score_basis=verdicts.score_basis(lib, settings),
                )
            )
    # Each one-sided exercise leads with its verdict as of this session.
    summaries = [
        replace(
            summary,
            verdict=verdicts.exercise_verdict(
                store, current.profile_id, exercise.exercise_id, before=current.started_at
            ).sentence,
        )
        if summary.per_side
        else summary
        for summary, exercise in zip(summaries, current.exercises, strict=True)
    ]
    return SessionSummary(current, tuple(summaries), tuple(unstretched), formula.label)


def history(store: Store, profile_id: int) -> list[SessionListing]:
    """Past and current sessions, newest first, with per-side volume (warm-ups excluded)."""
    with store.transaction() as session:
        return history_repo.list_sessions(session, profile_id)
