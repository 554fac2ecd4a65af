"""What gets logged: sets, exercises within a session, sessions, body measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from evenside.domain.sides import Side


class SetKind(StrEnum):
    WARM_UP = "warm-up"  # kept out of statistics
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"

    @property
    def counts(self) -> bool:
        """Whether the set counts toward volume, e1RM and records."""
        return self is not SetKind.WARM_UP


class StretchStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class SetRecord:
    """A set before it is stored (demo generator, importers, the set entry)."""

    side: Side
    weight_kg: float | None
    reps: int | None
    kind: SetKind = SetKind.WORKING
    logged_at: datetime | None = None
    duration_seconds: int | None = None
    rpe: float | None = None
    rir: float | None = None
    # The strong side logged past the weak side's volume with "log anyway".
    volume_override: bool = False
    sides_unrecorded: bool = False  # a one-sided set whose source did not say the side
    distance_m: float | None = None  # cardio distance
    notes: str = ""
    source_key: str | None = None  # identifies an imported set, so re-imports add only new ones


@dataclass(frozen=True)
class ExerciseRecord:
    exercise_id: int
    sets: tuple[SetRecord, ...]
    first_side: Side | None = None
    stretch_status: StretchStatus = StretchStatus.PENDING
    stretch_at: datetime | None = None
    notes: str = ""
    superset_group: int | None = None  # exercises done back to back share a number


@dataclass(frozen=True)
class SessionRecord:
    started_at: datetime
    ended_at: datetime | None
    exercises: tuple[ExerciseRecord, ...]
    name: str = ""
    notes: str = ""
    source_key: str | None = None


@dataclass(frozen=True)
class MeasurementRecord:
    site: str
    side: Side
    value_cm: float
    measured_on: date


STANDARD_SITES = ("Upper arm", "Forearm", "Thigh", "Calf")


@dataclass(frozen=True)
class LoggedSet:
    """A stored set: its row id and position within the exercise, and what was logged."""

    id: int
    position: int
    record: SetRecord

    @property
    def side(self) -> Side:
        return self.record.side


@dataclass(frozen=True)
class SessionExercise:
    id: int
    exercise_id: int
    position: int
    first_side: Side | None
    stretch_status: StretchStatus
    notes: str
    sets: tuple[LoggedSet, ...]
    superset_group: int | None = None  # exercises done back to back share a number


@dataclass(frozen=True)
class WorkoutSession:
    id: int
    profile_id: int
    name: str
    notes: str
    started_at: datetime
    ended_at: datetime | None
    exercises: tuple[SessionExercise, ...]
    routine_day_id: int | None = None

    @property
    def in_progress(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class SessionListing:
    """One row of the History page."""

    id: int
    name: str
    started_at: datetime
    ended_at: datetime | None
    exercise_names: tuple[str, ...]
    volume_left: float
    volume_right: float
    volume_both: float
    sets: int
