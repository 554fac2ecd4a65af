"""Assessments: guided per-side tests (reps to failure, a top set with RPE, a timed hold, a
range-of-motion check), the baseline and its re-tests.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 10:00:00

A new table only: no existing row is touched. The CHECK constraints are the entry rule as
it stands at this revision (``evenside.domain.assessment.checked``), in portable SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

RULES = {
    "kind": "kind IN ('reps to failure', 'top set with RPE', 'timed hold', 'range of motion')",
    "left_value": "left_value BETWEEN 0 AND 86400",
    "right_value": "right_value BETWEEN 0 AND 86400",
    "load_kg": "load_kg IS NULL OR load_kg BETWEEN 0 AND 1000",
    "reps": "reps IS NULL OR (reps BETWEEN 1 AND 12 AND reps = CAST(reps AS INTEGER))",
    "tighter": "tighter_side IS NULL OR tighter_side IN ('left', 'right')",
    "subject": "exercise_id IS NOT NULL OR test_name <> ''",
}


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=True),
        sa.Column("test_name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("left_value", sa.Float(), nullable=False),
        sa.Column("right_value", sa.Float(), nullable=False),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("tighter_side", sa.String(length=5), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *(
            sa.CheckConstraint(rule, name=op.f(f"ck_assessments_{name}"))
            for name, rule in RULES.items()
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_assessments_exercise_id_exercises"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_assessments_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments") as batch:
        batch.create_index("ix_assessments_profile_day", ["profile_id", "assessed_on"])


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_index("ix_assessments_profile_day")
    op.drop_table("assessments")
