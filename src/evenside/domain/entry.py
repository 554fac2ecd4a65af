"""Validating what the user types into the set entry. Invalid input stores nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeGuard

from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit, display_weight, to_kg, weight_limit_text

MAX_WEIGHT_KG = 1000.0
MAX_REPS = 1000
MIN_ENTRY_RPE = 5.0
MAX_ENTRY_RPE = 10.0
MAX_DURATION_SECONDS = 24 * 3600  # a day: long cardio from other apps, and any hold
MAX_BODY_CM = 300.0


@dataclass(frozen=True)
class SetInput:
    """The raw text of one side's entry fields."""

    weight: str = ""
    reps: str = ""
    duration: str = ""
    rpe: str = ""
    rir: str = ""
    # The stored weight the weight field was filled with (a pre-fill, or the set being
    # edited). While the field still shows it, that exact weight is kept: 22 kg shown as
    # "48.5" in pounds stays 22 kg, not 21.9991 kg.
    shown_kg: float | None = None


def decimal(text: str) -> float | None:
    """'5.0' -> 5.0, '22,5' -> 22.5 (a comma decimal), '' -> None; ValueError otherwise.

    Used for what people type and for what other apps export alike.
    """
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(text.strip()) from None
    if not math.isfinite(value):
        raise ValueError(text.strip())
    return value


def _number(text: str, field: str, label: str) -> float | None:
    try:
        return decimal(text)
    except ValueError:
        raise InvalidInput(f"{label} must be a number.", field) from None


def parse_duration(text: str) -> int | None:
    """Seconds from ``45``, ``1:30`` or ``0:01:30``."""
    cleaned = text.strip()
    if not cleaned:
        return None
    parts = cleaned.split(":")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise InvalidInput("Time must be seconds, or m:ss.", "duration") from None
    if len(numbers) > 3 or any(n < 0 or not math.isfinite(n) for n in numbers):
        raise InvalidInput("Time must be seconds, or m:ss.", "duration")
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return round(seconds)


def _parse_reps(text: str, kind: SetKind) -> int | None:
    value = _number(text, "reps", "Reps")
    if value is None:
        return None
    if value != int(value):
        raise InvalidInput("Reps must be a whole number.", "reps")
    reps = int(value)
    if not 0 <= reps <= MAX_REPS:
        raise InvalidInput(f"Reps must be 0 to {MAX_REPS}.", "reps")
    if reps == 0 and kind is not SetKind.FAILURE:
        raise InvalidInput("0 reps is only for a failed attempt (set kind: failure).", "reps")
    return reps


def _half_steps(value: float) -> bool:
    return value * 2 == int(value * 2)


def _parse_effort(entry: SetInput) -> tuple[float | None, float | None]:
    rpe = _number(entry.rpe, "rpe", "RPE")
    if rpe is not None and (not MIN_ENTRY_RPE <= rpe <= MAX_ENTRY_RPE or not _half_steps(rpe)):
        raise InvalidInput("RPE must be 5 to 10 in halves (e.g. 7.5).", "rpe")
    rir = _number(entry.rir, "rir", "RIR")
    if rir is not None and (not 0 <= rir <= 10 - MIN_ENTRY_RPE or not _half_steps(rir)):
        raise InvalidInput("RIR must be 0 to 5 in halves.", "rir")
    if rpe is not None and rir is not None and rpe != 10 - rir:
        raise InvalidInput("Give RPE or RIR, not two that disagree.", "rir")
    return rpe, rir


def _weight_kg(weight: float, unit: Unit, shown_kg: float | None) -> float:
    if shown_kg is not None and abs(display_weight(shown_kg, unit) - weight) < 1e-9:
        return shown_kg
    # The form allows the lb limit to round a hair over 1000 kg; store the limit itself.
    return min(to_kg(weight, unit), MAX_WEIGHT_KG)


