"""Hevy exports: kg or lb files, set types, superset ids, 24- and 12-hour dates, newest first."""

from __future__ import annotations

from collections.abc import Iterator

from evenside.domain.entry import set_problem
from evenside.domain.imports import ParsedImport, SessionDraft, SetDraft, Skipped, split_side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import SharedFloats, hevy_time, number, weight_to_kg, whole
from evenside.interchange.strong import _sides

KINDS = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARM_UP,
    "failure": SetKind.FAILURE,
    "dropset": SetKind.DROP,
}


def looks_like(header: list[str]) -> bool:
    return {"title", "start_time", "exercise_title", "set_type"} <= set(header)


def parse(header: list[str], rows: Iterator[Record]) -> ParsedImport:
    index = {name: i for i, name in enumerate(header)}
    unit = Unit.LB if "weight_lbs" in index else Unit.KG
    weight_column = "weight_lbs" if unit is Unit.LB else "weight_kg"
    sessions: dict[str, SessionDraft] = {}
    skipped: list[Skipped] = []
    shared = SharedFloats()
    names: dict[str, str] = {}
    read = 0

    def cell(record: Record, name: str) -> str:
        i = index.get(name)
        return record.fields[i].strip() if i is not None and i < len(record.fields) else ""

    for record in rows:
        read += 1
        if len(record.fields) != len(header):
            skipped.append(
                Skipped(record.line, f"{len(record.fields)} fields, the header has {len(header)}")
            )
            continue
        try:
            started = hevy_time(cell(record, "start_time"))
            ended_text = cell(record, "end_time")
            ended = hevy_time(ended_text) if ended_text else None
        except ValueError:
            skipped.append(Skipped(record.line, f'unreadable time "{cell(record, "start_time")}"'))
            continue
        kind = KINDS.get(cell(record, "set_type").lower())
        if kind is None:
            skipped.append(Skipped(record.line, f'unknown set type "{cell(record, "set_type")}"'))
            continue
        try:
            weight = number(cell(record, weight_column))
            reps = whole(cell(record, "reps"))
            seconds = number(cell(record, "duration_seconds"))
            rpe = number(cell(record, "rpe"))
        except ValueError as exc:
            skipped.append(Skipped(record.line, f'unreadable number "{exc}"'))
            continue
        distance = cell(record, "distance_km") or cell(record, "distance_miles")
        if reps is None and (not seconds or distance):
            skipped.append(Skipped(record.line, "cardio or empty set (no reps)"))
            continue
        kg = None if weight is None else weight_to_kg(weight, unit)
        timed = int(seconds) if seconds else None
        problem = set_problem(kg, reps, timed, rpe)
        if problem is not None:
            skipped.append(Skipped(record.line, problem))
            continue
        name, side, unilateral = split_side(cell(record, "exercise_title"))
        name = names.setdefault(name, name)  # one string per exercise name
        title = cell(record, "title") or "Workout"
        key = f"hevy:{started.isoformat()}:{title}"
        session = sessions.get(key)
        if session is None:
            session = SessionDraft(key, started, ended, title, cell(record, "description"))
            sessions[key] = session
        exercise = session.exercise(name, unilateral)
        extra = [cell(record, "exercise_notes")]
        superset = cell(record, "superset_id")
        if superset:
            extra.append(f"Superset {superset}")
        for note in extra:
            if note and note not in exercise.notes:
                exercise.notes = (exercise.notes + "\n" + note).strip()
        kg = shared(kg)
        rpe = shared(rpe)
        for set_side in _sides(side, unilateral):
            exercise.sets.append(SetDraft(record.line, set_side, kg, reps, kind, timed, rpe))
    ordered = sorted(sessions.values(), key=lambda s: s.started_at)  # files list newest first
    return ParsedImport("hevy", read, ordered, skipped)
