"""A Strong-style CSV for people moving to another app. Strong has no sides, so a left or
right set goes under "Exercise (Left)" / "Exercise (Right)", the convention Strong users
already use and that importers (ours included) read back as one exercise per side."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from evenside.domain.imports import ExportRow
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit, from_kg
from evenside.interchange.csv_out import write_csv

HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
MARKERS = {SetKind.WARM_UP: "W", SetKind.DROP: "D", SetKind.FAILURE: "F"}


def _duration(row: ExportRow) -> str:
    if row.ended_at is None:
        return ""
    minutes = int((row.ended_at - row.started_at).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def write_strong(path: Path, rows: Iterable[ExportRow], unit: Unit) -> int:
    counters: dict[tuple[str, str, str], int] = {}
    out = []
    for row in rows:
        name = row.exercise if row.side is Side.BOTH else f"{row.exercise} ({row.side.label})"
        key = (row.session_key, name, "")
        if row.kind is SetKind.WORKING:
            counters[key] = counters.get(key, 0) + 1
            order = str(counters[key])
        else:
            order = MARKERS[row.kind]
        rpe = row.rpe if row.rpe is not None else (None if row.rir is None else 10 - row.rir)
        out.append(
            (
                row.started_at.strftime("%Y-%m-%d %H:%M:%S"),
                row.session_name or "Workout",
                _duration(row),
                name,
                order,
                0 if row.weight_kg is None else from_kg(row.weight_kg, unit),
                "" if row.reps is None else row.reps,
                0,
                row.duration_seconds or 0,
                row.exercise_notes,
                row.session_notes,
                "" if rpe is None else rpe,
            )
        )
    return write_csv(path, HEADER, out)
