"""Assessments: the entry rule, a test as evidence for the verdict, the baseline and its
re-tests, and when a re-test is due. Expected values are worked out by hand here."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from evenside.domain.assessment import Assessment, AssessmentKind, checked
from evenside.domain.changes import Changes
from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.services import assessments, library, profiles, verdicts
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

ROW = "One-arm dumbbell row"
PLANK = "Side plank"
REPS = AssessmentKind.REPS_TO_FAILURE


def _id(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


@pytest.mark.parametrize(
    ("assessment", "field", "words"),
    [
        (Assessment(REPS, date(2026, 11, 2), float("inf"), 10, 1, load_kg=30), "left", "number"),
        (Assessment(REPS, date(2026, 11, 2), 8.5, 10, 1, load_kg=30), "left", "whole"),
        (Assessment(REPS, date(2026, 11, 2), 8, 10, 1, load_kg=None), "load", "load"),
        (Assessment(REPS, date(2026, 11, 2), 8, 10, 1, load_kg=-2), "load", "0 to 1000"),
        (Assessment(REPS, date(2026, 11, 2), 0, 0, 1, load_kg=30), "left", "above 0"),
        (Assessment(REPS, date(2026, 11, 2), 8, 10, None, load_kg=30), "exercise", "exercise"),
        (
            Assessment(AssessmentKind.TOP_SET, date(2026, 11, 2), 9, 5.5, 1, load_kg=30, reps=5),
            "right",
            "RPE is 6 to 10",
        ),
        (
            Assessment(AssessmentKind.TOP_SET, date(2026, 11, 2), 9, 7, 1, load_kg=30, reps=13),
            "reps",
            "1 to 12",
        ),
        (Assessment(AssessmentKind.HOLD, date(2026, 11, 2), 40, 86401, 1), "right", "86400"),
        (
            Assessment(AssessmentKind.RANGE_OF_MOTION, date(2026, 11, 2), 30, 40),
            "exercise",
            "name for the check",
        ),
        (
            Assessment(AssessmentKind.RANGE_OF_MOTION, date(2026, 11, 2), 0, 40, name="Hip IR"),
            "left",
            "above 0",
        ),
    ],
)
def test_the_entry_rule_names_the_field(assessment: Assessment, field: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        checked(assessment)
    assert caught.value.field == field


def test_a_range_check_keeps_the_tighter_side_and_a_strength_test_drops_it() -> None:
    rom = checked(
        Assessment(
            AssessmentKind.RANGE_OF_MOTION, date(2026, 11, 2), 35, 42,
            name="  Hip  internal rotation ", tighter=Side.LEFT,
        )
    )  # fmt: skip
    assert (rom.name, rom.tighter, rom.load_kg) == ("Hip internal rotation", Side.LEFT, None)
    reps = checked(Assessment(REPS, date(2026, 11, 2), 8, 10, 1, load_kg=30, tighter=Side.LEFT))
    assert reps.tighter is None


def test_retest_weeks_is_a_setting_of_1_to_26_weeks_default_4() -> None:
    assert Settings().retest_weeks == 4
    assert Settings(retest_weeks=26).validated().retest_weeks == 26
    for weeks in (0, 27):
        with pytest.raises(InvalidInput, match="1 to 26 weeks"):
            Settings(retest_weeks=weeks).validated()


def _test_on(store: Store, profile: Profile, day: date, left: float, right: float) -> Changes:
    return assessments.record_assessment(
        store, profile.id, Assessment(REPS, day, left, right, _id(store, ROW), load_kg=30)
    )


def test_three_tests_to_failure_make_the_verdict_without_a_logged_session(
    store: Store, profile: Profile
) -> None:
    # 30 kg to failure (RPE 10): L 8 reps -> 30 / .786 = 38.17 kg, R 10 reps -> 30 / .739
    # = 40.60 kg (RPE table). d = 1 - .739 / .786 = 5.98 % each time: sd 0, the bound is
    # the mean, 5.98 > 0 and > 3 % -> the left is weaker, beyond noise, from 3 sessions.
    for week in (0, 4, 8):
        changes = _test_on(store, profile, date(2026, 9, 7) + timedelta(weeks=week), 8, 10)
        assert changes == Changes(assessments=True)
    judged = verdicts.exercise_verdict(store, profile.id, _id(store, ROW))
    assert [(s.left, s.right) for s in judged.scores] == [
        (pytest.approx(30 / 0.786), pytest.approx(30 / 0.739))
    ] * 3
    verdict = judged.verdict
    assert verdict.sessions == 3 and verdict.weaker is Side.LEFT and verdict.beyond_noise
    assert verdict.gap_percent == pytest.approx((1 - 0.739 / 0.786) * 100)
    assert verdict.score_label == "e1RM (RPE table)"
    assert judged.sentence.startswith("Your left is 6 % weaker than your right, beyond")
    (listed,) = verdicts.all_verdicts(store, profile.id)
    assert listed.exercise.name == ROW and listed.verdict.weaker is Side.LEFT


def test_a_hold_counts_in_seconds_and_a_range_check_never_counts(
    store: Store, profile: Profile
) -> None:
    plank = _id(store, PLANK)
    assessments.record_assessment(
        store, profile.id, Assessment(AssessmentKind.HOLD, date(2026, 10, 5), 45, 60, plank)
    )
    assessments.record_assessment(
        store,
        profile.id,
        Assessment(AssessmentKind.RANGE_OF_MOTION, date(2026, 10, 5), 30, 40, plank),
    )
    judged = verdicts.exercise_verdict(store, profile.id, plank)
    # One hold, 45 s against 60 s: d = 15 / 60 = 25 %, one session (no verdict before 3).
    assert [(s.left, s.right, s.label) for s in judged.scores] == [(45.0, 60.0, "seconds")]
    assert judged.verdict.mean_percent == pytest.approx(25.0)
    assert judged.verdict.weaker is None


def test_baseline_then_retests_and_the_next_due_n_weeks_after_the_latest(
    store: Store, profile: Profile, clock: FakeClock
) -> None:
    # The clock says 2 November 2026. Baseline 5 October, re-test 19 October.
    _test_on(store, profile, date(2026, 10, 19), 9, 10)
    _test_on(store, profile, date(2026, 10, 5), 8, 10)
    (row,) = assessments.series(store, profile.id)
    assert row.name == ROW and row.baseline.day == date(2026, 10, 5)
    assert [a.left for a in row.results] == [8, 9]
    assert row.next_due == date(2026, 11, 16)  # 19 October + 4 weeks
    assert assessments.due(store, profile.id) == []
    clock.moment = datetime(2026, 11, 16, 7, 0)
    assert [s.name for s in assessments.due(store, profile.id)] == [ROW]
    profiles.save_settings(store, profile.id, Settings(retest_weeks=6))
    assert assessments.series(store, profile.id)[0].next_due == date(2026, 11, 30)


def test_bad_input_stores_nothing(store: Store, profile: Profile) -> None:
    with pytest.raises(InvalidInput):
        _test_on(store, profile, date(2026, 10, 5), float("nan"), 10)
    assert assessments.list_assessments(store, profile.id) == []
