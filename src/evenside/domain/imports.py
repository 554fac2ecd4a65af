"""What an import produces before anything is written: sessions to add, rows skipped with
their line numbers and reasons, and how imported exercise names map to the library."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from evenside.domain.library import Laterality, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind

MAX_IMPORT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)  # a million of these may be held at once
class SetDraft:
    line: int
    side: Side
    weight_kg: float | None
    reps: int | None
    kind: SetKind = SetKind.WORKING
    duration_seconds: int | None = None
    rpe: float | None = None
    rir: float | None = None
    logged_at: datetime | None = None  # known only from our own format
    distance_m: float | None = None  # cardio distance, metres
    notes: str = ""  # the row's own note
    order: int | None = None  # the source's own set number within the exercise, if it has one
    volume_override: bool = False  # logged past the volume rule (known only from our format)


@dataclass(slots=True)
class ExerciseDraft:
    name: str  # as in the file, side suffix removed
    notes: str = ""
    unilateral: bool = False  # the name says one side at a time
    first_side: Side | None = None
    stretch: str = "pending"
    laterality: Laterality | None = None  # known only from our own format
    load_basis: LoadBasis | None = None
    sets: list[SetDraft] = field(default_factory=list)
    superset: int | None = None  # exercises done back to back share a number in their session
    cardio: bool = False  # timed or distance work: history only, never strength statistics


@dataclass(slots=True)
class SessionDraft:
    key: str  # identifies the session in its source, so importing twice adds nothing
    started_at: datetime
    ended_at: datetime | None
    name: str
    notes: str = ""
    exercises: list[ExerciseDraft] = field(default_factory=list)

    def exercise(self, name: str, unilateral: bool) -> ExerciseDraft:
        for exercise in self.exercises:
            if exercise.name == name:
                exercise.unilateral = exercise.unilateral or unilateral
                return exercise
        created = ExerciseDraft(name, unilateral=unilateral)
        self.exercises.append(created)
        return created


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class MeasurementDraft:
    """A body measurement an export carries (JEFIT's profile log), in centimetres."""

    line: int
    measured_on: date
    site: str  # "arms", "thighs", "waist" ... as the source names it
    side: Side  # BOTH when the source does not say which side
    value_cm: float


@dataclass
class ParsedImport:
    format: str
    rows_read: int
    sessions: list[SessionDraft]
    skipped: list[Skipped]
    unit_note: str = ""
    layout: str = ""  # what auto-detection recognised, e.g. "Strong, German headers"
    measurements: list[MeasurementDraft] = field(default_factory=list)
    # Rows that are not sets but whose text was kept as a note (Strong "Note" rows).
    kept_as_notes: list[Skipped] = field(default_factory=list)

    @property
    def sets(self) -> int:
        return sum(len(e.sets) for s in self.sessions for e in s.exercises)

    @property
    def rows_imported(self) -> int:
        """Rows of the file that became sets (a JEFIT row of packed sets becomes several).
        rows_read = rows_imported + len(skipped) + len(kept_as_notes)."""
        return len({s.line for session in self.sessions for e in session.exercises for s in e.sets})

    @property
    def date_range(self) -> tuple[date, date] | None:
        if not self.sessions:
            return None
        days = [s.started_at.date() for s in self.sessions]
        return min(days), max(days)

    @property
    def exercise_names(self) -> list[str]:
        return sorted({e.name for s in self.sessions for e in s.exercises}, key=str.lower)


_SIDE_SUFFIX = re.compile(r"\s*[\(\[]\s*(left|right|links|rechts|gauche|droite)\s*[\)\]]\s*$", re.I)
_UNILATERAL = re.compile(
    r"\(single arm\)|\bsingle[- ]leg\b|\bsingle[- ]arm\b|\bone[- ]arm\b|\bone[- ]leg\b|"
    r"\(each side\)|\bunilateral\b|\beach side\b",
    re.I,
)
_SIDES = {"left": Side.LEFT, "links": Side.LEFT, "gauche": Side.LEFT,
          "right": Side.RIGHT, "rechts": Side.RIGHT, "droite": Side.RIGHT}  # fmt: skip


def split_side(name: str) -> tuple[str, Side | None, bool]:
    """'Lunge (Left)' -> ('Lunge', LEFT, True); 'Single Leg RDL' -> (name, None, True)."""
    clean = " ".join(name.split())
    match = _SIDE_SUFFIX.search(clean)
    if match:
        return clean[: match.start()].strip(), _SIDES[match.group(1).lower()], True
    return clean, None, bool(_UNILATERAL.search(clean))


@dataclass(frozen=True)
class Mapping:
    """Where an imported exercise name goes: an existing exercise, or a new custom one."""

    imported: str
    exercise_id: int | None
    create_as: Laterality | None = None  # laterality of the custom exercise to create
    load_basis: LoadBasis = LoadBasis.TOTAL
    reason: str = ""  # why it goes there, shown in the mapping step and kept with the mapping
    decided_by: str = "import"  # 'user' when the user chose it: later imports keep it
    equipment: str = ""  # of the custom exercise to create
    cardio: bool = False  # the custom exercise to create is cardio


@dataclass(frozen=True)
class ExportRow:
    """One set with everything about its session and exercise (services fill these)."""

    session_key: str
    started_at: datetime
    ended_at: datetime | None
    session_name: str
    session_notes: str
    exercise: str
    laterality: Laterality
    load_basis: LoadBasis
    exercise_position: int
    first_side: Side | None
    stretch: str
    exercise_notes: str
    set_position: int
    side: Side
    weight_kg: float | None
    reps: int | None
    duration_seconds: int | None
    rpe: float | None
    rir: float | None
    kind: SetKind
    logged_at: datetime | None
    distance_m: float | None = None
    set_notes: str = ""
    volume_override: bool = False
    exercise_kind: str = "strength"
    superset: int | None = None
