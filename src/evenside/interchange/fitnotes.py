"""FitNotes exports: per-row units or units in the header, cardio rows, and rows whose
exercise name holds an unquoted comma (one field too many), repaired by column count."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial

from evenside.domain.errors import InvalidInput
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

SESSION_HOUR = time(12, 0)  # FitNotes records a day, not a time
UNITS = {"kgs": Unit.KG, "kg": Unit.KG, "lbs": Unit.LB, "lb": Unit.LB}


def looks_like(header: list[str]) -> bool:
    return (
        len(header) >= 4
        and header[0] == "Date"
        and header[1] == "Exercise"
        and header[2] == "Category"
    )


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row: the columns, and the unit if it names one."""

    header: list[str]
    columns: dict[str, int]
    fixed_unit: Unit | None


def _layout(header: list[str]) -> _Layout:
    if not looks_like(header):
        raise InvalidInput(
            "Line 1: this is not a FitNotes export (it needs the columns Date, Exercise, "
            "Category and a weight column). Nothing was imported."
        )
    fixed_unit = {"Weight (kgs)": Unit.KG, "Weight (lbs)": Unit.LB}.get(header[3])
    return _Layout(header, {name: i for i, name in enumerate(header)}, fixed_unit)


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    layout = _layout(header)
    gathered = Gathered()
    gathered.read_all(rows, partial(_add_row, gathered, layout))
    return ParsedImport("fitnotes", gathered.read, gathered.ordered(), gathered.skipped)


def _add_row(gathered: Gathered, layout: _Layout, record: Record) -> None:
    """The record's set into its day's session; ``SkipRow`` says why a row is not a set."""
    row = Row(record.line, _fields(record, layout), layout.columns)
    day = _day(row)
    numbers = read_numbers(row.fields[3], row.cell("Reps"))
    if numbers.weight is None and numbers.reps is None:
        raise SkipRow("cardio row (distance or time only)")
    values = checked(numbers, layout.fixed_unit or _row_unit(row))
    key = f"fitnotes:{day.isoformat()}"
    session = gathered.session(
        key,
        lambda: SessionDraft(key, datetime.combine(day, SESSION_HOUR), None, "FitNotes workout"),
    )
    exercise = split_side(row.cell("Exercise"))
    notes = [row.cell("Comment")]
    gathered.add_sets(session, exercise, row.line, values, kind=SetKind.WORKING, notes=notes)


def _fields(record: Record, layout: _Layout) -> list[str]:
    """The record's fields, one per header column: an exercise name split by an unquoted
    comma is joined again, and a missing last comment is read as empty."""
    header = layout.header
    fields = record.fields
    extra = len(fields) - len(header)
    if extra > 0:
        # An unquoted comma in the exercise name: join fields back until the count fits.
        fields = [fields[0], ",".join(fields[1 : 2 + extra]), *fields[2 + extra :]]
    if len(fields) == len(header) - 1 and "Comment" in layout.columns:
        fields = [*fields, ""]  # the comment column is optional on a row
    if len(fields) != len(header):
        raise field_count_problem(record, header)
    return fields


def _day(row: Row) -> date:
    try:
        return datetime.strptime(row.cell("Date"), "%Y-%m-%d").date()
    except ValueError:
        raise SkipRow(f'unreadable date "{row.cell("Date")}"') from None


def _row_unit(row: Row) -> Unit:
    """The unit a row names, in a file whose header names none."""
    unit = UNITS.get(row.cell("Weight Unit").lower())
    if unit is None:
        raise SkipRow(f'unknown weight unit "{row.cell("Weight Unit")}"')
    return unit
