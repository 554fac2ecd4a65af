"""The entry rules as CHECK constraints on sets and measurements; stored values that break
them are kept in ``repairs`` and cleared, so the upgrade never fails and loses nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00

The rule is the domain's (``evenside.domain.entry.set_problem``), written here as it stands
at this revision: a migration must not change meaning when the models change later.
Portable SQL only: ``x = CAST(x AS INTEGER)`` rather than SQLite's ``typeof()``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SET_RULES = {
    "weight_kg": "weight_kg IS NULL OR weight_kg BETWEEN 0 AND 1000",
    "reps": "reps IS NULL OR (reps BETWEEN 0 AND 1000 AND reps = CAST(reps AS INTEGER))",
    "duration_seconds": "duration_seconds IS NULL OR (duration_seconds BETWEEN 1 AND 86400 "
    "AND duration_seconds = CAST(duration_seconds AS INTEGER))",
    "rpe": "rpe IS NULL OR (rpe BETWEEN 5 AND 10 AND rpe * 2 = CAST(rpe * 2 AS INTEGER))",
    "rir": "rir IS NULL OR (rir BETWEEN 0 AND 5 AND rir * 2 = CAST(rir * 2 AS INTEGER))",
}
MEASUREMENT_RULE = "value_cm > 0 AND value_cm <= 300"
MEASUREMENT_COLUMNS = ("profile_id", "site", "side", "measured_on", "value_cm")


def upgrade() -> None:
    op.create_table(
        "repairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("column_name", sa.String(length=40), nullable=False),
        sa.Column("original_value", sa.Text(), nullable=True),
        sa.Column("action", sa.String(length=7), nullable=False),
        sa.Column("repaired_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("action IN ('cleared', 'removed')", name=op.f("ck_repairs_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repairs")),
    )
    now = datetime.now().replace(microsecond=0)
    _clear_bad_set_values(now)
    _move_out_bad_measurements(now)
    with op.batch_alter_table("sets", recreate="always") as batch:
        for column, rule in SET_RULES.items():
            batch.create_check_constraint(op.f(f"ck_sets_{column}"), rule)
    with op.batch_alter_table("measurements", recreate="always") as batch:
        batch.create_check_constraint(op.f("ck_measurements_value_cm"), MEASUREMENT_RULE)


def _keep_originals(table: str, column: str, broken: str, action: str, now: datetime) -> None:
    op.get_bind().execute(
        sa.text(
            "INSERT INTO repairs (table_name, row_id, column_name, original_value, action, "
            f"repaired_at) SELECT :table, id, :column, CAST({column} AS TEXT), :action, :now "
            f"FROM {table} WHERE {broken} ORDER BY id"
        ),
        {"table": table, "column": column, "action": action, "now": now},
    )


def _clear_bad_set_values(now: datetime) -> None:
    """A set keeps its row; only the value that breaks the rule is cleared (after a copy)."""
    for column, rule in SET_RULES.items():
        broken = f"NOT ({rule})"
        _keep_originals("sets", column, broken, "cleared", now)
        op.execute(f"UPDATE sets SET {column} = NULL WHERE {broken}")


def _move_out_bad_measurements(now: datetime) -> None:
    """A measurement is only its value, so a bad one moves to ``repairs`` whole."""
    broken = f"NOT ({MEASUREMENT_RULE})"
    for column in MEASUREMENT_COLUMNS:
        _keep_originals("measurements", column, broken, "removed", now)
    op.execute(f"DELETE FROM measurements WHERE {broken}")


def downgrade() -> None:
    with op.batch_alter_table("measurements", recreate="always") as batch:
        batch.drop_constraint(op.f("ck_measurements_value_cm"), type_="check")
    with op.batch_alter_table("sets", recreate="always") as batch:
        for column in reversed(list(SET_RULES)):
            batch.drop_constraint(op.f(f"ck_sets_{column}"), type_="check")
    op.drop_table("repairs")
