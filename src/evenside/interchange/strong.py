"""Strong exports: comma-separated (three vintages, English, German, French), semicolon with
per-row units, and the fully quoted semicolon layout with units in the header."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport, SessionDraft, split_side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.gather import (
    Gathered,
    Row,
    RowNumbers,
    SkipRow,
    checked,
    field_count_problem,
    read_numbers,
    unreadable_number,
)
from evenside.interchange.numbers import ZoneCheck, iso_time, strong_duration


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.lower().replace("-", " ").replace("'", " ").split())


SYNONYMS = {
    "workout_number": ("workout #",),
    "date": ("date", "datum"),
    "workout": ("workout name", "nom de l entrainement"),
    "duration": ("duration", "dauer", "duree", "duration (sec)"),
    "exercise": ("exercise name", "name der ubung", "nom de l exercice"),
    "set_order": (
        "set order",
        "satz reihenfolge",
        "satzreihenfolge",
        "reihenfolge",
        "ordre de la serie",
    ),
    "weight": ("weight", "gewicht", "poids", "weight (kg)", "weight (lbs)", "weight (lb)"),
    "weight_unit": ("weight unit", "gewichtseinheit", "unite de poids"),
    "reps": ("reps", "wiederholungen", "wdh", "reps", "repetitions"),
    "distance": ("distance", "distanz", "entfernung", "distance (meters)", "distance (km)"),
    "distance_unit": ("distance unit",),
    "seconds": ("seconds", "sekunden", "secondes"),
    "notes": ("notes", "notizen", "remarques"),
    "workout_notes": ("workout notes", "workout notizen", "notes de l entrainement"),
    "rpe": ("rpe",),
}
LOOKUP = {_key(name): canonical for canonical, names in SYNONYMS.items() for name in names}
WARM_UP = {"w", "warm_up", "warm up", "warmup", "aufwarmen", "echauffement"}
DROP = {"d", "drop", "dropset", "drop set"}
FAILURE = {"f", "failure", "versagen", "echec"}
REST = {"rest timer", "ruhezeit", "temps de repos", "minuteur de repos", "pause"}
NOTE = {"note", "notiz", "remarque"}


def columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        canonical = LOOKUP.get(_key(name))
        if canonical and canonical not in found:
            found[canonical] = index
    return found


def looks_like(header: list[str]) -> bool:
    found = columns(header)
    return {"date", "exercise", "set_order"} <= set(found)


def header_unit(header: list[str]) -> Unit | None:
    for name in header:
        lowered = name.lower()
        if (
            lowered.startswith("weight (")
            or lowered.startswith("gewicht (")
            or lowered.startswith("poids (")
        ):
            return Unit.LB if "lb" in lowered else Unit.KG
    return None


def _unit(text: str) -> Unit | None:
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned in ("kg", "kgs"):
        return Unit.KG
    if cleaned in ("lb", "lbs"):
        return Unit.LB
    raise ValueError(text)


@dataclass(frozen=True)
class _Layout:
    """What the header says about every row: the columns, and where the unit comes from
    (the header, a column per row, or the user's choice)."""

    header: list[str]
    columns: dict[str, int]
    fixed_unit: Unit | None
    has_unit_column: bool
    chosen_unit: Unit | None

    @property
    def unit_note(self) -> str:
        if self.fixed_unit or self.has_unit_column:
            return ""
        return f"weights read as {self.chosen_unit.value if self.chosen_unit else 'kg'}"


def _layout(header: list[str], unit: Unit | None) -> _Layout:
    """The file's layout; ``InvalidInput`` if nothing in it says kg or lb and no unit was
    chosen."""
    found = columns(header)
    fixed_unit = header_unit(header)
    has_unit_column = "weight_unit" in found
    if fixed_unit is None and not has_unit_column and unit is None:
        raise InvalidInput(
            "This Strong export does not say kg or lb: choose the unit (--unit kg or --unit lb).",
            "unit",
        )
    return _Layout(header, found, fixed_unit, has_unit_column, unit)


def parse(header: list[str], rows: Iterator[Record], unit: Unit | None) -> ParsedImport:
    layout = _layout(header, unit)
    gathered = Gathered()
    times = ZoneCheck()
    gathered.read_all(rows, partial(_add_row, gathered, layout, times))
    return ParsedImport(
        "strong", gathered.read, gathered.ordered(), gathered.skipped, layout.unit_note
    )


def _add_row(gathered: Gathered, layout: _Layout, times: ZoneCheck, record: Record) -> None:
    """The record's set into its workout; ``SkipRow`` says why a row is not a set."""
    if len(record.fields) < len(layout.header) - 3:
        raise field_count_problem(record, layout.header)
    row = Row(record.line, record.fields, layout.columns)
    order = row.cell("set_order")
    _refuse_non_sets(order)
    started = _started(row, times)
    kind = _kind(order)
    numbers, row_unit, duration = _numbers(row, layout.has_unit_column)
    if numbers.reps is None and not numbers.seconds:
        raise SkipRow(
            "no reps or time (cardio or empty set)" if not numbers.weight else "weight but no reps"
        )
    name, side, unilateral = split_side(row.cell("exercise"))
    if not name:
        raise SkipRow("no exercise name")
    values = checked(numbers, row_unit or layout.fixed_unit or layout.chosen_unit or Unit.KG)
    problem = _end_problem(started, duration)
    if problem is not None:
        raise SkipRow(problem)
    workout = row.cell("workout") or "Workout"
    key = f"strong:{started.isoformat()}:{workout}"
    session = gathered.session(
        key, lambda: _session(key, started, duration, workout, row.cell("workout_notes"))
    )
    notes = [row.cell("notes")]
    gathered.add_sets(session, (name, side, unilateral), row.line, values, kind=kind, notes=notes)


def _refuse_non_sets(order: str) -> None:
    """Rest timer and note rows sit among the sets; they are skipped, not sets."""
    marker = order.lower()
    if marker in REST:
        raise SkipRow("rest timer row, not a set")
    if marker in NOTE:
        raise SkipRow("note row, not a set")


def _started(row: Row, times: ZoneCheck) -> datetime:
    try:
        return times.naive(iso_time(row.cell("date")), row.line)
    except ValueError:
        raise SkipRow(f'unreadable date "{row.cell("date")}"') from None


def _kind(order: str) -> SetKind:
    """The set kind a set order's letter names; a number is a working set."""
    marker = order.lower()
    if marker in WARM_UP:
        return SetKind.WARM_UP
    if marker in DROP:
        return SetKind.DROP
    if marker in FAILURE:
        return SetKind.FAILURE
    if not marker.replace(".0", "").isdigit():
        raise SkipRow(f'unknown set order "{order}"')
    return SetKind.WORKING


def _numbers(row: Row, has_unit_column: bool) -> tuple[RowNumbers, Unit | None, int | None]:
    """The set's numbers, the unit its row names and the workout's duration, read in that
    order; the first unreadable one skips the row."""
    numbers = read_numbers(
        row.cell("weight"), row.cell("reps"), row.cell("seconds"), row.cell("rpe")
    )
    try:
        row_unit = _unit(row.cell("weight_unit")) if has_unit_column else None
        duration = strong_duration(row.cell("duration"))
    except ValueError as exc:
        raise unreadable_number(exc) from exc
    return numbers, row_unit, duration


def _session(
    key: str, started: datetime, duration: int | None, workout: str, notes: str
) -> SessionDraft:
    ended = None if duration is None else started + timedelta(seconds=duration)
    return SessionDraft(key, started, ended, workout, notes)


MAX_WORKOUT_SECONDS = 7 * 24 * 3600  # a workout left running for days is still kept


def _end_problem(started: datetime, duration: int | None) -> str | None:
    """Why a workout's duration cannot be used (far too long, or ending past year 9999)."""
    if duration is None:
        return None
    if duration > MAX_WORKOUT_SECONDS:
        return f"the workout duration ({duration} s) is longer than a week"
    if datetime.max - started < timedelta(seconds=duration):
        return "the workout would end after the year 9999"
    return None
