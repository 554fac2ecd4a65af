"""The summary shown when a session is finished: per exercise and side, against last time
and the best before, the sets logged past the volume rule, and the exercises not stretched.

The weak side of each one-sided exercise is the one the volume rule protected while
logging: the measurement verdict from earlier sessions (beyond noise), else the
non-dominant side; never the side that happened to be logged first."""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.summary import ExerciseSummary, summarise_exercise
from evenside.domain.training import SessionExercise, SetRecord, StretchStatus, WorkoutSession
from evenside.services import verdicts, volume
from evenside.services.store import Store
from evenside.storage import history_repo, library_repo, profile_repo, records_repo, session_read
from evenside.storage.database import DbSession


@dataclass(frozen=True)
class SessionSummary:
    session: WorkoutSession
    exercises: tuple[ExerciseSummary, ...]
    unstretched: tuple[str, ...]  # shown under "Not stretched:"
    formula_label: str

    @property
    def minutes(self) -> int | None:
        if self.session.ended_at is None:
            return None
        return int((self.session.ended_at - self.session.started_at).total_seconds() // 60)


@dataclass(frozen=True)
class _Gathered:
    """What the database holds for one exercise of the session."""

    exercise: SessionExercise
    lib: Exercise
    previous: list[SetRecord]
    best_before: dict[Side, float]
    weak: Side | None  # the side the volume rule protected (one-sided exercises)
    sentence: str  # the verdict as of this session, its sets included


def _gather(
    tx: DbSession,
    current: WorkoutSession,
    exercise: SessionExercise,
    profile: Profile,
    settings: Settings,
) -> _Gathered:
    lib = library_repo.get_exercise(tx, exercise.exercise_id)
    recent = history_repo.recent_exercise_sets(
        tx,
        current.profile_id,
        exercise.exercise_id,
        before=current.started_at,
        exclude_session_id=current.id,
        sessions=1,
    )
    best_before = records_repo.best_strength_before(
        tx,
        current.profile_id,
        exercise.exercise_id,
        before=current.started_at,
        exclude_session_id=current.id,
        load_basis=lib.load_basis,
        formula=settings.e1rm_formula,
    )
    weak, sentence = None, ""
    if lib.laterality.per_side:
        # The weak side as the volume rule judged it (earlier sessions), and the lead
        # sentence: the verdict as of this session, this session's sets included.
        earlier, with_this = verdicts.before_and_with_session_in(
            tx, profile, settings, lib, session_id=current.id, started_at=current.started_at
        )
        weak, sentence = earlier.verdict.start, with_this.sentence
    previous = list(recent[0][1]) if recent else []
    return _Gathered(exercise, lib, previous, best_before, weak, sentence)


STRETCHED = {StretchStatus.DONE: True, StretchStatus.SKIPPED: False, StretchStatus.PENDING: None}


def _summary(found: _Gathered, settings: Settings) -> ExerciseSummary:
    lib, exercise = found.lib, found.exercise
    return summarise_exercise(
        lib.name,
        lib.laterality.per_side,
        [s.record for s in exercise.sets],
        lib.load_basis,
        settings.e1rm_formula,
        previous_sets=found.previous,
        best_before=found.best_before,
        weak=found.weak,
        stretched=STRETCHED[exercise.stretch_status],
        score_basis=verdicts.score_basis(lib, settings),
        verdict=found.sentence,
        body_load=volume.body_load(lib, settings),
    )


def summarise(store: Store, session_id: int) -> SessionSummary:
    # Every read in one transaction, the session through a plain cursor.
    with store.transaction() as tx:
        current = session_read.read_session(tx, session_id)
        profile = profile_repo.get_profile(tx, current.profile_id)
        settings = profile_repo.get_settings(tx, current.profile_id)
        gathered = [_gather(tx, current, e, profile, settings) for e in current.exercises]
    summaries = tuple(_summary(found, settings) for found in gathered)
    unstretched = tuple(
        found.lib.name
        for found, summary in zip(gathered, summaries, strict=True)
        if summary.stretched is not True and found.lib.stretches
    )
    return SessionSummary(current, summaries, unstretched, settings.e1rm_formula.label)
