"""Evenside's own CSV: one row per set with a side column. It round-trips exactly: weights
are written with every digit, times in ISO form, and the apostrophe that keeps a text cell
from running as a spreadsheet formula is taken off again on import."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

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

HEADER = (
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
        return repr(value)
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
    ]


def write(path: Path, rows: Iterable[ExportRow]) -> int:
    return write_rows(path, HEADER, (_cells(r) for r in rows))


def looks_like(header: list[str]) -> bool:
    return tuple(header) == HEADER


def _float(text: str) -> float | None:
    return None if text == "" else float(text)


def _int(text: str) -> int | None:
    return None if text == "" else int(text)


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    sessions: dict[str, SessionDraft] = {}
    skipped: list[Skipped] = []
    read = 0
    for record in rows:
        read += 1
        if len(record.fields) != len(HEADER):
            skipped.append(
                Skipped(record.line, f"{len(record.fields)} fields, the header has {len(HEADER)}")
            )
            continue
        row = dict(zip(HEADER, record.fields, strict=True))
        try:
            key = unprotect(row["session_key"])
            started = datetime.fromisoformat(row["session_started_at"])
            ended = (
                datetime.fromisoformat(row["session_ended_at"]) if row["session_ended_at"] else None
            )
            laterality = Laterality(row["laterality"])
            load_basis = LoadBasis(row["load_basis"])
            side = Side(row["side"])
            kind = SetKind(row["kind"])
            draft = SetDraft(
                record.line,
                side,
                _float(row["weight_kg"]),
                _int(row["reps"]),
                kind,
                _int(row["duration_seconds"]),
                _float(row["rpe"]),
                _float(row["rir"]),
                datetime.fromisoformat(row["logged_at"]) if row["logged_at"] else None,
            )
            position = int(row["exercise_position"])
        except ValueError as exc:
            skipped.append(Skipped(record.line, f"unreadable value ({exc})"))
            continue
        session = sessions.get(key)
        if session is None:
            session = SessionDraft(
                key, started, ended, unprotect(row["session_name"]), unprotect(row["session_notes"])
            )
            sessions[key] = session
        while len(session.exercises) <= position:
            session.exercises.append(ExerciseDraft(""))
        exercise = session.exercises[position]
        if not exercise.name:
            exercise.name = unprotect(row["exercise"])
            exercise.laterality, exercise.load_basis = laterality, load_basis
            exercise.unilateral = laterality.per_side
            exercise.first_side = Side(row["first_side"]) if row["first_side"] else None
            exercise.stretch = row["stretch"] or "pending"
            exercise.notes = unprotect(row["exercise_notes"])
        exercise.sets.append(draft)
    for session in sessions.values():
        session.exercises = [e for e in session.exercises if e.name]
    return ParsedImport(
        "evenside", read, sorted(sessions.values(), key=lambda s: s.started_at), skipped
    )
