"""The verdict read from each exercise's latest sessions (the Progress overview, the
session summary, the volume rule's weak side) is the verdict of the whole history, also when
the latest sessions carry no evidence and the sessions it compares lie further back.
Expected figures by hand: at equal reps the e1RM gap is the weight gap, (25 - 22) / 25 = 12 %."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import assessments, library, progress, verdicts, workout
from evenside.services.store import Store
from fakes import FakeClock

L, R = Side.LEFT, Side.RIGHT
ROW = "One-arm dumbbell row"


def _row_id(store: Store) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == ROW)


def _session(
    store: Store, clock: FakeClock, profile: Profile, sets: list[tuple[Side, float]], days: int
) -> None:
    now = clock.moment
    clock.moment = now - timedelta(days=days)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, _row_id(store))
    for side, weight in sets:
        workout.log_set(store, se_id, SetRecord(side, weight, 8))
    workout.finish_session(store, session.id)
    clock.moment = now


def _both_ways(store: Store, profile: Profile) -> list[verdicts.ExerciseVerdict]:
    every = verdicts.all_verdicts(store, profile.id)
    latest = verdicts.all_verdicts(store, profile.id, verdict_only=True)
    one = verdicts.exercise_verdict(store, profile.id, _row_id(store), verdict_only=True)
    return [every[0], latest[0], one]


def test_the_last_six_of_thirty_sessions_from_the_latest_sessions(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # 24 older sessions L 20 x 8 against R 25 x 8 (20 %), then 6 of L 22 against R 25 (12 %).
    for n in range(30):
        left = 20.0 if n < 24 else 22.0
        _session(store, clock, profile, [(L, left), (R, 25.0)], days=2 * (30 - n))
    for judged in _both_ways(store, profile):
        assert judged.verdict.sessions == 6
        assert judged.verdict.gap_percent == pytest.approx(12.0)
        assert judged.verdict.weaker is L
    [row] = progress.overview(store, profile.id)
    assert row.sessions == 6 and row.current.percent == pytest.approx(12.0)


def test_latest_sessions_without_evidence_reach_back_to_the_sessions_with_it(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # 6 sessions of L 22 against R 25, then 24 sessions of the left side alone (no evidence).
    for n in range(30):
        sets = [(L, 22.0), (R, 25.0)] if n < 6 else [(L, 22.0)]
        _session(store, clock, profile, sets, days=2 * (30 - n))
    first, latest, one = _both_ways(store, profile)
    for judged in (first, latest, one):
        assert judged.verdict.sessions == 6
        assert judged.verdict.gap_percent == pytest.approx(12.0)
        assert judged.verdict.weaker is L
        assert judged.verdict.unmeasured_since == first.verdict.last_measured
    assert latest.sentence == first.sentence and one.sentence == first.sentence


def _hold_session(
    store: Store,
    clock: FakeClock,
    profile: Profile,
    held: tuple[int, int],
    days: int,
    *,
    rpe: float | None = 8.0,
    rir: float | None = None,
) -> None:
    now = clock.moment
    clock.moment = now - timedelta(days=days)
    plank = next(e.id for e in library.all_exercises(store) if e.name == "Side plank")
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, plank)
    for side, seconds in zip((L, R), held, strict=True):
        record = SetRecord(side, None, None, duration_seconds=seconds, rpe=rpe, rir=rir)
        workout.log_set(store, se_id, record)
    workout.finish_session(store, session.id)
    clock.moment = now


@pytest.mark.both_backends  # the scoring sessions are picked in SQL
def test_a_hold_reaches_past_sessions_held_alike_to_the_ones_that_differ(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Oldest first: L 30 s against R 40 s twice ((40 - 30) / 40 = 25 % each), one session
    # held alike to failure (RIR 0: 35 s each side, a gap of 0 %), then 24 sessions held
    # alike at RPE 8 (volume only: no score). The verdict compares the first three:
    # mean (25 + 25 + 0) / 3 = 16.7 %.
    _hold_session(store, clock, profile, (30, 40), days=70)
    _hold_session(store, clock, profile, (30, 40), days=68)
    _hold_session(store, clock, profile, (35, 35), days=66, rpe=None, rir=0.0)
    for n in range(24):
        _hold_session(store, clock, profile, (45, 45), days=2 * (24 - n))
    every = verdicts.all_verdicts(store, profile.id)[0]
    latest = verdicts.all_verdicts(store, profile.id, verdict_only=True)[0]
    one = verdicts.exercise_verdict(store, profile.id, every.exercise.id, verdict_only=True)
    for judged in (every, latest, one):
        assert judged.exercise.name == "Side plank"
        assert judged.verdict.sessions == 3
        assert judged.verdict.gap_percent == pytest.approx(50 / 3)
        assert judged.verdict.last_session == clock.moment.date() - timedelta(days=2)
        assert judged.sentence == every.sentence
    [row] = progress.overview(store, profile.id)
    assert (row.exercise.name, row.sessions) == ("Side plank", 3)
    assert row.current.percent == pytest.approx(50 / 3)


@pytest.mark.both_backends
def test_a_hold_never_held_differently_has_no_verdict_from_any_read(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # 30 sessions held alike at RPE 8: volume only, so nothing is measured, whether the
    # whole history is read or only the latest sessions.
    for n in range(30):
        _hold_session(store, clock, profile, (45, 45), days=2 * (30 - n))
    every = verdicts.all_verdicts(store, profile.id)[0]
    one = verdicts.exercise_verdict(store, profile.id, every.exercise.id, verdict_only=True)
    for judged in (every, one):
        assert judged.verdict.sessions == 0 and judged.verdict.had_sessions
        assert judged.verdict.last_session == clock.moment.date() - timedelta(days=2)
    assert one.sentence == every.sentence
    assert progress.overview(store, profile.id) == []


@pytest.mark.both_backends  # the tests are picked in SQL
def test_tests_among_the_latest_sessions_settle_the_verdict_without_older_ones(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Oldest first: three tests held L 20 s / R 40 s (50 %), six sessions held L 30 s /
    # R 40 s (25 %), then 24 sessions held alike at RPE 8 (no score) with six tests among
    # them held L 36 s / R 40 s ((40 - 36) / 40 = 10 %). The verdict compares the newest six
    # scores: the six recent tests, 10 %; neither the sessions nor the old tests.
    plank = next(e.id for e in library.all_exercises(store) if e.name == "Side plank")
    today = clock.moment.date()
    for days_ago in (90, 88, 86):
        test = Assessment(AssessmentKind.HOLD, today - timedelta(days=days_ago), 20, 40, plank)
        assessments.record_assessment(store, profile.id, test)
    for n in range(6):
        _hold_session(store, clock, profile, (30, 40), days=70 - 2 * n)
    for n in range(24):
        _hold_session(store, clock, profile, (45, 45), days=2 * (24 - n))
    for days_ago in (40, 34, 28, 22, 16, 10):
        test = Assessment(AssessmentKind.HOLD, today - timedelta(days=days_ago), 36, 40, plank)
        assessments.record_assessment(store, profile.id, test)
    every = verdicts.all_verdicts(store, profile.id)[0]
    latest = verdicts.all_verdicts(store, profile.id, verdict_only=True)[0]
    one = verdicts.exercise_verdict(store, profile.id, plank, verdict_only=True)
    for judged in (every, latest, one):
        assert judged.verdict.sessions == 6
        assert judged.verdict.gap_percent == pytest.approx(10.0)
        assert judged.verdict.weaker is L
        assert judged.verdict.first_day == today - timedelta(days=40)
        assert judged.verdict.last_session == today - timedelta(days=2)
        assert judged.sentence == every.sentence
    [row] = progress.overview(store, profile.id)
    assert (row.exercise.name, row.sessions) == ("Side plank", 6)
    assert row.current.percent == pytest.approx(10.0)


def test_the_tests_compared_may_lie_past_a_page_of_newer_tests_of_another_kind(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Oldest first: five reps-to-failure tests at 20 kg (L 8, R 10 reps), thirty timed holds
    # on the same exercise (L 30 s, R 30 s), then one more reps test. The newest test is a
    # reps test, so the verdict compares the six reps tests, the oldest 150 days ago,
    # whatever number of holds lies between them (more than the 24 read at a time).
    row = _row_id(store)
    today = clock.moment.date()

    def test(kind: AssessmentKind, days_ago: int, left: float, right: float) -> None:
        day = today - timedelta(days=days_ago)
        assessments.record_assessment(
            store, profile.id, Assessment(kind, day, left, right, row, load_kg=20.0)
        )

    for days_ago in (150, 145, 140, 135, 130):
        test(AssessmentKind.REPS_TO_FAILURE, days_ago, 8, 10)
    for n in range(30):
        test(AssessmentKind.HOLD, 120 - 3 * n, 30, 30)
    test(AssessmentKind.REPS_TO_FAILURE, 10, 8, 10)
    every = verdicts.all_verdicts(store, profile.id)[0]
    latest = verdicts.all_verdicts(store, profile.id, verdict_only=True)[0]
    one = verdicts.exercise_verdict(store, profile.id, row, verdict_only=True)
    for judged in (every, latest, one):
        assert judged.verdict.sessions == 6
        assert judged.verdict.weaker is L
        assert judged.verdict.first_day == today - timedelta(days=150)
        assert judged.sentence == every.sentence


def test_an_exercise_twice_in_a_session_counts_both_entries(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Six sessions, each with the row added twice: the left side logged in the first entry
    # (20 x 8), the right in the second (25 x 8): (25 - 20) / 25 = 20 %, from both entries.
    row = _row_id(store)
    for n in range(6):
        clock.moment -= timedelta(days=2 * (6 - n))
        session = workout.start_session(store, profile.id)
        for side, weight in ((L, 20.0), (R, 25.0)):
            entry = workout.add_exercise(store, session.id, row)
            workout.log_set(store, entry, SetRecord(side, weight, 8))
        workout.finish_session(store, session.id)
        clock.moment += timedelta(days=2 * (6 - n))
    for judged in _both_ways(store, profile):
        assert judged.verdict.sessions == 6
        assert judged.verdict.gap_percent == pytest.approx(20.0)
        assert judged.verdict.weaker is L
    [overview_row] = progress.overview(store, profile.id)
    assert overview_row.sessions == 6 and overview_row.current.percent == pytest.approx(20.0)
