"""Assessments: store one, read a profile's (oldest first), with the exercise's name."""

from __future__ import annotations

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
    tx: Session, profile_id: int, *, exercise_ids: list[int] | None = None
) -> list[Assessment]:
    """A profile's assessments, oldest first (``exercise_ids``: only those exercises')."""
    query = (
        select(AssessmentRow, ExerciseRow.name)
        .outerjoin(ExerciseRow, ExerciseRow.id == AssessmentRow.exercise_id)
        .where(AssessmentRow.profile_id == profile_id)
    )
    if exercise_ids is not None:
        query = query.where(AssessmentRow.exercise_id.in_(exercise_ids))
    rows = tx.execute(query.order_by(AssessmentRow.assessed_on, AssessmentRow.id))
    return [
        Assessment(
            kind=AssessmentKind(row.kind),
            day=row.assessed_on,
            left=row.left_value,
            right=row.right_value,
            exercise_id=row.exercise_id,
            name=exercise_name or row.test_name,
            load_kg=row.load_kg,
            reps=row.reps,
            tighter=None if row.tighter_side is None else Side(row.tighter_side),
            notes=row.notes,
            id=row.id,
        )
        for row, exercise_name in rows
    ]
