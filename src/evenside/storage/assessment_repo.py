"""Assessments: store one, read a profile's (oldest first), with the exercise's name."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.storage.models import AssessmentRow, ExerciseRow


def add_assessment(tx: Session, profile_id: int, a: Assessment) -> int:
    """Store a checked assessment; returns its id. An exercise test keeps no name of its
    own (the exercise's name is read back with it)."""
    row = AssessmentRow(
        profile_id=profile_id,
        exercise_id=a.exercise_id,
        test_name="" if a.exercise_id is not None else a.name,
        kind=a.kind.value,
        assessed_on=a.day,
        left_value=a.left,
        right_value=a.right,
        load_kg=a.load_kg,
        reps=a.reps,
        tighter_side=None if a.tighter is None else a.tighter.value,
        notes=a.notes,
    )
    tx.add(row)
    tx.flush()
    return row.id


def delete_assessment(tx: Session, profile_id: int, assessment_id: int) -> None:
    row = tx.get(AssessmentRow, assessment_id)
    if row is None or row.profile_id != profile_id:
        raise NotFound(f"Assessment {assessment_id} does not exist.")
    tx.delete(row)


def list_assessments(
    tx: Session,
    profile_id: int,
    *,
    exercise_ids: list[int] | None = None,
    strength_from: date | None = None,
    strength_to: date | None = None,
    strength_only: bool = False,
    newest: int | None = None,
    skip: int = 0,
) -> list[Assessment]:
    """A profile's assessments, oldest first (``exercise_ids``: only those exercises').
    ``strength_only``: only the strength tests of an exercise (the verdict's evidence),
    from ``strength_from`` to ``strength_to`` (inclusive) where given. ``newest``: at most
    that many, newest first, after the ``skip`` newest."""
    query = (
        select(*_COLUMNS)
        .outerjoin(ExerciseRow, ExerciseRow.id == AssessmentRow.exercise_id)
        .where(AssessmentRow.profile_id == profile_id)
    )
    if exercise_ids is not None:
        query = query.where(AssessmentRow.exercise_id.in_(exercise_ids))
    if strength_only:
        query = query.where(
            AssessmentRow.exercise_id.is_not(None),
            AssessmentRow.kind != AssessmentKind.RANGE_OF_MOTION.value,
        )
        if strength_from is not None:
            query = query.where(AssessmentRow.assessed_on >= strength_from)
        if strength_to is not None:
            query = query.where(AssessmentRow.assessed_on <= strength_to)
    # Columns through a plain cursor: a 30-year history holds over a thousand tests.
    if newest is None:
        query = query.order_by(AssessmentRow.assessed_on, AssessmentRow.id)
    else:
        order = (AssessmentRow.assessed_on.desc(), AssessmentRow.id.desc())
        query = query.order_by(*order).limit(newest).offset(skip)
    rows = tx.connection().execute(query)
    return [
        Assessment(
            kind=AssessmentKind(kind),
            day=day,
            left=left,
            right=right,
            exercise_id=exercise_id,
            name=exercise_name or test_name,
            load_kg=load_kg,
            reps=reps,
            tighter=None if tighter is None else Side(tighter),
            notes=notes,
            id=assessment_id,
        )
        for (
            assessment_id, kind, day, left, right, exercise_id, test_name, load_kg, reps,
            tighter, notes, exercise_name,
        ) in rows
    ]  # fmt: skip


def tested_exercises(
    tx: Session,
    profile_id: int,
    *,
    exercise_ids: list[int] | None = None,
    strength_from: date | None = None,
) -> list[int]:
    """The exercises (of ``exercise_ids``, where given) with a strength test of the
    profile's, on or after ``strength_from`` where given."""
    query = (
        select(AssessmentRow.exercise_id)
        .distinct()
        .where(
            AssessmentRow.profile_id == profile_id,
            AssessmentRow.exercise_id.is_not(None),
            AssessmentRow.kind != AssessmentKind.RANGE_OF_MOTION.value,
        )
    )
    if exercise_ids is not None:
        query = query.where(AssessmentRow.exercise_id.in_(exercise_ids))
    if strength_from is not None:
        query = query.where(AssessmentRow.assessed_on >= strength_from)
    return sorted(i for i in tx.connection().scalars(query) if i is not None)


_COLUMNS = (
    AssessmentRow.id,
    AssessmentRow.kind,
    AssessmentRow.assessed_on,
    AssessmentRow.left_value,
    AssessmentRow.right_value,
    AssessmentRow.exercise_id,
    AssessmentRow.test_name,
    AssessmentRow.load_kg,
    AssessmentRow.reps,
    AssessmentRow.tighter_side,
    AssessmentRow.notes,
    ExerciseRow.name,
)
