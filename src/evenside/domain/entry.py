"""Validating what the user types into the set entry. Invalid input stores nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit, format_weight, to_kg

MAX_WEIGHT_KG = 1000.0
MAX_REPS = 1000
MIN_ENTRY_RPE = 5.0
MAX_ENTRY_RPE = 10.0
MAX_DURATION_SECONDS = 3600


@dataclass(frozen=True)
class SetInput:
    """The raw text of one side's entry fields."""

    weight: str = ""
    reps: str = ""
    duration: str = ""
    rpe: str = ""
    rir: str = ""


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


def parse_set(
    entry: SetInput,
    *,
    side: Side,
    kind: SetKind,
    unit: Unit,
    load_basis: LoadBasis,
) -> SetRecord:
    """Turn one side's typed entry into a set to store, or raise ``InvalidInput``.

    Weight 0 to 1000 kg (or the same in lb); reps whole numbers 0 to 1000, 0 only for a
    failed attempt; RPE 5 to 10 in halves (or RIR 0 to 5); duration 1 s to 1 h.
    """
    timed = load_basis is LoadBasis.TIME
    limit = MAX_WEIGHT_KG if unit is Unit.KG else MAX_WEIGHT_KG / to_kg(1, Unit.LB)
    weight = _number(entry.weight, "weight", "Weight")
    if weight is not None and not 0 <= weight <= limit + 1e-9:
        raise InvalidInput(f"Weight must be 0 to {format_weight(MAX_WEIGHT_KG, unit)}.", "weight")
    reps = _parse_reps(entry.reps, kind)
    duration = parse_duration(entry.duration)
    if duration is not None and not 1 <= duration <= MAX_DURATION_SECONDS:
        raise InvalidInput("Time must be 1 s to 1 hour.", "duration")
    rpe, rir = _parse_effort(entry)
    if timed:
        if duration is None:
            raise InvalidInput("Enter how long you held it.", "duration")
    elif reps is None:
        raise InvalidInput("Enter the reps.", "reps")
    if weight is None and load_basis not in (LoadBasis.BODYWEIGHT_PLUS, LoadBasis.TIME):
        raise InvalidInput("Enter the weight.", "weight")
    return SetRecord(
        side=side,
        weight_kg=None if weight is None else to_kg(weight, unit),
        reps=reps,
        kind=kind,
        duration_seconds=duration,
        rpe=rpe,
        rir=rir,
    )
