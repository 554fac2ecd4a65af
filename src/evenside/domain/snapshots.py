"""Everything stored about a workout session, row ids included, so a deletion can be undone
exactly: the same ids, the same routine day, stretch times and import key, every set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from evenside.domain.sides import Side
from evenside.domain.training import LoggedSet, StretchStatus


@dataclass(frozen=True)
class StoredExercise:
    id: int
    session_id: int
    exercise_id: int
    position: int
    first_side: Side | None
    stretch_status: StretchStatus
    stretch_at: datetime | None
    notes: str
    sets: tuple[LoggedSet, ...]
    superset_group: int | None = None


@dataclass(frozen=True)
class StoredSession:
    id: int
    profile_id: int
    routine_day_id: int | None
    name: str
    notes: str
    started_at: datetime
    ended_at: datetime | None
    source_key: str | None
    exercises: tuple[StoredExercise, ...]
