"""Per-exercise rest between sets (the rest timer's default for that exercise).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exercises") as batch:
        batch.add_column(sa.Column("rest_seconds", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exercises") as batch:
        batch.drop_column("rest_seconds")
