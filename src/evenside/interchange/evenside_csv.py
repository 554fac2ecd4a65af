"""Evenside's own CSV: one row per set with a side column. It round-trips exactly: weights
are written with every digit, times in ISO form, and the apostrophe that keeps a text cell
from running as a spreadsheet formula is taken off again on import."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evenside.domain.entry import set_problem
from evenside.domain.imports import (
    ExerciseDraft,
    ExportRow,
    ParsedImport,
    SessionDraft,
    SetDraft,
    Skipped,
)
from evenside.domain.library import Laterality, LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.interchange.csv_out import write_rows
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import ZoneCheck, decimal_text, iso_time

HEADER_V1: tuple[str, ...] = (
    "session_key",
    "session_started_at",
    "session_ended_at",
    "session_name",
    "session_notes",
    "exercise",
    "laterality",
    "load_basis",
    "exercise_position",
    "first_side",
    "stretch",
    "exercise_notes",
    "set_position",
    "side",
    "weight_kg",
    "reps",
    "duration_seconds",
    "rpe",
    "rir",
    "kind",
    "logged_at",
)
# Columns added for cardio, a set's note, "log anyway" and supersets; files written before
# them (HEADER_V1) still read.
HEADER: tuple[str, ...] = (
    *HEADER_V1,
    "distance_m",
    "set_notes",
    "volume_override",
    "exercise_kind",
    "superset",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def protect(text: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell (or strip one)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unprotect(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _opt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return decimal_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _cells(r: ExportRow) -> list[str | int]:
    return [
        protect(r.session_key),
        r.started_at.isoformat(),
        _opt(r.ended_at),
        protect(r.session_name),
        protect(r.session_notes),
        protect(r.exercise),
        r.laterality.value,
        r.load_basis.value,
        r.exercise_position,
        "" if r.first_side is None else r.first_side.value,
        r.stretch,
        protect(r.exercise_notes),
        r.set_position,
        r.side.value,
        _opt(r.weight_kg),
        _opt(r.reps),
        _opt(r.duration_seconds),
        _opt(r.rpe),
        _opt(r.rir),
        r.kind.value,
        _opt(r.logged_at),
        _opt(r.distance_m),
        protect(r.set_notes),
        "1" if r.volume_override else "",
        r.exercise_kind,
        _opt(r.superset),
    ]


def write(path: Path, rows: Iterable[ExportRow]) -> int:
    return write_rows(path, HEADER, (_cells(r) for r in rows))


def looks_like(header: list[str]) -> bool:
    return tuple(header) in (HEADER, HEADER_V1)


def _float(text: str) -> float | None:
    return None if text == "" else float(text)


def _int(text: str) -> int | None:
    return None if text == "" else int(text)


def _position(text: str, label: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(f"{label} {value} is below 0")
    return value


@dataclass
class _Session:
    """A session being read, its exercises by the position the file gives them."""

    draft: SessionDraft
    exercises: dict[int, ExerciseDraft] = field(default_factory=dict)


def _set_draft(record: Record, row: dict[str, str], times: ZoneCheck) -> SetDraft:
    logged = times.naive(iso_time(row["logged_at"]), record.line) if row["logged_at"] else None
    return SetDraft(
        record.line,
        Side(row["side"]),
        _float(row["weight_kg"]),
        _int(row["reps"]),
        SetKind(row["kind"]),
        _int(row["duration_seconds"]),
        _float(row["rpe"]),
        _float(row["rir"]),
        logged,
        distance_m=_float(row.get("distance_m", "")),
        notes=unprotect(row.get("set_notes", "")),
        volume_override=row.get("volume_override", "") == "1",
    )


def _exercise_draft(row: dict[str, str]) -> ExerciseDraft:
    laterality = Laterality(row["laterality"])
    return ExerciseDraft(
        unprotect(row["exercise"]),
        unprotect(row["exercise_notes"]),
        laterality.per_side,
        Side(row["first_side"]) if row["first_side"] else None,
        row["stretch"] or "pending",
        laterality,
        LoadBasis(row["load_basis"]),
        superset=_int(row.get("superset", "")),
        cardio=row.get("exercise_kind", "strength") == "cardio",
    )


def _read_row(
    record: Record, row: dict[str, str], times: ZoneCheck
) -> tuple[SessionDraft, int, ExerciseDraft, SetDraft]:
    """One row's session, exercise position, exercise and set; ValueError if unreadable."""
    started = times.naive(iso_time(row["session_started_at"]), record.line)
    ended_text = row["session_ended_at"]
    ended = times.naive(iso_time(ended_text), record.line) if ended_text else None
    session = SessionDraft(
        unprotect(row["session_key"]),
        started,
        ended,
        unprotect(row["session_name"]),
        unprotect(row["session_notes"]),
    )
    position = _position(row["exercise_position"], "exercise_position")
    _position(row["set_position"], "set_position")
    return session, position, _exercise_draft(row), _set_draft(record, row, times)


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    sessions: dict[str, _Session] = {}
    skipped: list[Skipped] = []
    times = ZoneCheck()
    read = 0
    columns = tuple(header)
    for record in rows:
        read += 1
        if len(record.fields) != len(columns):
            skipped.append(
                Skipped(record.line, f"{len(record.fields)} fields, the header has {len(columns)}")
            )
            continue
        try:
            draft, position, exercise, one_set = _read_row(
                record, dict(zip(columns, record.fields, strict=True)), times
            )
        except ValueError as exc:
            skipped.append(Skipped(record.line, f"unreadable value ({exc})"))
            continue
        problem = set_problem(
            one_set.weight_kg, one_set.reps, one_set.duration_seconds, one_set.rpe, one_set.rir
        )
        if problem is not None:
            skipped.append(Skipped(record.line, problem))
            continue
        session = sessions.setdefault(draft.key, _Session(draft))
        session.exercises.setdefault(position, exercise).sets.append(one_set)
    return ParsedImport("evenside", read, _ordered(sessions, read, skipped), skipped)


def _ordered(
    sessions: dict[str, _Session], rows: int, skipped: list[Skipped]
) -> list[SessionDraft]:
    """Sessions by start, exercises by position. A position cannot be as large as the
    number of rows in the file: the rows claiming one are skipped, not padded out to it."""
    result = []
    for session in sessions.values():
        for position, exercise in sorted(session.exercises.items()):
            if position >= rows:
                reason = f"exercise_position {position} is beyond the file's {rows} rows"
                skipped.extend(Skipped(s.line, reason) for s in exercise.sets)
            else:
                session.draft.exercises.append(exercise)
        if session.draft.exercises:
            result.append(session.draft)
    skipped.sort(key=lambda s: s.line)
    return sorted(result, key=lambda s: s.started_at)
