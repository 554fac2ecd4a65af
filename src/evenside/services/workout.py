"""Logging a session: sets per side, coaching prompts, stretches, the finishing summary.

Every call commits before it returns, so a set the screen shows as saved is on disk, and
every call that writes returns what it changed (a ``Changes``, or a result carrying one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from evenside.domain.changes import Changes, in_session, of_sessions
from evenside.domain.coaching import WeakSide, weak_side
from evenside.domain.entry import check_set
from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.snapshots import StoredExercise, StoredSession
from evenside.domain.training import (
    LoggedSet,
    SessionExercise,
    SessionListing,
    SetRecord,
    StretchStatus,
    WorkoutSession,
)
from evenside.domain.units import Unit, format_weight
from evenside.domain.volume_rule import VolumeMatch, VolumeRule
from evenside.domain.wording import counted
from evenside.services import verdicts, volume
from evenside.services.store import Store
from evenside.storage import (
    history_repo,
    library_repo,
    profile_repo,
    session_repo,
    stored_repo,
)
from evenside.storage.database import DbSession

# -- sessions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionStarted:
    session: WorkoutSession
    changes: Changes

    @property
    def id(self) -> int:
        return self.session.id


def start_session(store: Store, profile_id: int, name: str = "") -> SessionStarted:
    with store.transaction() as tx:
        session_id = session_repo.start_session(tx, profile_id, store.now(), name)
        started = session_repo.get_session(tx, session_id)
    return SessionStarted(started, of_sessions(session_id))


def active_session(store: Store, profile_id: int) -> WorkoutSession | None:
    """The unfinished session to reopen after a restart, if there is one."""
    with store.transaction() as tx:
        session_id = session_repo.active_session_id(tx, profile_id)
        return None if session_id is None else session_repo.get_session(tx, session_id)


def get_session(store: Store, session_id: int) -> WorkoutSession:
    with store.transaction() as tx:
        return session_repo.get_session(tx, session_id)


def set_session_notes(
    store: Store, session_id: int, *, name: str | None = None, notes: str | None = None
) -> Changes:
    with store.transaction() as tx:
        session_repo.set_session_fields(tx, session_id, name=name, notes=notes)
    return Changes(sessions=True, session_ids=frozenset({session_id}))


def finish_session(store: Store, session_id: int) -> Changes:
    with store.transaction() as tx:
        session_repo.finish_session(tx, session_id, store.now())
    return of_sessions(session_id)


@dataclass(frozen=True)
class DeletedSession:
    """A deleted session, every column and row id kept, so undo puts back exactly that."""

    stored: StoredSession
    changes: Changes


def delete_session(store: Store, session_id: int) -> DeletedSession:
    with store.transaction() as tx:
        stored = stored_repo.stored_session(tx, session_id)
        session_repo.delete_session(tx, session_id)
    return DeletedSession(stored, of_sessions(session_id))


def restore_session(store: Store, stored: StoredSession) -> Changes:
    """Put a deleted session back under its own ids, with every column as it was."""
    for exercise in stored.exercises:
        _check_sets(logged.record for logged in exercise.sets)
    with store.transaction() as tx:
        stored_repo.put_back_session(tx, stored)
    return of_sessions(stored.id)


# -- exercises in a session -----------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseAdded:
    id: int  # the exercise's row within the session
    changes: Changes


def add_to_session(store: Store, session_id: int, exercise_id: int) -> ExerciseAdded:
    with store.transaction() as tx:
        new_id = session_repo.add_exercise(tx, session_id, exercise_id)
    return ExerciseAdded(new_id, in_session(session_id, exercises=True))


def add_exercise(store: Store, session_id: int, exercise_id: int) -> int:
    """The id of the exercise added to the session (for scripts that need only the id)."""
    return add_to_session(store, session_id, exercise_id).id


def move_exercise(store: Store, session_exercise_id: int, new_position: int) -> Changes:
    with store.transaction() as tx:
        session_repo.move_exercise(tx, session_exercise_id, new_position)
        session_id = session_repo.session_of(tx, session_exercise_id)
    return in_session(session_id, exercises=True)


@dataclass(frozen=True)
class RemovedExercise:
    """An exercise taken out of a session, every column and row id kept for undo."""

    stored: StoredExercise
    changes: Changes


def remove_exercise(store: Store, session_exercise_id: int) -> RemovedExercise:
    with store.transaction() as tx:
        stored = stored_repo.stored_exercise(tx, session_exercise_id)
        session_repo.remove_exercise(tx, session_exercise_id)
    return RemovedExercise(stored, in_session(stored.session_id, sets=True, exercises=True))


def restore_exercise(store: Store, removed: RemovedExercise) -> Changes:
    """Put a removed exercise back where it was, under its own id, with its sets."""
    _check_sets(logged.record for logged in removed.stored.sets)
    with store.transaction() as tx:
        stored_repo.put_back_exercise(tx, removed.stored)
    return removed.changes


def set_exercise_notes(store: Store, session_exercise_id: int, notes: str) -> Changes:
    with store.transaction() as tx:
        session_repo.set_exercise_fields(tx, session_exercise_id, notes=notes)
        session_id = session_repo.session_of(tx, session_exercise_id)
    return in_session(session_id, exercises=True)


def record_stretch(store: Store, session_exercise_id: int, status: StretchStatus) -> Changes:
    """Done or skipped, with the time; pending again when undone."""
    with store.transaction() as tx:
        at = None if status is StretchStatus.PENDING else store.now()
        session_repo.set_exercise_fields(tx, session_exercise_id, stretch=status, stretch_at=at)
        session_id = session_repo.session_of(tx, session_exercise_id)
    return in_session(session_id, exercises=True)


# -- sets ------------------------------------------------------------------------------------


# A set's change names no session: finding it would cost a query on the path of every set,
# and a set can only be logged in the session the screen shows.
SET_CHANGED = Changes(sets=True)


@dataclass(frozen=True)
class SetLogged:
    logged: LoggedSet
    changes: Changes

    @property
    def id(self) -> int:
        return self.logged.id


def log_set(
    store: Store,
    session_exercise_id: int,
    record: SetRecord,
    *,
    check_volume: bool = False,
    log_anyway: bool = False,
) -> SetLogged:
    """Store a set (committed before returning); a set whose values break the entry rules
    (``check_set``) is refused and nothing is stored.

    With ``check_volume`` (the set entry) the volume rule applies: under the "refuse" rule a
    strong-side set that would pass the weak side's volume raises ``VolumeRefused`` and
    nothing is stored, unless ``log_anyway``, which stores it marked as an override."""
    check_set(record)
    if check_volume:
        record = _apply_volume_rule(store, session_exercise_id, record, log_anyway)
    stamped = replace(record, logged_at=record.logged_at or store.now())
    # The order actually used: a first one-sided set records its side as the first side.
    logged = store.sets().log(session_exercise_id, stamped, first_side=True)
    changes = SET_CHANGED | Changes(exercises=logged.position == 0)
    return SetLogged(logged, changes)


def _apply_volume_rule(
    store: Store, session_exercise_id: int, record: SetRecord, log_anyway: bool
) -> SetRecord:
    """The record to store: refused, marked as an override, or as it is."""
    with store.transaction() as tx:
        current = session_repo.get_session(tx, session_repo.session_of(tx, session_exercise_id))
        exercise = next(e for e in current.exercises if e.id == session_exercise_id)
        lib = library_repo.get_exercise(tx, exercise.exercise_id)
        settings = _settings(tx, current.profile_id)
        unit = profile_repo.get_profile(tx, current.profile_id).unit
    if not lib.laterality.per_side or record.side is Side.BOTH:
        return record
    logged = [s.record for s in exercise.sets]
    # A set that keeps its side at or below the other side passes whichever side is weak:
    # the verdict is worked out only for a set that would put its side ahead.
    if volume.refusal(logged, record, lib, settings, record.side.opposite()) is None:
        return record
    weak = volume.weak_side_in_session(store, current, exercise.exercise_id)
    refused = volume.refusal(logged, record, lib, settings, weak, unit=unit)
    if refused is None or settings.volume_rule is VolumeRule.NOTICE:
        return record
    if not log_anyway:
        raise refused
    return replace(record, volume_override=True)


def update_set(store: Store, set_id: int, record: SetRecord) -> Changes:
    check_set(record)
    # The set keeps the time it was logged, and "logged anyway" once it was marked.
    store.sets().update(set_id, record)
    return SET_CHANGED


@dataclass(frozen=True)
class DeletedSet:
    session_exercise_id: int
    logged: LoggedSet
    changes: Changes


def delete_set(store: Store, set_id: int) -> DeletedSet:
    session_exercise_id, logged = store.sets().delete(set_id)
    return DeletedSet(session_exercise_id, logged, SET_CHANGED)


def restore_set(store: Store, session_exercise_id: int, logged: LoggedSet) -> Changes:
    """Put a set back where it was, under its own id (undo of a deletion, redo of a log)."""
    check_set(logged.record)
    store.sets().log(session_exercise_id, logged.record, logged.position, logged.id)
    return SET_CHANGED


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

    def notice(self, unit: Unit = Unit.KG) -> str:
        return "" if self.match is None else self.match.describe(unit)


def coaching(
    store: Store,
    profile: Profile,
    current: WorkoutSession,
    exercise: SessionExercise,
    lib: Exercise,
) -> Coaching:
    with store.transaction() as tx:
        recent = history_repo.recent_exercise_sets(
            tx,
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
    settings = _settings_of(store, profile.id)
    return Coaching(weak, last_time, volume.match_for(exercise, lib, settings, weak.side))


def _settings(tx: DbSession, profile_id: int) -> Settings:
    return profile_repo.get_settings(tx, profile_id)


def _settings_of(store: Store, profile_id: int) -> Settings:
    with store.transaction() as tx:
        return _settings(tx, profile_id)


def describe_sets(sets: tuple[SetRecord, ...], profile: Profile) -> str:
    """ "20 kg x 8, 20 kg x 7" for the "last time" line."""
    parts = []
    for s in sets:
        if s.duration_seconds is not None and s.reps is None:
            parts.append(f"{s.duration_seconds} s")
        elif s.weight_kg:
            parts.append(f"{format_weight(s.weight_kg, profile.unit)} x {s.reps}")
        else:
            parts.append(counted(s.reps or 0, "rep"))
    return ", ".join(parts)


def history(store: Store, profile_id: int) -> list[SessionListing]:
    """Past and current sessions, newest first, with per-side volume (warm-ups excluded)."""
    with store.transaction() as tx:
        return history_repo.list_sessions(tx, profile_id)
