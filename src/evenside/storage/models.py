"""ORM tables. Weights are kilograms, lengths centimetres, times naive local date-times.

Enumerated columns are short strings guarded by CHECK constraints so that the file stays
readable by any SQLite tool; repositories turn them into the domain's enums.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProfileRow(Base):
    __tablename__ = "profiles"
    __table_args__ = (
        CheckConstraint("dominant_side IN ('left', 'right')", name="dominant_side"),
        CheckConstraint("unit IN ('kg', 'lb')", name="unit"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    dominant_side: Mapped[str] = mapped_column(String(5))
    unit: Mapped[str] = mapped_column(String(2))
    settings_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ExerciseRow(Base):
    __tablename__ = "exercises"
    __table_args__ = (
        CheckConstraint(
            "laterality IN ('bilateral', 'unilateral', 'contralateral')", name="laterality"
        ),
        CheckConstraint(
            "load_basis IN ('per hand', 'per side', 'total', 'bodyweight plus load', 'time')",
            name="load_basis",
        ),
        CheckConstraint("kind IN ('strength', 'cardio')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable key of a library exercise, so library updates find it; NULL for custom ones.
    library_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    laterality: Mapped[str] = mapped_column(String(13))
    load_basis: Mapped[str] = mapped_column(String(20))
    primary_muscles: Mapped[str] = mapped_column(String(200))  # comma-separated groups
    secondary_muscles: Mapped[str] = mapped_column(String(200), default="")
    equipment: Mapped[str] = mapped_column(String(60), default="")
    custom: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    rest_seconds: Mapped[int | None] = mapped_column(Integer)
    # 'cardio': timed or distance work, shown in history, never in strength statistics.
    kind: Mapped[str] = mapped_column(String(8), default="strength", server_default="strength")
    # The app an import created this custom exercise from; never a fuzzy match target.
    import_source: Mapped[str | None] = mapped_column(String(20))


class StretchRow(Base):
    __tablename__ = "stretches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    library_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    muscles: Mapped[str] = mapped_column(String(200))
    cue: Mapped[str] = mapped_column(Text)
    hold_seconds: Mapped[int] = mapped_column(Integer)
    one_sided: Mapped[bool] = mapped_column(Boolean)


class ExerciseStretchRow(Base):
    __tablename__ = "exercise_stretches"

    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), primary_key=True
    )
    stretch_id: Mapped[int] = mapped_column(
        ForeignKey("stretches.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class RoutineRow(Base):
    __tablename__ = "routines"
    __table_args__ = (UniqueConstraint("profile_id", "name", name="profile_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class RoutineDayRow(Base):
    __tablename__ = "routine_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    routine_id: Mapped[int] = mapped_column(ForeignKey("routines.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(80))


class RoutineItemRow(Base):
    __tablename__ = "routine_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("routine_days.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    target_sets: Mapped[int] = mapped_column(Integer, default=3)
    rep_low: Mapped[int] = mapped_column(Integer, default=8)
    rep_high: Mapped[int] = mapped_column(Integer, default=12)
    rest_seconds: Mapped[int | None] = mapped_column(Integer)
    extra_weak_side_sets: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    routine_day_id: Mapped[int | None] = mapped_column(
        ForeignKey("routine_days.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)  # NULL: in progress
    # Identifies a session brought in from another app's file, so importing twice adds nothing.
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True)


Index("ix_sessions_profile_started", SessionRow.profile_id, SessionRow.started_at)


class SessionExerciseRow(Base):
    __tablename__ = "session_exercises"
    __table_args__ = (
        CheckConstraint("first_side IN ('left', 'right')", name="first_side"),
        CheckConstraint("stretch_status IN ('pending', 'done', 'skipped')", name="stretch_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    first_side: Mapped[str | None] = mapped_column(String(5))
    stretch_status: Mapped[str] = mapped_column(String(7), default="pending")
    stretch_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    superset_group: Mapped[int | None] = mapped_column(Integer)  # back to back: same number


Index("ix_session_exercises_session", SessionExerciseRow.session_id)
Index("ix_session_exercises_exercise", SessionExerciseRow.exercise_id)


class SetRow(Base):
    __tablename__ = "sets"
    __table_args__ = (
        CheckConstraint("side IN ('left', 'right', 'both')", name="side"),
        CheckConstraint("kind IN ('warm-up', 'working', 'drop', 'failure')", name="kind"),
        # The domain's entry rule (entry.set_problem) again, so no path can store what the
        # services refuse. Portable SQL: the same text runs on SQLite and PostgreSQL.
        CheckConstraint("weight_kg IS NULL OR weight_kg BETWEEN 0 AND 1000", name="weight_kg"),
        CheckConstraint(
            "reps IS NULL OR (reps BETWEEN 0 AND 1000 AND reps = CAST(reps AS INTEGER))",
            name="reps",
        ),
        CheckConstraint(
            "duration_seconds IS NULL OR (duration_seconds BETWEEN 1 AND 86400 "
            "AND duration_seconds = CAST(duration_seconds AS INTEGER))",
            name="duration_seconds",
        ),
        CheckConstraint(
            "rpe IS NULL OR (rpe BETWEEN 5 AND 10 AND rpe * 2 = CAST(rpe * 2 AS INTEGER))",
            name="rpe",
        ),
        CheckConstraint(
            "rir IS NULL OR (rir BETWEEN 0 AND 5 AND rir * 2 = CAST(rir * 2 AS INTEGER))",
            name="rir",
        ),
        CheckConstraint(
            "distance_m IS NULL OR distance_m BETWEEN 0 AND 1000000", name="distance_m"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_exercise_id: Mapped[int] = mapped_column(
        ForeignKey("session_exercises.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(5))
    weight_kg: Mapped[float | None] = mapped_column(Float)
    reps: Mapped[int | None] = mapped_column(Integer)
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[float | None] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(8), default="working")
    logged_at: Mapped[datetime] = mapped_column(DateTime)
    # The strong side logged past the weak side's volume with "log anyway".
    volume_override: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A one-sided set from a file that never said which side (side 'both'): volume only.
    sides_unrecorded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    distance_m: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Identifies a set brought in from a file, so a re-import adds only the missing sets.
    source_key: Mapped[str | None] = mapped_column(String(200))


Index("ix_sets_session_exercise", SetRow.session_exercise_id)
Index("ix_sets_source_key", SetRow.source_key, unique=True)


class MeasurementRow(Base):
    __tablename__ = "measurements"
    __table_args__ = (
        CheckConstraint("side IN ('left', 'right', 'both')", name="side"),
        CheckConstraint("value_cm > 0 AND value_cm <= 300", name="value_cm"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    site: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(5))
    value_cm: Mapped[float] = mapped_column(Float)
    measured_on: Mapped[date] = mapped_column(Date)


Index("ix_measurements_profile_site", MeasurementRow.profile_id, MeasurementRow.site)


class AppMetaRow(Base):
    """Facts about the file itself (library data version, last automatic backup)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RepairRow(Base):
    """A value an older version stored that breaks the entry rules, kept as it was when the
    upgrade to 0003 cleared it (a set's field) or moved its row out (a measurement)."""

    __tablename__ = "repairs"
    __table_args__ = (CheckConstraint("action IN ('cleared', 'removed')", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)  # no foreign key: the record outlives the row
    column_name: Mapped[str] = mapped_column(String(40))
    original_value: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(7))
    repaired_at: Mapped[datetime] = mapped_column(DateTime)