def parse_set(
    entry: SetInput,
    *,
    side: Side,
    kind: SetKind,
    unit: Unit,
    load_basis: LoadBasis,
    reps_or_time: bool = False,
) -> SetRecord:
    """Turn one side's typed entry into a set to store, or raise ``InvalidInput``.

    Weight 0 to 1000 kg (or the same in lb); reps whole numbers 0 to 1000, 0 only for a
    failed attempt; RPE 5 to 10 in halves (or RIR 0 to 5); duration 1 s to 24 h. With
    ``reps_or_time`` (contralateral work) a time held stands in for the reps.
    """
    timed = load_basis is LoadBasis.TIME
    limit = MAX_WEIGHT_KG if unit is Unit.KG else MAX_WEIGHT_KG / to_kg(1, Unit.LB)
    weight = _number(entry.weight, "weight", "Weight")
    if weight is not None and not 0 <= weight <= limit + 1e-9:
        raise InvalidInput(
            f"Weight must be 0 to {weight_limit_text(MAX_WEIGHT_KG, unit)}.", "weight"
        )
    reps = _parse_reps(entry.reps, kind)
    duration = parse_duration(entry.duration)
    if duration is not None and not 1 <= duration <= MAX_DURATION_SECONDS:
        raise InvalidInput("Time must be 1 s to 24 hours.", "duration")
    rpe, rir = _parse_effort(entry)
    if timed:
        if duration is None:
            raise InvalidInput("Enter how long you held it.", "duration")
    elif reps_or_time and reps is None and duration is None:
        raise InvalidInput("Enter the reps, or how long you held it.", "reps")
    elif reps is None and not reps_or_time:
        raise InvalidInput("Enter the reps.", "reps")
    if weight is None and load_basis not in (LoadBasis.BODYWEIGHT_PLUS, LoadBasis.TIME):
        raise InvalidInput("Enter the weight.", "weight")
    return SetRecord(
        side=side,
        weight_kg=None if weight is None else _weight_kg(weight, unit, entry.shown_kg),
        reps=reps,
        kind=kind,
        duration_seconds=duration,
        rpe=rpe,
        rir=rir,
    )


def _finite(value: object) -> TypeGuard[float]:
    """A real, finite number (a bool or a string is not one)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _whole_problem(value: object, low: int, high: int, label: str, unit: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        return f"{label} must be whole {unit}"
    return None if low <= value <= high else f"{label} must be {low} to {high} {unit}"


def _range_problem(value: object, low: float, high: float, label: str, halves: bool) -> str | None:
    if value is None:
        return None
    if not _finite(value):
        return f"{label} is not a number"
    # Exactly the schema's BETWEEN: no tolerance, or a value the gate passed would fail there.
    if not low <= value <= high or (halves and not _half_steps(value)):
        return f"{label} must be {low:g} to {high:g}" + (" in halves" if halves else "")
    return None


def set_problem(
    weight_kg: object,
    reps: object,
    duration_seconds: object = None,
    rpe: object = None,
    rir: object = None,
) -> str | None:
    """Why a set's values cannot be stored, or None when they can.

    The one gate every write passes (the entry form, the command line, imports, undo and
    restore of rows), and the rule the schema's CHECK constraints repeat: finite numbers,
    weight 0 to 1000 kg, whole reps 0 to 1000, a time of 1 s to 24 h, RPE 5 to 10 and RIR 0
    to 5 in halves. Completeness (a weight for a loaded lift, reps for a rep set) is the
    entry form's business; what is stored here only has to be true to what was logged.
    """
    problems = (
        _range_problem(weight_kg, 0.0, MAX_WEIGHT_KG, "the weight (kg)", halves=False),
        _whole_problem(reps, 0, MAX_REPS, "reps", "reps"),
        _whole_problem(duration_seconds, 1, MAX_DURATION_SECONDS, "the time", "seconds"),
        _range_problem(rpe, MIN_ENTRY_RPE, MAX_ENTRY_RPE, "RPE", halves=True),
        _range_problem(rir, 0.0, 10 - MIN_ENTRY_RPE, "RIR", halves=True),
    )
    return next((problem for problem in problems if problem is not None), None)


def check_set(record: SetRecord) -> SetRecord:
    """``record`` unchanged if it may be stored; ``InvalidInput`` naming the problem if not."""
    problem = set_problem(
        record.weight_kg, record.reps, record.duration_seconds, record.rpe, record.rir
    )
    if problem is not None:
        raise InvalidInput(f"Not saved: {problem}.")
    if not isinstance(record.side, Side) or not isinstance(record.kind, SetKind):
        raise InvalidInput("Not saved: the side or set kind is not one Evenside knows.")
    return record


def check_measurement_cm(value_cm: object) -> float:
    """A body measurement in cm that may be stored (finite, above 0, at most 300 cm)."""
    if not _finite(value_cm):
        raise InvalidInput("Not saved: the measurement is not a number.", "value")
    if not 0 < value_cm <= MAX_BODY_CM:
        raise InvalidInput(
            f"Not saved: a measurement must be above 0 and at most {MAX_BODY_CM:g} cm.", "value"
        )
    return float(value_cm)
