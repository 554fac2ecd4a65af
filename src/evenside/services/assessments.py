"""Assessments: record a guided per-side test, list each test's baseline and re-tests, and
say which re-tests are due (every N weeks, a setting)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from evenside.domain.assessment import (
    Assessment,
    AssessmentSeries,
    assessment_series,
    checked,
    due_retests,
)
from evenside.domain.changes import Changes
from evenside.services.store import Store
from evenside.storage import assessment_repo, library_repo, profile_repo


def record_assessment(store: Store, profile_id: int, assessment: Assessment) -> Changes:
    """Store a test after the entry rule (finite numbers in range, a load where the test
    has one). The verdict of its exercise moves with it."""
    clean = checked(assessment)
    with store.transaction() as tx:
        profile_repo.get_profile(tx, profile_id)  # NotFound for a profile that is gone
        if clean.exercise_id is not None:
            exercise = library_repo.get_exercise(tx, clean.exercise_id)
            clean = replace(clean, name=exercise.name)
        assessment_repo.add_assessment(tx, profile_id, clean)
    return Changes(assessments=True)


def delete_assessment(store: Store, profile_id: int, assessment_id: int) -> Changes:
    with store.transaction() as tx:
        assessment_repo.delete_assessment(tx, profile_id, assessment_id)
    return Changes(assessments=True)


def list_assessments(store: Store, profile_id: int) -> list[Assessment]:
    """Every test of the profile, oldest first."""
    with store.transaction() as tx:
        return assessment_repo.list_assessments(tx, profile_id)


def series(store: Store, profile_id: int) -> list[AssessmentSeries]:
    """Each test with its baseline, its re-tests and the day the next is due."""
    with store.transaction() as tx:
        weeks = profile_repo.get_settings(tx, profile_id).retest_weeks
        tests = assessment_repo.list_assessments(tx, profile_id)
    return assessment_series(tests, weeks)


def due(store: Store, profile_id: int, today: date | None = None) -> list[AssessmentSeries]:
    """The tests whose re-test is due today (the store's clock) or earlier."""
    return due_retests(series(store, profile_id), today or store.now().date())
