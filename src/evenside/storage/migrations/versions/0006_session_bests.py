"""Each session entry's best load and hold per side and rep count, kept by the database.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 14:30:00

- ``session_bests``: for each session entry, side and rep count, the heaviest load and the
  longest hold in its counted sets (warm-ups left out); sets whose sides were not recorded
  (from a file) are kept apart under the side 'none', so they are nobody's best.
  Finishing a session measures its sets against the best before it, and logging a set
  against the best of all others; read from here, each is a few index probes per
  exercise instead of a pass over every earlier set, so it costs the same on a 30-year
  history as on a first month.
- On SQLite, triggers keep it equal to the sets whatever writes them (the app, an import,
  a copy, another SQLite tool): a new set raises its entry's best; an edited or deleted
  set has its entry's figures for its side and rep count worked out again from that
  entry's few sets; an entry moved to another exercise carries its rows along. The
  session (profile, start) is read through the entry, so nothing here follows sessions.
  A server database gets the table but no triggers, and reads the sets instead.
- ``session_bests_paused``: a bulk write (an import, the demo) holds a row here inside its
  own transaction, so the insert trigger stands aside (3 us a set otherwise), and works
  out the bests of its new entries in one statement before it commits. No other
  connection ever sees the row.
- It is filled here from the sets already stored.

A later revision that rebuilds ``sets`` or ``session_exercises`` (batch mode copies a
table, which drops its triggers) must create these triggers again: see ``TRIGGERS``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# One entry's figures for one side and rep count, from its sets (0 or 1 row).
_FROM_SETS = """
SELECT x.session_exercise_id, {side_x}, coalesce(x.reps, -1), e.exercise_id,
       max(coalesce(x.weight_kg, 0)), max(x.duration_seconds)
FROM sets x JOIN session_exercises e ON e.id = x.session_exercise_id
WHERE x.kind != 'warm-up' {where}
GROUP BY x.session_exercise_id, {side_x}, coalesce(x.reps, -1)"""


def _side(row: str) -> str:
    """A set's side as kept here: 'none' for a set whose sides were not recorded."""
    return f"CASE WHEN {row}.sides_unrecorded THEN 'none' ELSE {row}.side END"


def _from_sets(where: str) -> str:
    return _FROM_SETS.format(side_x=_side("x"), where=where)


_COLUMNS = "session_exercise_id, side, reps, exercise_id, best_kg, best_seconds"


def _redo(row: str) -> str:
    """Work out ``row``'s (OLD or NEW) entry, side and rep count again from its sets."""
    key = (
        f"session_exercise_id = {row}.session_exercise_id AND side = {_side(row)} "
        f"AND reps = coalesce({row}.reps, -1)"
    )
    where = (
        f"AND x.session_exercise_id = {row}.session_exercise_id AND {_side('x')} = {_side(row)} "
        f"AND coalesce(x.reps, -1) = coalesce({row}.reps, -1)"
    )
    return (
        f"DELETE FROM session_bests WHERE {key};\n"
        f"INSERT INTO session_bests ({_COLUMNS}) {_from_sets(where)};\n"
    )


TRIGGERS = {
    # A new counted set raises its entry's best for its side and rep count (unless a bulk
    # write has paused this trigger inside its own transaction).
    "session_bests_set_added": f"""
CREATE TRIGGER session_bests_set_added AFTER INSERT ON sets
WHEN NEW.kind != 'warm-up' AND NOT EXISTS (SELECT 1 FROM session_bests_paused)
BEGIN
  INSERT INTO session_bests ({_COLUMNS})
  SELECT NEW.session_exercise_id, {_side("NEW")}, coalesce(NEW.reps, -1), e.exercise_id,
         coalesce(NEW.weight_kg, 0), NEW.duration_seconds
  FROM session_exercises e WHERE e.id = NEW.session_exercise_id
  ON CONFLICT (session_exercise_id, side, reps) DO UPDATE SET
    best_kg = max(best_kg, excluded.best_kg),
    best_seconds = coalesce(max(best_seconds, excluded.best_seconds),
                            best_seconds, excluded.best_seconds);
END""",
    "session_bests_set_changed": f"""
CREATE TRIGGER session_bests_set_changed
AFTER UPDATE OF session_exercise_id, side, sides_unrecorded, reps, weight_kg, duration_seconds,
  kind ON sets
BEGIN
{_redo("OLD")}{_redo("NEW")}END""",
    "session_bests_set_deleted": f"""
CREATE TRIGGER session_bests_set_deleted AFTER DELETE ON sets
BEGIN
{_redo("OLD")}END""",
    "session_bests_entry_moved": """
CREATE TRIGGER session_bests_entry_moved AFTER UPDATE OF exercise_id ON session_exercises
BEGIN
  UPDATE session_bests SET exercise_id = NEW.exercise_id WHERE session_exercise_id = NEW.id;
END""",
    "session_bests_entry_deleted": """
CREATE TRIGGER session_bests_entry_deleted AFTER DELETE ON session_exercises
BEGIN
  DELETE FROM session_bests WHERE session_exercise_id = OLD.id;
END""",
}


def upgrade() -> None:
    op.create_table(
        "session_bests",
        sa.Column("session_exercise_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("best_kg", sa.Float(), nullable=False),
        sa.Column("best_seconds", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint(
            "session_exercise_id", "side", "reps", name=op.f("pk_session_bests")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "session_bests_paused",
        sa.Column("paused", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("paused", name=op.f("pk_session_bests_paused")),
    )
    held = sa.text("best_seconds IS NOT NULL")
    with op.batch_alter_table("session_bests") as batch:
        batch.create_index("ix_session_bests_load", ["exercise_id", "side", "reps", "best_kg"])
        batch.create_index(
            "ix_session_bests_hold",
            ["exercise_id", "side", "best_seconds"],
            sqlite_where=held,
            postgresql_where=held,
        )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"INSERT INTO session_bests ({_COLUMNS}) {_from_sets('')}")
    for trigger in TRIGGERS.values():
        op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("session_bests") as batch:
        batch.drop_index("ix_session_bests_hold")
        batch.drop_index("ix_session_bests_load")
    op.drop_table("session_bests_paused")
    op.drop_table("session_bests")
