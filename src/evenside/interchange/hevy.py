"""Hevy exports: kg or lb files, set types, superset ids, 24- and 12-hour dates, newest first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from evenside.domain.imports import ParsedImport, SessionDraft, split_side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.gather import (
    Gathered,
    Row,
    SkipRow,
    checked,
    field_count_problem,
    read_numbers,
)
from evenside.interchange.numbers import hevy_time

KINDS = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARM_UP,
    "failure": SetKind.FAILURE,
    "dropset": SetKind.DROP,
}


def looks_like(header: list[str]) -> bool:
    return {"title", "start_time", "exercise_title", "set_type"} <= set(header)


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row: the columns, and the file's weight unit."""

    header: list[str]
    columns: dict[str, int]
    unit: Unit
    weight_column: str


def _layout(header: list[str]) -> _Layout:
    columns = {name: i for i, name in enumerate(header)}
    unit = Unit.LB if "weight_lbs" in columns else Unit.KG
    return _Layout(header, columns, unit, "weight_lbs" if unit is Unit.LB else "weight_kg")


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    layout = _layout(header)
    gathered = Gathered()
    gathered.read_all(rows, partial(_add_row, gathered, layout))
    return ParsedImport("hevy", gathered.read, gathered.ordered(), gathered.skipped)


def _add_row(gathered: Gathered, layout: _Layout, record: Record) -> None:
    """The record's set into its session; ``SkipRow`` says why a row is not a set."""
    if len(record.fields) != len(layout.header):
        raise field_count_problem(record, layout.header)
    row = Row(record.line, record.fields, layout.columns)
    started, ended = _times(row)
    kind = _kind(row)
    numbers = read_numbers(
        row.cell(layout.weight_column),
        row.cell("reps"),
        row.cell("duration_seconds"),
        row.cell("rpe"),
    )
    distance = row.cell("distance_km") or row.cell("distance_miles")
    if numbers.reps is None and (not numbers.seconds or distance):
        raise SkipRow("cardio or empty set (no reps)")
    values = checked(numbers, layout.unit)
    title = row.cell("title") or "Workout"
    key = f"hevy:{started.isoformat()}:{title}"
    session = gathered.session(
        key, lambda: SessionDraft(key, started, ended, title, row.cell("description"))
    )
    exercise = split_side(row.cell("exercise_title"))
    gathered.add_sets(session, exercise, row.line, values, kind=kind, notes=_notes(row))


def _times(row: Row) -> tuple[datetime, datetime | None]:
    """The workout's start and end (an end is optional)."""
    try:
        started = hevy_time(row.cell("start_time"))
        ended_text = row.cell("end_time")
        return started, hevy_time(ended_text) if ended_text else None
    except ValueError:
        raise SkipRow(f'unreadable time "{row.cell("start_time")}"') from None


def _kind(row: Row) -> SetKind:
    kind = KINDS.get(row.cell("set_type").lower())
    if kind is None:
        raise SkipRow(f'unknown set type "{row.cell("set_type")}"')
    return kind


def _notes(row: Row) -> list[str]:
    """The exercise's notes from this row: its own, and the superset it belongs to."""
    notes = [row.cell("exercise_notes")]
    superset = row.cell("superset_id")
    if superset:
        notes.append(f"Superset {superset}")
    return notes
