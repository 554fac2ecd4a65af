"""FitNotes exports: per-row units or units in the header, comments, timed holds, cardio
rows with distance and time, "(Each Side)" names, and rows whose exercise name holds an
unquoted comma (one field too many), repaired by column count."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport, SessionDraft, split_side
from evenside.domain.sides import Side
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
from evenside.interchange.numbers import clock_duration

SESSION_HOUR = time(12, 0)  # FitNotes records a day, not a time
UNITS = {"kgs": Unit.KG, "kg": Unit.KG, "lbs": Unit.LB, "lb": Unit.LB}
METRES = {"m": 1.0, "km": 1000.0, "kms": 1000.0, "mi": 1609.344, "miles": 1609.344,
          "mile": 1609.344, "ft": 0.3048, "feet": 0.3048, "yd": 0.9144, "yds": 0.9144}  # fmt: skip
EACH_SIDE = re.compile(r"\beach side\b,?\s*", re.I)
# "(Each Side)" means one hand or leg at a time only with a free weight held per side or a
# cable; on a barbell or a plate-loaded machine it most likely means plates per side.
ONE_HAND_EQUIPMENT = re.compile(r"\b(dumbbells?|db|cables?|kettlebells?|kb)\b", re.I)


def looks_like(header: list[str]) -> bool:
    return (
        len(header) >= 4
        and header[0] == "Date"
        and header[1] == "Exercise"
        and header[2] == "Category"
    )


def exercise_name(raw: str) -> tuple[str, Side | None, bool]:
    """``split_side``, except that "(Each Side)" makes a name one-sided only with
    dumbbells, cables or kettlebells."""
    name, side, unilateral = split_side(raw)
    if unilateral and side is None and EACH_SIDE.search(name):
        without = EACH_SIDE.sub("", name)
        unilateral = split_side(without)[2] or bool(ONE_HAND_EQUIPMENT.search(name))
    return name, side, unilateral


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row: the columns, and the unit if it names one."""

    header: list[str]
    columns: dict[str, int]
    fixed_unit: Unit | None

    @property
    def description(self) -> str:
        words = ["FitNotes"]
        if self.fixed_unit is not None:
            words.append(
                f"older layout ({'pounds' if self.fixed_unit is Unit.LB else 'kg'} in the header)"
            )
        else:
            words.append("a unit on every row")
        if "Time" not in self.columns:
            words.append("no distance or time columns")
        if "Comment" in self.columns:
            words.append("with comments")
        return ", ".join(words)


def _layout(header: list[str]) -> _Layout:
    if not looks_like(header):
        raise InvalidInput(
            "Line 1: this is not a FitNotes export (it needs the columns Date, Exercise, "
            "Category and a weight column). Nothing was imported.",
            "format",
        )
    fixed_unit = {"Weight (kgs)": Unit.KG, "Weight (lbs)": Unit.LB}.get(header[3])
    return _Layout(header, {name: i for i, name in enumerate(header)}, fixed_unit)


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    layout = _layout(header)
    gathered = Gathered()
    gathered.names = Memo(exercise_name)
    days = Memo(_day)
    gathered.read_all(rows, partial(_add_row, gathered, layout, days))
    return ParsedImport(
        "fitnotes", gathered.read, gathered.ordered(), gathered.skipped, "", layout.description
    )


def _add_row(gathered: Gathered, layout: _Layout, days: Memo[date], record: Record) -> None:
    """The record's set into its day's session; ``SkipRow`` says why a row is not a set. A
    skipped row's comment is not lost: it goes onto its day's notes."""
    row = Row(record.line, _fields(record, layout), layout.columns)
    try:
        day = days(row.cell("Date"))
    except ValueError:
        raise SkipRow(f'unreadable date "{row.cell("Date")}"') from None
    try:
        _add_set(gathered, layout, row, day)
    except SkipRow as skip:
        comment = row.cell("Comment")
        if not comment:
            raise
        session = _session(gathered, day)
        name = row.cell("Exercise")
        session.notes = add_note(session.notes, f"{name}: {comment}" if name else comment)
        raise SkipRow(f"{skip.reason} (its comment kept on the day)") from None


def _session(gathered: Gathered, day: date) -> SessionDraft:
    key = f"fitnotes:{day.isoformat()}"
    return gathered.session(
        key,
        lambda: SessionDraft(key, datetime.combine(day, SESSION_HOUR), None, "FitNotes workout"),
    )


def _add_set(gathered: Gathered, layout: _Layout, row: Row, day: date) -> None:
    numbers = read_numbers(row.fields[3], row.cell("Reps"), _seconds(row))
    distance = _distance(row)
    if numbers.reps is None and not numbers.seconds and distance is None:
        raise SkipRow("weight but no reps or time" if numbers.weight else "empty row")
    name, side, unilateral = gathered.names(row.cell("Exercise"))
    if not name:
        raise SkipRow("no exercise name")
    cardio = distance is not None or (
        numbers.reps is None
        and bool(numbers.seconds)
        and (row.cell("Category").lower() == "cardio" or cardio_name(name))
    )
    unit = layout.fixed_unit or (_row_unit(row) if numbers.weight else Unit.KG)
    if cardio:
        numbers = cardio_numbers(numbers)
    values = gathered.checked(numbers, unit, distance)
    gathered.add_set(
        _session(gathered, day), (name, side, unilateral), row.line, values,
        row_note=row.cell("Comment"), cardio=cardio,
    )  # fmt: skip


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


def _day(text: str) -> date:
    return datetime.strptime(text, "%Y-%m-%d").date()


def _seconds(row: Row) -> str:
    """The row's Time ("0:09:21") as seconds, or empty."""
    text = row.cell("Time")
    if not text:
        return ""
    try:
        seconds = clock_duration(text)
    except ValueError:
        raise SkipRow(f'unreadable time "{text}"') from None
    return str(seconds) if seconds else ""


def _distance(row: Row) -> float | None:
    value = read_number(row.cell("Distance"))
    if not value:
        return None
    unit = row.cell("Distance Unit").lower()
    if unit not in METRES:
        raise SkipRow(f'unknown distance unit "{row.cell("Distance Unit")}"')
    return round(value * METRES[unit], 3)


def _row_unit(row: Row) -> Unit:
    """The unit a row names, in a file whose header names none."""
    unit = UNITS.get(row.cell("Weight Unit").lower())
    if unit is None:
        raise SkipRow(f'unknown weight unit "{row.cell("Weight Unit")}"')
    return unit
