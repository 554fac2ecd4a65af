"""JEFIT exports: the multi-section file. Sessions come from WORKOUT SESSIONS, exercises and
their packed sets ("50.0x15,50.0x15") from EXERCISE LOGS, and one row per set from EXERCISE
SET LOGS, preferred wherever an exercise has them. The weight unit is SETTING's; body
measurements come from PROFILE."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import MeasurementDraft, ParsedImport, SessionDraft, Skipped
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.gather import (
    Gathered,
    Row,
    SkipRow,
    cardio_name,
    cardio_numbers,
    checked,
    read_number,
    read_numbers,
)
from evenside.interchange.jefit_sections import Section, looks_like, sections

__all__ = ["looks_like", "parse"]

SESSION_HOUR = time(12, 0)  # an exercise log with no session has a day, not a time
UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "kilograms": Unit.KG, "metric": Unit.KG,
         "lb": Unit.LB, "lbs": Unit.LB, "pounds": Unit.LB, "imperial": Unit.LB}  # fmt: skip
INCH_WORDS = {"in", "inch", "inches", "imperial"}
KINDS = {"": SetKind.WORKING, "0": SetKind.WORKING, "default": SetKind.WORKING,
         "normal": SetKind.WORKING,
         "regular": SetKind.WORKING, "warm-up": SetKind.WARM_UP, "warmup": SetKind.WARM_UP,
         "warm up": SetKind.WARM_UP, "drop": SetKind.DROP, "dropset": SetKind.DROP,
         "drop set": SetKind.DROP, "failure": SetKind.FAILURE}  # fmt: skip
SITES = ("chest", "arms", "waist", "calves", "hips", "thighs", "shoulders", "neck", "forearms")
CM_PER_INCH = 2.54
METRES = {"distance_m": 1.0, "distance_km": 1000.0, "distance_miles": 1609.344,
          "distance_mi": 1609.344}  # fmt: skip


@dataclass
class _Log:
    """One EXERCISE LOGS row, held until the per-set logs have been read."""

    line: int
    session: str
    day: date | None
    name: str
    packed: str


@dataclass
class _File:
    """What the tables say, gathered before sets are made (the tables refer to each other)."""

    unit: Unit | None = None
    inches: bool = False
    sessions: dict[str, tuple[datetime, datetime | None]] = field(default_factory=dict)
    logs: dict[str, _Log] = field(default_factory=dict)
    set_logs: dict[str, list[Row]] = field(default_factory=dict)
    orphan_sets: list[Row] = field(default_factory=list)
    profile: list[Row] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


def parse(lines: Iterable[str], unit: Unit | None) -> ParsedImport:
    found = _File()
    for section in sections(lines):
        found.seen.add(section.name)
        _read_section(found, section)
    chosen = found.unit or unit
    if chosen is None and (found.logs or found.set_logs):
        raise InvalidInput(
            "This JEFIT export does not say kg or lb: choose the unit (--unit kg or --unit lb).",
            "unit",
        )
    return _build(found, chosen or Unit.KG)


def _read_section(found: _File, section: Section) -> None:
    columns = section.columns()
    rows = [Row(r.line, r.fields, columns) for r in section.records]
    if section.name == "SETTING" and rows:
        found.unit = UNITS.get(rows[0].cell("mass").lower())
        found.inches = rows[0].cell("length").lower() in INCH_WORDS
    elif section.name == "PROFILE":
        found.profile = rows
    elif section.name == "WORKOUT SESSIONS":
        for row in rows:
            times = _session_times(row)
            if times is not None:
                found.sessions[row.cell("_id")] = times
    elif section.name == "EXERCISE LOGS":
        for row in rows:
            found.logs[row.cell("_id")] = _Log(
                row.line, row.cell("belongsession"), _day(row.cell("mydate")),
                row.cell("ename"), row.cell("logs"),
            )  # fmt: skip
    elif section.name == "EXERCISE SET LOGS":
        for row in rows:
            found.set_logs.setdefault(row.cell("exercise_log_id"), []).append(row)


def _epoch(text: str) -> datetime | None:
    try:
        value = int(float(text)) if text else 0
        return datetime.fromtimestamp(value) if value > 0 else None  # the user's wall clock
    except (ValueError, OverflowError, OSError):
        return None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _session_times(row: Row) -> tuple[datetime, datetime | None] | None:
    """A session's start (starttime, or the export's misspelt starttimie, or its day at
    noon) and end (endtime, or start plus total_time)."""
    started = _epoch(row.cell("starttime")) or _epoch(row.cell("starttimie"))
    if started is None:
        day = _day(row.cell("mydate"))
        if day is None:
            return None
        started = datetime.combine(day, SESSION_HOUR)
    ended = _epoch(row.cell("endtime"))
    if ended is None or ended < started:
        try:
            total = int(float(row.cell("total_time") or 0))
        except (ValueError, OverflowError):
            total = 0
        total = total if total <= 7 * 24 * 3600 else 0  # a session left running for days
        try:
            ended = datetime.fromtimestamp(started.timestamp() + total) if total > 0 else None
        except (OverflowError, OSError, ValueError):
            ended = None
    return started, ended


def _build(found: _File, unit: Unit) -> ParsedImport:
    gathered = Gathered()
    per_set = packed = 0
    for log_id, log in found.logs.items():
        rows = found.set_logs.pop(log_id, None)
        if rows:
            per_set += 1
            for row in sorted(rows, key=_set_index):
                _counted(gathered, row.line, partial(_add_set_row, gathered, found, log, row, unit))
        else:
            packed += 1
            _counted(gathered, log.line, partial(_add_packed, gathered, found, log, unit))
    for rows in found.set_logs.values():
        for row in rows:
            gathered.read += 1
            gathered.skipped.append(
                Skipped(row.line, "a set of an exercise log the file does not have")
            )
    parsed = ParsedImport(
        "jefit",
        gathered.read,
        gathered.ordered(),
        sorted(gathered.skipped, key=lambda s: s.line),
        "" if found.unit else f"weights read as {unit.value}",
        _describe(per_set, packed, unit),
    )
    parsed.measurements = _measurements(found)
    return parsed


def _counted(gathered: Gathered, line: int, add: Callable[[], None]) -> None:
    gathered.read += 1
    try:
        add()
    except SkipRow as skip:
        gathered.skipped.append(Skipped(line, skip.reason))


def _describe(per_set: int, packed: int, unit: Unit) -> str:
    if per_set and packed:
        logs = "per-set logs (packed logs where an exercise has none)"
    elif per_set:
        logs = "per-set logs"
    else:
        logs = "packed set logs"
    return f"JEFIT multi-section export, {logs}, {'pounds' if unit is Unit.LB else 'kilograms'}"


def _set_index(row: Row) -> int:
    try:
        value = int(float(row.cell("set_index") or 0))
    except (ValueError, OverflowError):
        return 0
    return value if 0 <= value < 100_000 else 0


def _session(gathered: Gathered, found: _File, log: _Log) -> SessionDraft:
    times = found.sessions.get(log.session)
    if times is None:
        if log.day is None:
            raise SkipRow("no session and no date for this exercise log")
        times = (datetime.combine(log.day, SESSION_HOUR), None)
        key = f"jefit:day:{log.day.isoformat()}"
    else:
        key = f"jefit:{log.session}:{times[0].isoformat()}"
    return gathered.session(key, lambda: SessionDraft(key, times[0], times[1], "JEFIT workout"))


def _add_packed(gathered: Gathered, found: _File, log: _Log, unit: Unit) -> None:
    """An exercise log's packed sets, "50.0x15,50.0x15", each a set on the log's line."""
    tokens = [t.strip() for t in log.packed.split(",") if t.strip()]
    if not log.name.strip():
        raise SkipRow("no exercise name")
    if not tokens:
        raise SkipRow("an exercise log with no sets")
    values = []
    for token in tokens:
        weight, _, reps = token.lower().partition("x")
        if not reps:
            raise SkipRow(f'unreadable set "{token}" (weight x reps)')
        values.append(checked(read_numbers(weight, reps), unit))
    session = _session(gathered, found, log)
    exercise = gathered.names(log.name)
    for number, value in enumerate(values, start=1):
        gathered.add_set(session, exercise, log.line, value, order=number)


def _add_set_row(gathered: Gathered, found: _File, log: _Log, row: Row, unit: Unit) -> None:
    """One EXERCISE SET LOGS row: its weight (weight_lbs in pounds, weight_kg in kg), reps,
    set type, and for cardio its time and distance."""
    set_type = row.cell("set_type")
    kind = KINDS.get(set_type.lower().replace("_", "-"))
    # a type this reader does not know is kept as a working set, its name kept beside it
    row_note = row.cell("notes") if kind is not None else f'JEFIT set type "{set_type}"'
    if kind is None:
        kind = SetKind.WORKING
    column, row_unit = _weight_column(row, unit)
    numbers = read_numbers(row.cell(column), row.cell("reps"), _seconds(row), row.cell("rpe"))
    distance = _distance(row)
    if numbers.reps is None and not numbers.seconds and distance is None:
        raise SkipRow("weight but no reps or time" if numbers.weight else "empty set")
    cardio = distance is not None or (numbers.reps is None and cardio_name(log.name))
    if cardio:
        numbers = cardio_numbers(numbers)
    value = checked(numbers, row_unit, distance)
    order = _set_index(row) + 1 if row.cell("set_index") else None
    session = _session(gathered, found, log)
    gathered.add_set(
        session, gathered.names(log.name), row.line, value,
        kind=kind, order=order, cardio=cardio, row_note=row_note,
    )  # fmt: skip


def _weight_column(row: Row, unit: Unit) -> tuple[str, Unit]:
    if "weight_lbs" in row.columns:
        return "weight_lbs", Unit.LB
    if "weight_kg" in row.columns:
        return "weight_kg", Unit.KG
    return "weight", unit


def _seconds(row: Row) -> str:
    for name in ("duration_seconds", "duration", "seconds", "time"):
        if row.cell(name):
            return row.cell(name)
    return ""


def _distance(row: Row) -> float | None:
    for name, metres in METRES.items():
        value = read_number(row.cell(name))
        if value:
            return round(value * metres, 3)
    return None


def _measurements(found: _File) -> list[MeasurementDraft]:
    """PROFILE's girths (0 means not measured), in centimetres; JEFIT does not say a side."""
    scale = CM_PER_INCH if found.inches else 1.0
    drafts = []
    for row in found.profile:
        day = _day(row.cell("mydate"))
        if day is None:
            continue
        for site in SITES:
            try:
                value = read_number(row.cell(site))
            except SkipRow:
                continue
            if value and 0 < value * scale <= 300:
                drafts.append(
                    MeasurementDraft(row.line, day, site, Side.BOTH, round(value * scale, 2))
                )
    return drafts
