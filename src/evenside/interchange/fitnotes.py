"""FitNotes exports: per-row units or units in the header, cardio rows, and rows whose
exercise name holds an unquoted comma (one field too many), repaired by column count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time

from evenside.domain.entry import set_problem
from evenside.domain.imports import ParsedImport, SessionDraft, SetDraft, Skipped, split_side
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import SharedFloats, number, weight_to_kg, whole
from evenside.interchange.strong import _sides

SESSION_HOUR = time(12, 0)  # FitNotes records a day, not a time


def looks_like(header: list[str]) -> bool:
    return (
        len(header) >= 4
        and header[0] == "Date"
        and header[1] == "Exercise"
        and header[2] == "Category"
    )


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    weight_header = header[3]
    fixed = {"Weight (kgs)": Unit.KG, "Weight (lbs)": Unit.LB}.get(weight_header)
    index = {name: i for i, name in enumerate(header)}
    sessions: dict[str, SessionDraft] = {}
    skipped: list[Skipped] = []
    shared = SharedFloats()
    names: dict[str, str] = {}
    read = 0
    for record in rows:
        read += 1
        fields = record.fields
        extra = len(fields) - len(header)
        if extra > 0:
            # An unquoted comma in the exercise name: join fields back until the count fits.
            fields = [fields[0], ",".join(fields[1 : 2 + extra]), *fields[2 + extra :]]
        if len(fields) == len(header) - 1 and "Comment" in index:
            fields = [*fields, ""]  # the comment column is optional on a row
        if len(fields) != len(header):
            skipped.append(
                Skipped(record.line, f"{len(record.fields)} fields, the header has {len(header)}")
            )
            continue

        def cell(name: str) -> str:
            i = index.get(name)
            return fields[i].strip() if i is not None else ""  # noqa: B023

        try:
            day = datetime.strptime(cell("Date"), "%Y-%m-%d").date()
        except ValueError:
            skipped.append(Skipped(record.line, f'unreadable date "{cell("Date")}"'))
            continue
        try:
            weight = number(fields[3])
            reps = whole(cell("Reps"))
        except ValueError as exc:
            skipped.append(Skipped(record.line, f'unreadable number "{exc}"'))
            continue
        if weight is None and reps is None:
            skipped.append(Skipped(record.line, "cardio row (distance or time only)"))
            continue
        unit = fixed
        if unit is None:
            unit = {"kgs": Unit.KG, "kg": Unit.KG, "lbs": Unit.LB, "lb": Unit.LB}.get(
                cell("Weight Unit").lower()
            )
            if unit is None:
                skipped.append(Skipped(record.line, f'unknown weight unit "{cell("Weight Unit")}"'))
                continue
        kg = None if weight is None else weight_to_kg(weight, unit)
        problem = set_problem(kg, reps)
        if problem is not None:
            skipped.append(Skipped(record.line, problem))
            continue
        name, side, unilateral = split_side(cell("Exercise"))
        name = names.setdefault(name, name)  # one string per exercise name
        key = f"fitnotes:{day.isoformat()}"
        session = sessions.get(key)
        if session is None:
            session = SessionDraft(
                key, datetime.combine(day, SESSION_HOUR), None, "FitNotes workout"
            )
            sessions[key] = session
        exercise = session.exercise(name, unilateral)
        comment = cell("Comment")
        if comment and comment not in exercise.notes:
            exercise.notes = (exercise.notes + "\n" + comment).strip()
        kg = shared(kg)
        for set_side in _sides(side, unilateral):
            exercise.sets.append(SetDraft(record.line, set_side, kg, reps))
    return ParsedImport(
        "fitnotes", read, sorted(sessions.values(), key=lambda s: s.started_at), skipped
    )
