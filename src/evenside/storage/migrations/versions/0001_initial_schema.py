"""Initial schema: profiles, library, sessions and sets, routines, measurements.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 15:24:40.631912
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("library_key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("laterality", sa.String(length=13), nullable=False),
        sa.Column("load_basis", sa.String(length=20), nullable=False),
        sa.Column("primary_muscles", sa.String(length=200), nullable=False),
        sa.Column("secondary_muscles", sa.String(length=200), nullable=False),
        sa.Column("equipment", sa.String(length=60), nullable=False),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "laterality IN ('bilateral', 'unilateral', 'contralateral')",
            name=op.f("ck_exercises_laterality"),
        ),
        sa.CheckConstraint(
            "load_basis IN ('per hand', 'per side', 'total', 'bodyweight plus load', 'time')",
            name=op.f("ck_exercises_load_basis"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercises")),
        sa.UniqueConstraint("library_key", name=op.f("uq_exercises_library_key")),
        sa.UniqueConstraint("name", name=op.f("uq_exercises_name")),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("dominant_side", sa.String(length=5), nullable=False),
        sa.Column("unit", sa.String(length=2), nullable=False),
        sa.Column("settings_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "dominant_side IN ('left', 'right')", name=op.f("ck_profiles_dominant_side")
        ),
        sa.CheckConstraint("unit IN ('kg', 'lb')", name=op.f("ck_profiles_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_profiles_name")),
    )
    op.create_table(
        "stretches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("library_key", sa.String(length=80), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("muscles", sa.String(length=200), nullable=False),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("hold_seconds", sa.Integer(), nullable=False),
        sa.Column("one_sided", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stretches")),
        sa.UniqueConstraint("library_key", name=op.f("uq_stretches_library_key")),
        sa.UniqueConstraint("name", name=op.f("uq_stretches_name")),
    )
    op.create_table(
        "exercise_stretches",
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("stretch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_exercise_stretches_exercise_id_exercises"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stretch_id"],
            ["stretches.id"],
            name=op.f("fk_exercise_stretches_stretch_id_stretches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("exercise_id", "stretch_id", name=op.f("pk_exercise_stretches")),
    )
    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=60), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("value_cm", sa.Float(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name=op.f("ck_measurements_side")),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_measurements_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
    )
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.create_index("ix_measurements_profile_site", ["profile_id", "site"], unique=False)

    op.create_table(
        "routines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_routines_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routines")),
        sa.UniqueConstraint("profile_id", "name", name="profile_name"),
    )
    op.create_table(
        "routine_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("routine_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["routine_id"],
            ["routines.id"],
            name=op.f("fk_routine_days_routine_id_routines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routine_days")),
    )
    op.create_table(
        "routine_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("target_sets", sa.Integer(), nullable=False),
        sa.Column("rep_low", sa.Integer(), nullable=False),
        sa.Column("rep_high", sa.Integer(), nullable=False),
        sa.Column("rest_seconds", sa.Integer(), nullable=True),
        sa.Column("extra_weak_side_sets", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["routine_days.id"],
            name=op.f("fk_routine_items_day_id_routine_days"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_routine_items_exercise_id_exercises"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routine_items")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("routine_day_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("source_key", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_sessions_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["routine_day_id"],
            ["routine_days.id"],
            name=op.f("fk_sessions_routine_day_id_routine_days"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("source_key", name=op.f("uq_sessions_source_key")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sessions_profile_started", ["profile_id", "started_at"], unique=False
        )

    op.create_table(
        "session_exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("first_side", sa.String(length=5), nullable=True),
        sa.Column("stretch_status", sa.String(length=7), nullable=False),
        sa.Column("stretch_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "first_side IN ('left', 'right')", name=op.f("ck_session_exercises_first_side")
        ),
        sa.CheckConstraint(
            "stretch_status IN ('pending', 'done', 'skipped')",
            name=op.f("ck_session_exercises_stretch_status"),
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_session_exercises_exercise_id_exercises"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_exercises_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_exercises")),
    )
    with op.batch_alter_table("session_exercises", schema=None) as batch_op:
        batch_op.create_index("ix_session_exercises_exercise", ["exercise_id"], unique=False)
        batch_op.create_index("ix_session_exercises_session", ["session_id"], unique=False)

    op.create_table(
        "sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_exercise_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("rir", sa.Float(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('warm-up', 'working', 'drop', 'failure')", name=op.f("ck_sets_kind")
        ),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name=op.f("ck_sets_side")),
        sa.ForeignKeyConstraint(
            ["session_exercise_id"],
            ["session_exercises.id"],
            name=op.f("fk_sets_session_exercise_id_session_exercises"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sets")),
    )
    with op.batch_alter_table("sets", schema=None) as batch_op:
        batch_op.create_index("ix_sets_session_exercise", ["session_exercise_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sets", schema=None) as batch_op:
        batch_op.drop_index("ix_sets_session_exercise")

    op.drop_table("sets")
    with op.batch_alter_table("session_exercises", schema=None) as batch_op:
        batch_op.drop_index("ix_session_exercises_session")
        batch_op.drop_index("ix_session_exercises_exercise")

    op.drop_table("session_exercises")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_profile_started")

    op.drop_table("sessions")
    op.drop_table("routine_items")
    op.drop_table("routine_days")
    op.drop_table("routines")
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.drop_index("ix_measurements_profile_site")

    op.drop_table("measurements")
    op.drop_table("exercise_stretches")
    op.drop_table("stretches")
    op.drop_table("profiles")
    op.drop_table("exercises")
    op.drop_table("app_meta")
