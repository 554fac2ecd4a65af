"""The weak-side verdict per exercise, from the sessions that carry evidence, with its plain
sentence and its "How this is worked out" note. The session prompt, the printed sheet,
Progress, the summary and the report all take it from here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from evenside.domain.assessment import Assessment, assessment_result
from evenside.domain.errors import NotFound
from evenside.domain.evidence import (
    ScoreBasis,
    SessionScore,
    body_share,
    needs_body_mass,
    session_score,
)
from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.verdict import Verdict, weak_side_verdict
from evenside.domain.verdict_words import how_worked_out, verdict_sentence
from evenside.services.store import Store
from evenside.storage import assessment_repo, evidence_repo, library_repo, profile_repo
from evenside.storage.database import DbSession
from evenside.storage.evidence_repo import SessionSides

BODY_MASS = "your body mass"


@dataclass(frozen=True)
class ExerciseVerdict:
    exercise: Exercise
    verdict: Verdict
    scores: tuple[SessionScore, ...]  # every session with evidence, oldest first
    sentence: str
    how: str


def score_basis(exercise: Exercise, settings: Settings) -> ScoreBasis:
    return ScoreBasis(
        exercise.load_basis,
        settings.e1rm_formula,
        settings.body_mass_kg,
        body_share(exercise.name),
    )


def judge(
    exercise: Exercise,
    sessions: Sequence[SessionSides],
    profile: Profile,
    settings: Settings,
    assessments: Sequence[Assessment] = (),
) -> ExerciseVerdict:
    """The verdict for one exercise from its one-sided sessions (oldest first); each
    strength assessment of it counts as one more session with evidence, on its day."""
    basis = score_basis(exercise, settings)
    scores = []
    missing = ""
    for sides in sessions:
        score = session_score(sides.started_at.date(), sides.sets, basis)
        if score is not None:
            scores.append(score)
        elif needs_body_mass(sides.sets, basis):
            missing = BODY_MASS
    days = [sides.started_at.date() for sides in sessions]
    for assessment in assessments:
        result = assessment_result(assessment, basis)
        if result is not None:
            scores.append(result.score())
            days.append(assessment.day)
    scores.sort(key=lambda score: score.day)  # stable: a session before a test that day
    verdict = weak_side_verdict(
        scores,
        profile.dominant,
        min_gap_percent=settings.min_gap_percent,
        last_session=max(days, default=None),
        missing="" if scores else missing,
    )
    return ExerciseVerdict(
        exercise, verdict, tuple(scores), verdict_sentence(verdict), how_worked_out(verdict)
    )


def exercise_verdict(
    store: Store,
    profile_id: int,
    exercise_id: int,
    *,
    since: datetime | None = None,
    before: datetime | None = None,
    exclude_session_id: int | None = None,
) -> ExerciseVerdict:
    """One exercise's verdict; ``before`` and ``exclude_session_id`` leave out the session
    being logged (the prompt judges from earlier sessions)."""
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        settings = profile_repo.get_settings(tx, profile_id)
        exercise = library_repo.get_exercise(tx, exercise_id)
        sessions = evidence_repo.one_sided_sessions(
            tx,
            profile_id,
            exercise_ids=[exercise_id],
            since=since,
            before=before,
            exclude_session_id=exclude_session_id,
        )
        tests = _assessments(tx, profile_id, [exercise_id], since, before)
    return judge(exercise, sessions, profile, settings, tests.get(exercise_id, ()))


def _assessments(
    tx: DbSession,
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    before: datetime | None = None,
) -> dict[int, list[Assessment]]:
    """The profile's strength tests in the period, by exercise."""
    grouped: dict[int, list[Assessment]] = defaultdict(list)
    for a in assessment_repo.list_assessments(tx, profile_id, exercise_ids=exercise_ids):
        in_period = (since is None or a.day >= since.date()) and (
            before is None or a.day <= before.date()
        )
        if a.exercise_id is not None and a.kind.is_strength and in_period:
            grouped[a.exercise_id].append(a)
    return grouped


def all_verdicts(
    store: Store,
    profile_id: int,
    *,
    exercise_name: str | None = None,
    since: datetime | None = None,
) -> list[ExerciseVerdict]:
    """Every exercise with one-sided work (or the one named), by name."""
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        settings = profile_repo.get_settings(tx, profile_id)
        library = {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}
        wanted = None
        if exercise_name is not None:
            key = " ".join(exercise_name.split()).lower()
            wanted = [i for i, e in library.items() if e.name.lower() == key]
            if not wanted:
                raise NotFound(f'No exercise called "{exercise_name}".')
        sessions = evidence_repo.one_sided_sessions(
            tx, profile_id, exercise_ids=wanted, since=since
        )
        tests = _assessments(tx, profile_id, wanted, since)
    grouped: dict[int, list[SessionSides]] = defaultdict(list)
    for sides in sessions:
        grouped[sides.exercise_id].append(sides)
    result = [
        judge(
            library[exercise_id],
            grouped.get(exercise_id, []),
            profile,
            settings,
            tests.get(exercise_id, []),
        )
        for exercise_id in {*grouped, *tests}
        if library[exercise_id].laterality.per_side
    ]
    return sorted(result, key=lambda v: v.exercise.name.lower())
