"""Strong exports: comma-separated (three vintages, English, German, French), semicolon with
per-row units, and the fully quoted semicolon layout with units in the header. Rest and
note rows in every language; cardio rows kept with their distance and time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

from evenside.domain.imports import ParsedImport, SessionDraft
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange import strong_headers as headers
from evenside.interchange.csv_read import Record
from evenside.interchange.gather import (
    Gathered,
    Memo,
    NoteRow,
    Row,
    RowNumbers,
    SkipRow,
    add_note,
    cardio_name,
    cardio_numbers,
    field_count_problem,
    read_number,
    read_numbers,
    unreadable_number,
)
from evenside.interchange.numbers import ZoneCheck, iso_time, strong_duration

looks_like = headers.looks_like
columns = headers.columns


def parse(
    header: list[str], rows: Iterator[Record], unit: Unit | None, delimiter: str = ","
) -> ParsedImport:
    layout = headers.layout(header, unit, delimiter)
    gathered = Gathered()
    reader = _Reader(gathered, layout)
    gathered.read_all(rows, reader.add_row)
    return ParsedImport(
        "strong",
        gathered.read,
        gathered.ordered(),
        gathered.skipped,
        layout.unit_note,
        layout.description,
        kept_as_notes=gathered.kept_as_notes,
    )


def _unit(text: str) -> Unit | None:
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned in ("kg", "kgs"):
        return Unit.KG
    if cleaned in ("lb", "lbs"):
        return Unit.LB
    raise ValueError(text)


class _Reader:
    """Turns each record into a set, a note or a reason to skip it, remembering each
    distinct date, duration and unit it has read."""

    def __init__(self, gathered: Gathered, layout: headers.Layout) -> None:
        self.gathered = gathered
        self.layout = layout
        self.times = ZoneCheck()
        # a workout's rows share its date and duration: the last few are all worth keeping
        self._dates = Memo(iso_time, limit=64)
        self._durations = Memo(duration, limit=64)
        self._units = Memo(_unit)
        self._markers = Memo(headers.key)
        self._kinds = Memo(_kind)
        self._last_date: tuple[str, datetime] | None = None
        self._last_session: tuple[tuple[datetime, str, str], SessionDraft] | None = None

    def add_row(self, record: Record) -> None:
        """The record's set into its workout; ``SkipRow`` says why a row is not a set. A
        skipped row's note is not lost: it goes onto its workout's notes."""
        layout = self.layout
        width = len(layout.header)
        if len(record.fields) < width - 3 or any(f.strip() for f in record.fields[width:]):
            raise field_count_problem(record, layout.header)  # e.g. 82,5 without quotes
        row = Row(record.line, record.fields, layout.columns)
        try:
            self._add(row)
        except SkipRow as skip:
            note = row.cell("notes")
            if note and self._keep_note(row, note):
                raise SkipRow(f"{skip.reason} (its note kept on the workout)") from None
            raise

    def _keep_note(self, row: Row, note: str) -> bool:
        try:
            session = self._session(row, self._started(row))
        except SkipRow:
            return False
        name = row.cell("exercise")
        session.notes = add_note(session.notes, f"{name}: {note}" if name else note)
        return True

    def _add(self, row: Row) -> None:
        layout = self.layout
        order = row.cell("set_order")
        marker = self._markers(order)
        started = self._started(row)
        name, side, unilateral = self.gathered.names(row.cell("exercise"))
        if marker in headers.REST:
            raise SkipRow(_rest_reason(row))
        if marker in headers.NOTE:
            self._note(row, self._session(row, started), name, unilateral)
        kind, number = self._kinds(order)
        numbers, row_unit = self._numbers(row)
        distance = self._distance(row)
        if not name:
            raise SkipRow("no exercise name")
        cardio = distance is not None or (
            numbers.reps is None and bool(numbers.seconds) and cardio_name(name)
        )
        if numbers.reps is None and not numbers.seconds and distance is None:
            raise SkipRow("weight but no reps or time" if numbers.weight else "empty set")
        if cardio:
            numbers = cardio_numbers(numbers)
        unit = row_unit or layout.fixed_unit or layout.chosen_unit or Unit.KG
        values = self.gathered.checked(numbers, unit, distance)
        self.gathered.add_set(
            self._session(row, started), (name, side, unilateral), row.line, values,
            kind=kind, row_note=row.cell("notes"), order=number, cardio=cardio,
        )  # fmt: skip

    def _started(self, row: Row) -> datetime:
        """The row's date; a workout's rows repeat it, so the last one read is kept."""
        text = row.cell("date")
        if self._last_date is not None and self._last_date[0] == text:
            return self._last_date[1]
        try:
            started = self.times.naive(self._dates(text), row.line)
        except ValueError:
            raise SkipRow(f'unreadable date "{text}"') from None
        self._last_date = (text, started)
        return started

    def _session(self, row: Row, started: datetime) -> SessionDraft:
        """The row's workout; a workout's rows follow each other, so the last is kept."""
        key = (started, row.cell("workout"), row.cell("duration"))
        if self._last_session is not None and self._last_session[0] == key:
            return self._last_session[1]
        session = self._new_or_known_session(row, started)
        self._last_session = (key, session)
        return session

    def _new_or_known_session(self, row: Row, started: datetime) -> SessionDraft:
        try:
            duration = self._durations(row.cell("duration"))
        except ValueError as exc:
            raise unreadable_number(exc) from exc
        problem = _end_problem(started, duration)
        if problem is not None:
            raise SkipRow(problem)
        workout = row.cell("workout") or "Workout"
        key = f"strong:{started.isoformat()}:{workout}"
        notes = row.cell("workout_notes")
        return self.gathered.session(
            key, lambda: _new_session(key, started, duration, workout, notes)
        )

    def _note(self, row: Row, session: SessionDraft, name: str, unilateral: bool) -> None:
        """A note row's text goes onto its exercise's notes (or the workout's)."""
        text = row.cell("notes")
        if not text:
            raise SkipRow("empty note row")
        if name:
            draft = session.exercise(name, unilateral)
            draft.notes = add_note(draft.notes, text)
        else:
            session.notes = add_note(session.notes, text)
        raise NoteRow("note row, kept as the exercise's note")

    def _numbers(self, row: Row) -> tuple[RowNumbers, Unit | None]:
        numbers = read_numbers(
            row.cell("weight"), row.cell("reps"), row.cell("seconds"), row.cell("rpe")
        )
        try:
            row_unit = self._units(row.cell("weight_unit")) if self.layout.has_unit_column else None
        except ValueError as exc:
            raise SkipRow(f'unknown weight unit "{exc}"') from None
        return numbers, row_unit

    def _distance(self, row: Row) -> float | None:
        """The row's distance in metres; 0 or empty is none."""
        value = read_number(row.cell("distance"))
        if not value:
            return None
        per = self.layout.metres_per_distance
        unit_text = row.cell("distance_unit").lower()
        if unit_text:
            if unit_text not in headers.DISTANCE_UNITS:
                raise SkipRow(f'unknown distance unit "{row.cell("distance_unit")}"')
            per = headers.DISTANCE_UNITS[unit_text]
        return round(value * per, 3)


_PART = re.compile(
    r"(\d+)\s*(stunden?|std|heures?|hrs|hr|h|minuten?|minutes?|mins|min|m|sekunden?|secondes?|"
    r"sek|sec|s)(?![a-z])\.?",
    re.I,
)


def _unit_seconds(unit: str) -> int:
    lowered = unit.lower()
    if lowered.startswith(("h", "st")):
        return 3600
    return 1 if lowered.startswith("s") else 60  # s, sec, sek(unden), second(e)s; else minutes


def duration(text: str) -> int | None:
    """A workout's length as Strong writes it ('1h 22m', '45s', seconds) or in a localised
    export ('1 Std. 5 Min.', '1 h 5 min'); ValueError if it is none of these."""
    try:
        return strong_duration(text)
    except ValueError:
        pass
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip():
        raise ValueError(text)
    return sum(int(amount) * _unit_seconds(unit) for amount, unit in parts)


def _rest_reason(row: Row) -> str:
    seconds = row.cell("seconds")
    rest = f" ({seconds} s rest)" if seconds and seconds not in ("0", "0.0") else ""
    return f"rest timer row{rest}, not a set"


MAX_SET_NUMBER_DIGITS = 4


def _kind(order: str) -> tuple[SetKind, int | None]:
    """The set kind a set order's letter names, and the set's number if it has one."""
    marker = headers.key(order)
    if marker in headers.WARM_UP:
        return SetKind.WARM_UP, None
    if marker in headers.DROP:
        return SetKind.DROP, None
    if marker in headers.FAILURE:
        return SetKind.FAILURE, None
    cleaned = marker[:-2] if marker.endswith(" 0") or marker.endswith(".0") else marker
    # A set number is small: thousands of digits would not even convert to an int.
    if not cleaned.isdigit() or len(cleaned) > MAX_SET_NUMBER_DIGITS:
        shown = order if len(order) <= 20 else f"{order[:20]}…"
        raise SkipRow(f'unknown set order "{shown}"')
    return SetKind.WORKING, int(cleaned)


def _new_session(
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
