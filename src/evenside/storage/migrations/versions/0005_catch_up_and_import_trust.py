"""Coaching the weak side and importing what users logged, as they logged it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 03:00:00

- ``sets.volume_override``: the strong side logged past the weak side's volume with "log
  anyway"; the summary shows it.
- ``sets.sides_unrecorded``: a one-sided set from another app that never said which side
  (stored with side 'both'); it counts toward volume, never toward asymmetry.
- ``sets.distance_m`` and ``sets.notes``: cardio distance and a set's own note, kept from
  imports.
- ``sets.source_key``: identifies a set brought in from a file, so a re-import adds exactly
  the sets that are missing.
- ``session_exercises.superset_group``: exercises done back to back share a number.
- ``exercises.kind`` ('strength' or 'cardio') and ``exercises.import_source`` (the app an
  import created a custom exercise from; such exercises are never fuzzy match targets).
- ``import_mappings``: a source app's exercise name and the exercise it maps to, reused by
  every later import.
- ``catch_ups``: the day an exercise's gap stayed within noise long enough to return to even
  work, and whether the user has been told.
- ``habit_ticks`` and ``discomfort``: the daily habit checklist and the per-side discomfort
  log.

Every existing row keeps its values; new columns start empty or false.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DISTANCE_RULE = "distance_m IS NULL OR distance_m BETWEEN 0 AND 1000000"
KIND_RULE = "kind IN ('strength', 'cardio')"
DISCOMFORT_RULES = {
    "side": "side IN ('left', 'right', 'both')",
    "level": "level BETWEEN 0 AND 10 AND level = CAST(level AS INTEGER)",
}


def upgrade() -> None:
    _add_columns()
    _create_import_mappings()
    _create_catch_ups()
    _create_habit_ticks()
    _create_discomfort()


def _add_columns() -> None:
    with op.batch_alter_table("sets") as batch:
        batch.add_column(
            sa.Column("volume_override", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("sides_unrecorded", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("distance_m", sa.Float(), nullable=True))
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("source_key", sa.String(length=200), nullable=True))
        batch.create_check_constraint(op.f("ck_sets_distance_m"), DISTANCE_RULE)
        batch.create_index("ix_sets_source_key", ["source_key"], unique=True)
    with op.batch_alter_table("session_exercises") as batch:
        batch.add_column(sa.Column("superset_group", sa.Integer(), nullable=True))
    with op.batch_alter_table("exercises") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=8), nullable=False, server_default="strength")
        )
        batch.add_column(sa.Column("import_source", sa.String(length=20), nullable=True))
        batch.create_check_constraint(op.f("ck_exercises_kind"), KIND_RULE)


def _create_import_mappings() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_app", sa.String(length=20), nullable=False),
        sa.Column("source_name", sa.String(length=200), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=6), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "decided_by IN ('import', 'user')", name=op.f("ck_import_mappings_decided_by")
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_import_mappings_exercise_id_exercises"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint(
            "source_app", "source_name", name=op.f("uq_import_mappings_source_app")
        ),
    )


def _create_catch_ups() -> None:
    op.create_table(
        "catch_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("weak_side", sa.String(length=5), nullable=False),
        sa.Column("caught_up_at", sa.DateTime(), nullable=False),
        sa.Column("shown", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint("weak_side IN ('left', 'right')", name=op.f("ck_catch_ups_weak_side")),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_catch_ups_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_catch_ups_exercise_id_exercises"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catch_ups")),
    )


def _create_habit_ticks() -> None:
    op.create_table(
        "habit_ticks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("habit_key", sa.String(length=40), nullable=False),
        sa.Column("ticked_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_habit_ticks_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_habit_ticks")),
        sa.UniqueConstraint(
            "profile_id", "habit_key", "ticked_on", name=op.f("uq_habit_ticks_profile_id")
        ),
    )


def _create_discomfort() -> None:
    op.create_table(
        "discomfort",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=60), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        *(
            sa.CheckConstraint(rule, name=op.f(f"ck_discomfort_{name}"))
            for name, rule in DISCOMFORT_RULES.items()
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_discomfort_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discomfort")),
    )
    with op.batch_alter_table("discomfort") as batch:
        batch.create_index("ix_discomfort_profile_day", ["profile_id", "noted_on"])


def downgrade() -> None:
    with op.batch_alter_table("discomfort") as batch:
        batch.drop_index("ix_discomfort_profile_day")
    op.drop_table("discomfort")
    op.drop_table("habit_ticks")
    op.drop_table("catch_ups")
    op.drop_table("import_mappings")
    with op.batch_alter_table("exercises") as batch:
        batch.drop_constraint(op.f("ck_exercises_kind"), type_="check")
        batch.drop_column("import_source")
        batch.drop_column("kind")
    with op.batch_alter_table("session_exercises") as batch:
        batch.drop_column("superset_group")
    with op.batch_alter_table("sets") as batch:
        batch.drop_index("ix_sets_source_key")
        batch.drop_constraint(op.f("ck_sets_distance_m"), type_="check")
        batch.drop_column("source_key")
        batch.drop_column("notes")
        batch.drop_column("distance_m")
        batch.drop_column("sides_unrecorded")
        batch.drop_column("volume_override")