class AssessmentRow(Base):
    """A guided per-side test: the baseline, then each re-test (``domain.assessment``)."""

    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('reps to failure', 'top set with RPE', 'timed hold', 'range of motion')",
            name="kind",
        ),
        # The domain's entry rule (assessment.checked) in broad strokes, portable SQL.
        CheckConstraint("left_value BETWEEN 0 AND 86400", name="left_value"),
        CheckConstraint("right_value BETWEEN 0 AND 86400", name="right_value"),
        CheckConstraint("load_kg IS NULL OR load_kg BETWEEN 0 AND 1000", name="load_kg"),
        CheckConstraint(
            "reps IS NULL OR (reps BETWEEN 1 AND 12 AND reps = CAST(reps AS INTEGER))",
            name="reps",
        ),
        CheckConstraint(
            "tighter_side IS NULL OR tighter_side IN ('left', 'right')", name="tighter"
        ),
        CheckConstraint("exercise_id IS NOT NULL OR test_name <> ''", name="subject"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    exercise_id: Mapped[int | None] = mapped_column(ForeignKey("exercises.id", ondelete="RESTRICT"))
    test_name: Mapped[str] = mapped_column(String(80), default="")  # a check with no exercise
    kind: Mapped[str] = mapped_column(String(16))
    assessed_on: Mapped[date] = mapped_column(Date)
    left_value: Mapped[float] = mapped_column(Float)
    right_value: Mapped[float] = mapped_column(Float)
    load_kg: Mapped[float | None] = mapped_column(Float)
    reps: Mapped[int | None] = mapped_column(Integer)
    tighter_side: Mapped[str | None] = mapped_column(String(5))
    notes: Mapped[str] = mapped_column(Text, default="")


Index("ix_assessments_profile_day", AssessmentRow.profile_id, AssessmentRow.assessed_on)


class ImportMappingRow(Base):
    """A source app's exercise name and the exercise it maps to, reused by later imports."""

    __tablename__ = "import_mappings"
    __table_args__ = (
        CheckConstraint("decided_by IN ('import', 'user')", name="decided_by"),
        UniqueConstraint("source_app", "source_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_app: Mapped[str] = mapped_column(String(20))
    source_name: Mapped[str] = mapped_column(String(200))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(6))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CatchUpRow(Base):
    """The day an exercise's gap stayed within noise long enough to return to even work."""

    __tablename__ = "catch_ups"
    __table_args__ = (CheckConstraint("weak_side IN ('left', 'right')", name="weak_side"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"))
    weak_side: Mapped[str] = mapped_column(String(5))
    caught_up_at: Mapped[datetime] = mapped_column(DateTime)
    shown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class HabitTickRow(Base):
    """A habit from the user's checklist, ticked on a day."""

    __tablename__ = "habit_ticks"
    __table_args__ = (UniqueConstraint("profile_id", "habit_key", "ticked_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    habit_key: Mapped[str] = mapped_column(String(40))
    ticked_on: Mapped[date] = mapped_column(Date)


class DiscomfortRow(Base):
    """One-sided discomfort: where, which side, how much (0-10), a note."""

    __tablename__ = "discomfort"
    __table_args__ = (
        CheckConstraint("side IN ('left', 'right', 'both')", name="side"),
        CheckConstraint("level BETWEEN 0 AND 10 AND level = CAST(level AS INTEGER)", name="level"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    site: Mapped[str] = mapped_column(String(60))
    side: Mapped[str] = mapped_column(String(5))
    level: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    noted_on: Mapped[date] = mapped_column(Date)


Index("ix_discomfort_profile_day", DiscomfortRow.profile_id, DiscomfortRow.noted_on)


# The derived tables join Base.metadata here, last: their module imports Base from this one.
from evenside.storage import derived_models  # noqa: E402, F401
