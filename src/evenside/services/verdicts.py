"""The weak-side verdict per exercise, from the sessions that carry evidence, with its plain
sentence and its "How this is worked out" note. The session prompt, the printed sheet,
Progress, the summary and the report all take it from here."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from evenside.domain.assessment import Assessment, assessment_result
from evenside.domain.errors import NotFound
from evenside.domain.evidence import (
    ScoreBasis,
    ScoreKind,
    SessionScore,
    body_share,
    needs_body_mass,
    session_score,
)
from evenside.domain.library import Exercise, LoadBasis
from evenside.domain.profile import Profile, Settings
from evenside.domain.verdict import MAX_SESSIONS, Verdict, weak_side_verdict
from evenside.domain.verdict_words import how_worked_out, verdict_sentence
from evenside.services.newest_tests import NewestTests, tests_in_period, verdict_tests
from evenside.services.store import Store
from evenside.storage import evidence_repo, library_repo, profile_repo
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
    return _judge(exercise, sessions, profile, settings, assessments)[0]


def _judge(
    exercise: Exercise,
    sessions: Sequence[SessionSides],
    profile: Profile,
    settings: Settings,
    assessments: Sequence[Assessment] = (),
    *,
    newest_tests: bool = False,
) -> tuple[ExerciseVerdict, Counter[ScoreKind]]:
    """``judge``, and how many of the sessions gave a score of each kind. ``newest_tests``:
    the verdict alone, from the newest tests it can use (``_test_scores``)."""
    basis = score_basis(exercise, settings)
    scores = []
    missing = ""
    kinds: Counter[ScoreKind] = Counter()
    for sides in sessions:
        score = session_score(sides.started_at.date(), sides.sets, basis)
        if score is not None:
            scores.append(score)
            kinds[score.kind] += 1
        elif needs_body_mass(sides.sets, basis):
            missing = BODY_MASS
    days = [sides.started_at.date() for sides in sessions]
    tested = _test_scores(assessments, basis, scores[-1] if scores else None, newest_tests)
    scores.extend(tested)
    days.extend(score.day for score in tested)
    scores.sort(key=lambda score: score.day)  # stable: a session before a test that day
    verdict = weak_side_verdict(
        scores,
        profile.dominant,
        min_gap_percent=settings.min_gap_percent,
        last_session=max(days, default=None),
        missing="" if scores else missing,
    )
    judged = ExerciseVerdict(
        exercise, verdict, tuple(scores), verdict_sentence(verdict), how_worked_out(verdict)
    )
    return judged, kinds


def _test_scores(
    assessments: Sequence[Assessment],
    basis: ScoreBasis,
    newest_session: SessionScore | None,
    newest_only: bool,
) -> list[SessionScore]:
    """The tests' scores, oldest first (``assessments`` are oldest first). ``newest_only``:
    scored newest first until MAX_SESSIONS of them have the kind the verdict compares (the
    newest score's; a test is after a session of its day): an older test can then be
    neither among the sessions compared nor the newest, so the verdict is the same, and a
    history of weekly tests is not scored test by test."""
    found: list[SessionScore] = []
    kind: ScoreKind | None = None
    of_kind = 0
    for assessment in reversed(assessments):
        result = assessment_result(assessment, basis)
        if result is None:
            continue
        score = result.score()
        found.append(score)
        if kind is None:
            earlier = newest_session is not None and score.day < newest_session.day
            kind = newest_session.kind if earlier and newest_session else score.kind
        of_kind += score.kind is kind
        if newest_only and of_kind >= MAX_SESSIONS:
            break
    found.reverse()
    return found


def exercise_verdict(
    store: Store,
    profile_id: int,
    exercise_id: int,
    *,
    since: datetime | None = None,
    before: datetime | None = None,
    exclude_session_id: int | None = None,
    verdict_only: bool = False,
) -> ExerciseVerdict:
    """One exercise's verdict; ``before`` and ``exclude_session_id`` leave out the session
    being logged (the prompt judges from earlier sessions). ``verdict_only``: as in
    ``all_verdicts``."""
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        settings = profile_repo.get_settings(tx, profile_id)
        exercise = library_repo.get_exercise(tx, exercise_id)
        period = _Period(since, before, exclude_session_id)
        return _verdict_in(tx, profile, settings, exercise, period, verdict_only=verdict_only)


def _verdict_in(
    tx: DbSession,
    profile: Profile,
    settings: Settings,
    exercise: Exercise,
    period: _Period,
    *,
    verdict_only: bool,
) -> ExerciseVerdict:
    sessions = evidence_repo.one_sided_sessions(
        tx,
        profile.id,
        exercise_ids=[exercise.id],
        since=period.since,
        before=period.before,
        exclude_session_id=period.exclude_session_id,
        newest=NEWEST_SESSIONS if verdict_only else None,
    )
    tests: Mapping[int, Sequence[Assessment]]
    if verdict_only:
        newest = NewestTests(tx, profile.id, exercise.id, period.since, period.before)
        tests = {exercise.id: newest}
    else:
        tests = tests_in_period(tx, profile.id, [exercise.id], period.since, period.before)
    judged, kinds = _judge(
        exercise,
        sessions,
        profile,
        settings,
        tests.get(exercise.id, ()),
        newest_tests=verdict_only,
    )
    if verdict_only and not _settled(judged, sessions, kinds):
        return _whole(tx, period, judged, sessions, profile=profile, settings=settings, tests=tests)
    return judged


def before_and_with_session(
    store: Store, profile_id: int, exercise_id: int, session_id: int, started_at: datetime
) -> tuple[ExerciseVerdict, ExerciseVerdict]:
    """The verdict from the sessions before ``session_id`` (as the volume rule judged while
    logging) and the verdict with it, both as ``exercise_verdict(..., verdict_only=True)``
    gives them, from one read of the latest sessions up to ``started_at``."""
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        settings = profile_repo.get_settings(tx, profile_id)
        exercise = library_repo.get_exercise(tx, exercise_id)
        return before_and_with_session_in(
            tx, profile, settings, exercise, session_id=session_id, started_at=started_at
        )


def before_and_with_session_in(
    tx: DbSession,
    profile: Profile,
    settings: Settings,
    exercise: Exercise,
    *,
    session_id: int,
    started_at: datetime,
) -> tuple[ExerciseVerdict, ExerciseVerdict]:
    """``before_and_with_session`` within the caller's transaction (the session summary
    reads everything in one)."""
    read = evidence_repo.one_sided_sessions(
        tx, profile.id, exercise_ids=[exercise.id], before=started_at, newest=NEWEST_SESSIONS + 1
    )
    tests = {exercise.id: NewestTests(tx, profile.id, exercise.id, None, started_at)}
    found = []
    for sessions, exclude in (
        ([s for s in read if s.session_id != session_id], session_id),
        (list(read), None),
    ):
        latest = sessions[-NEWEST_SESSIONS:]  # oldest first: each read's newest sessions
        judged, kinds = _judge(
            exercise, latest, profile, settings, tests.get(exercise.id, ()), newest_tests=True
        )
        if not _settled(judged, latest, kinds):
            period = _Period(None, started_at, exclude)
            judged = _whole(
                tx, period, judged, latest, profile=profile, settings=settings, tests=tests
            )
        found.append(judged)
    return found[0], found[1]


def all_verdicts(
    store: Store,
    profile_id: int,
    *,
    exercise_name: str | None = None,
    since: datetime | None = None,
    verdict_only: bool = False,
) -> list[ExerciseVerdict]:
    """Every exercise with one-sided work (or the one named), by name. ``verdict_only``:
    the verdict (and its words) as from the whole history, read from each exercise's
    latest sessions; its ``scores`` then cover only the sessions read."""
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
        newest = NEWEST_SESSIONS if verdict_only else None
        sessions = evidence_repo.one_sided_sessions(
            tx, profile_id, exercise_ids=wanted, since=since, newest=newest
        )
        tests = verdict_tests(tx, profile_id, wanted, since, newest_first=verdict_only)
        grouped: dict[int, list[SessionSides]] = defaultdict(list)
        for sides in sessions:
            grouped[sides.exercise_id].append(sides)
        result = []
        for exercise_id in {*grouped, *tests}:
            exercise = library[exercise_id]
            if not exercise.laterality.per_side:
                continue
            read = grouped.get(exercise_id, [])
            judged, kinds = _judge(
                exercise,
                read,
                profile,
                settings,
                tests.get(exercise_id, []),
                newest_tests=verdict_only,
            )
            if verdict_only and not _settled(judged, read, kinds):
                period = _Period(since, None, None)
                judged = _whole(
                    tx, period, judged, read, profile=profile, settings=settings, tests=tests
                )
            result.append(judged)
    return sorted(result, key=lambda v: v.exercise.name.lower())


# A verdict alone (not its chart) reads each exercise's latest sessions only: it compares
# the last MAX_SESSIONS sessions with evidence of one kind. When these sessions hold fewer,
# the exercise's whole history is read, so the verdict is always the same.
NEWEST_SESSIONS = 4 * MAX_SESSIONS


def _settled(
    judged: ExerciseVerdict, read: Sequence[SessionSides], kinds: Counter[ScoreKind]
) -> bool:
    """Whether the latest sessions ``read`` give the verdict the whole history gives: they
    are all there is, or they hold MAX_SESSIONS scores (``kinds``: counted by ``_judge``) of
    the kind the verdict compares, or with the tests that many, all after the oldest
    session read (so no older session or test can be among the sessions it uses)."""
    if len(read) < NEWEST_SESSIONS:
        return True
    if not judged.scores:
        return False
    kind = judged.scores[-1].kind
    if kinds[kind] >= MAX_SESSIONS:
        return True
    # Tests among them: settled when the scores compared all fall after the oldest session
    # read, as no older session can then be among them.
    used = [score for score in judged.scores if score.kind is kind][-MAX_SESSIONS:]
    return len(used) == MAX_SESSIONS and used[0].day > read[0].started_at.date()


@dataclass(frozen=True)
class _Period:
    since: datetime | None
    before: datetime | None
    exclude_session_id: int | None


def _whole(
    tx: DbSession,
    period: _Period,
    judged: ExerciseVerdict,
    read: Sequence[SessionSides],
    *,
    profile: Profile,
    settings: Settings,
    tests: Mapping[int, Sequence[Assessment]],
) -> ExerciseVerdict:
    """The verdict the whole history gives when the latest sessions ``read`` do not settle
    it: those sessions with every older one that can give a score. The others change
    nothing (their days are older than the latest read) unless no session scores and the
    score needs a body mass, when the words name it from the whole history."""
    exercise = judged.exercise
    scoring = evidence_repo.one_sided_sessions(
        tx,
        profile.id,
        exercise_ids=[exercise.id],
        since=period.since,
        before=period.before,
        exclude_session_id=period.exclude_session_id,
        may_score=exercise.load_basis,
    )
    merged = {sides.session_id: sides for sides in (*scoring, *read)}
    sessions = sorted(merged.values(), key=lambda s: (s.started_at, s.session_id))
    whole = judge(exercise, sessions, profile, settings, tests.get(exercise.id, ()))
    if whole.scores or not needs_body_mass_basis(score_basis(exercise, settings)):
        return whole
    return _verdict_in(tx, profile, settings, exercise, period, verdict_only=False)


def needs_body_mass_basis(basis: ScoreBasis) -> bool:
    """Whether a session of this exercise may lack a score only for want of a body mass."""
    return basis.load_basis is LoadBasis.BODYWEIGHT_PLUS and basis.body_mass_kg is None
