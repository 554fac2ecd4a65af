"""Hevy exports: kg or lb files, set types, supersets, 24- and 12-hour dates, newest first;
timed holds, and cardio with its distance and time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport, SessionDraft
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.gather import (
    Gathered,
    Memo,
    Row,
    SkipRow,
    add_note,
    cardio_name,
    cardio_numbers,
    field_count_problem,
    read_number,
    read_numbers,
)

KINDS = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARM_UP,
    "failure": SetKind.FAILURE,
    "dropset": SetKind.DROP,
}
# "7 Apr 2026, 10:14" (24-hour) and "Jun 11, 2026, 1:01 PM" (12-hour), with or without
# seconds, and the ISO form some versions write
TIME_FORMATS = (
    "%d %b %Y, %H:%M",
    "%b %d, %Y, %I:%M %p",
    "%d %b %Y, %I:%M %p",
    "%b %d, %Y, %H:%M",
    "%d %b %Y, %H:%M:%S",
    "%b %d, %Y, %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)
METRES = {"distance_km": 1000.0, "distance_miles": 1609.344, "distance_meters": 1.0}


def looks_like(header: list[str]) -> bool:
    return {"title", "start_time", "exercise_title", "set_type"} <= set(header)


def hevy_time(text: str) -> datetime:
    cleaned = " ".join(text.replace("\u202f", " ").split())
    for pattern in TIME_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise ValueError(text)


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row: the columns, and the file's weight unit."""

    header: list[str]
    columns: dict[str, int]
    unit: Unit
    weight_column: str
    distance_column: str | None


def _layout(header: list[str]) -> _Layout:
    if not looks_like(header):
        raise InvalidInput(
            "Line 1: this is not a Hevy header (it needs title, start_time, exercise_title "
            "and set_type). Nothing was imported.",
            "format",
        )
    columns = {name: i for i, name in enumerate(header)}
    unit = Unit.KG if "weight_kg" in columns or "weight_lbs" not in columns else Unit.LB
    distance = next((name for name in METRES if name in columns), None)
    return _Layout(
        header, columns, unit, "weight_kg" if unit is Unit.KG else "weight_lbs", distance
    )


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    layout = _layout(header)
    gathered = Gathered()
    times = Memo(hevy_time, limit=64)  # a workout's rows share its times
    gathered.read_all(rows, partial(_add_row, gathered, layout, times))
    description = "Hevy, " + ("kilograms" if layout.unit is Unit.KG else "pounds")
    if layout.distance_column == "distance_miles":
        description += " and miles"
    elif layout.distance_column == "distance_km":
        description += " and km"
    return ParsedImport(
        "hevy", gathered.read, gathered.ordered(), gathered.skipped, "", description
    )


def _add_row(gathered: Gathered, layout: _Layout, times: Memo[datetime], record: Record) -> None:
    """The record's set into its session; ``SkipRow`` says why a row is not a set."""
    if len(record.fields) != len(layout.header):
        raise field_count_problem(record, layout.header)
    row = Row(record.line, record.fields, layout.columns)
    started, ended = _times(row, times)
    kind = _kind(row)
    numbers = read_numbers(
        row.cell(layout.weight_column),
        row.cell("reps"),
        row.cell("duration_seconds"),
        row.cell("rpe"),
    )
    distance = _distance(row, layout)
    if numbers.reps is None and not numbers.seconds and distance is None:
        raise SkipRow("weight but no reps or time" if numbers.weight else "empty set")
    name, side, unilateral = gathered.names(row.cell("exercise_title"))
    if not name:
        raise SkipRow("no exercise name")
    cardio = distance is not None or (
        numbers.reps is None and bool(numbers.seconds) and cardio_name(name)
    )
    if cardio:
        numbers = cardio_numbers(numbers)
    values = gathered.checked(numbers, layout.unit, distance)
    title = row.cell("title") or "Workout"
    key = f"hevy:{started.isoformat()}:{title}"
    session = gathered.session(
        key, lambda: SessionDraft(key, started, ended, title, row.cell("description"))
    )
    order = _order(row)
    gathered.add_set(
        session, (name, side, unilateral), row.line, values,
        kind=kind, order=order, cardio=cardio,
    )  # fmt: skip
    draft = session.exercise(name, unilateral)
    draft.notes = add_note(draft.notes, row.cell("exercise_notes"))
    superset = row.cell("superset_id")
    if superset and draft.superset is None:
        draft.superset = _superset(superset)


def _times(row: Row, times: Memo[datetime]) -> tuple[datetime, datetime | None]:
    """The workout's start and end (an end is optional)."""
    try:
        started = times(row.cell("start_time"))
        ended_text = row.cell("end_time")
        return started, times(ended_text) if ended_text else None
    except ValueError:
        raise SkipRow(f'unreadable time "{row.cell("start_time")}"') from None


def _kind(row: Row) -> SetKind:
    kind = KINDS.get(row.cell("set_type").lower() or "normal")
    if kind is None:
        raise SkipRow(f'unknown set type "{row.cell("set_type")}"')
    return kind


def _distance(row: Row, layout: _Layout) -> float | None:
    if layout.distance_column is None:
        return None
    value = read_number(row.cell(layout.distance_column))
    return round(value * METRES[layout.distance_column], 3) if value else None


def _order(row: Row) -> int | None:
    """The set's number within its exercise, from 1 (Hevy counts set_index from 0)."""
    text = row.cell("set_index")
    return int(text) + 1 if text.isdigit() and len(text) < 6 else None


def _superset(text: str) -> int | None:
    """The superset's number; one past any real workout's count is no grouping at all."""
    try:
        value = int(float(text))
    except (ValueError, OverflowError):
        return None
    return value if 0 <= value < 100_000 else None
