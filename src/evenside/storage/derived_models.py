"""Tables the database derives from the others by triggers (revision 0006): registered
with ``models.Base`` so the schema check and the migrations agree on them."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from evenside.storage.models import Base

# Tables the database derives from others (by triggers): never copied or merged.
DERIVED_TABLES = frozenset({"session_bests", "session_bests_paused"})


class SessionBestRow(Base):
    """The heaviest load and the longest hold per side and rep count in each session
    entry's counted sets (warm-ups left out): what a session's records are measured
    against, read in a few index probes whatever the history's length.

    Derived, never written by the app: on SQLite, triggers on ``sets`` and
    ``session_exercises`` keep it equal to the sets (migration 0006); a server database
    leaves it empty and reads the sets. ``reps`` is -1 for sets without reps; ``best_kg``
    counts a set without a weight as 0 kg; ``side`` is 'none' for sets whose sides were not
    recorded (from a file), which are nobody's best. The session (its profile and start) is reached
    through the entry, so moving a session in time changes nothing here. Kept small (no
    rowid, nothing the entry already says): it adds about a fifth to the file.

    The table's SQLite options (no rowid; the hold index only over timed sets) are in the
    revision alone: a dialect option here would load SQLAlchemy's SQLite and PostgreSQL
    dialects with the models (2.8 MiB, and time before the first page)."""

    __tablename__ = "session_bests"

    session_exercise_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    side: Mapped[str] = mapped_column(String(5), primary_key=True)
    reps: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_id: Mapped[int] = mapped_column(Integer)
    best_kg: Mapped[float] = mapped_column(Float)
    best_seconds: Mapped[int | None] = mapped_column(Integer)


# The probes: the heaviest load for a side and rep count (and the most reps), the longest
# hold (only timed sets have one).
Index(
    "ix_session_bests_load",
    SessionBestRow.exercise_id,
    SessionBestRow.side,
    SessionBestRow.reps,
    SessionBestRow.best_kg,
)
Index(
    "ix_session_bests_hold",
    SessionBestRow.exercise_id,
    SessionBestRow.side,
    SessionBestRow.best_seconds,
)


class SessionBestsPausedRow(Base):
    """A row here, inside a bulk write's transaction, keeps the insert trigger out of it
    (``session_bests_sql.paused_for_bulk``); empty at every commit."""

    __tablename__ = "session_bests_paused"

    paused: Mapped[int] = mapped_column(Integer, primary_key=True)
