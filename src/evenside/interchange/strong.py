"""Strong exports: comma-separated (three vintages, English, German, French), semicolon with
per-row units, and the fully quoted semicolon layout with units in the header."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import datetime, timedelta

from evenside.domain.entry import set_problem
from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport, SessionDraft, SetDraft, Skipped, split_side
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import (
    SharedFloats,
    ZoneCheck,
    iso_time,
    number,
    strong_duration,
    weight_to_kg,
    whole,
)


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


def parse(header: list[str], rows: Iterator[Record], unit: Unit | None) -> ParsedImport:
    found = columns(header)
    fixed_unit = header_unit(header)
    has_unit_column = "weight_unit" in found
    if fixed_unit is None and not has_unit_column and unit is None:
        raise InvalidInput(
            "This Strong export does not say kg or lb: choose the unit (--unit kg or --unit lb).",
            "unit",
        )
    sessions: dict[str, SessionDraft] = {}
    skipped: list[Skipped] = []
    shared = SharedFloats()
    names: dict[str, str] = {}
    times = ZoneCheck()
    read = 0

    def cell(record: Record, name: str) -> str:
        index = found.get(name)
        return (
            record.fields[index].strip() if index is not None and index < len(record.fields) else ""
        )

    for record in rows:
        read += 1
        if len(record.fields) < len(header) - 3:
            skipped.append(
                Skipped(record.line, f"{len(record.fields)} fields, the header has {len(header)}")
            )
            continue
        order = cell(record, "set_order")
        marker = order.lower()
        if marker in REST:
            skipped.append(Skipped(record.line, "rest timer row, not a set"))
            continue
        if marker in NOTE:
            skipped.append(Skipped(record.line, "note row, not a set"))
            continue
        try:
            started = times.naive(iso_time(cell(record, "date")), record.line)
        except ValueError:
            skipped.append(Skipped(record.line, f'unreadable date "{cell(record, "date")}"'))
            continue
        kind = SetKind.WORKING
        if marker in WARM_UP:
            kind = SetKind.WARM_UP
        elif marker in DROP:
            kind = SetKind.DROP
        elif marker in FAILURE:
            kind = SetKind.FAILURE
        elif not marker.replace(".0", "").isdigit():
            skipped.append(Skipped(record.line, f'unknown set order "{order}"'))
            continue
        try:
            weight = number(cell(record, "weight"))
            reps = whole(cell(record, "reps"))
            seconds = number(cell(record, "seconds"))
            rpe = number(cell(record, "rpe"))
            row_unit = _unit(cell(record, "weight_unit")) if has_unit_column else None
            duration = strong_duration(cell(record, "duration"))
        except ValueError as exc:
            skipped.append(Skipped(record.line, f'unreadable number "{exc}"'))
            continue
        if reps is None and not seconds:
            reason = "no reps or time (cardio or empty set)" if not weight else "weight but no reps"
            skipped.append(Skipped(record.line, reason))
            continue
        row_unit = row_unit or fixed_unit or unit or Unit.KG
        kg = None if weight is None else weight_to_kg(weight, row_unit)
        timed = int(seconds) if seconds else None
        name, side, unilateral = split_side(cell(record, "exercise"))
        name = names.setdefault(name, name)  # one string per exercise name
        problem = set_problem(kg, reps, timed, rpe) or _end_problem(started, duration)
        if not name:
            problem = "no exercise name"
        if problem is not None:
            skipped.append(Skipped(record.line, problem))
            continue
        workout = cell(record, "workout") or "Workout"
        key = f"strong:{started.isoformat()}:{workout}"
        session = sessions.get(key)
        if session is None:
            ended = None if duration is None else started + timedelta(seconds=duration)
            session = SessionDraft(key, started, ended, workout, cell(record, "workout_notes"))
            sessions[key] = session
        exercise = session.exercise(name, unilateral)
        notes = cell(record, "notes")
        if notes and notes not in exercise.notes:
            exercise.notes = (exercise.notes + "\n" + notes).strip()
        kg = shared(kg)
        rpe = shared(rpe)
        for set_side in _sides(side, unilateral):
            exercise.sets.append(SetDraft(record.line, set_side, kg, reps, kind, timed, rpe))
    ordered = sorted(sessions.values(), key=lambda s: s.started_at)
    note = (
        "" if fixed_unit or has_unit_column else f"weights read as {unit.value if unit else 'kg'}"
    )
    return ParsedImport("strong", read, ordered, skipped, note)


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


def _sides(side: Side | None, unilateral: bool) -> list[Side]:
    """A side suffix names the side; an 'each side' set becomes a left and a right set."""
    if side is not None:
        return [side]
    return [Side.LEFT, Side.RIGHT] if unilateral else [Side.BOTH]
