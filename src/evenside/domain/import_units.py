"""Whether an import's weights look like they were read in the wrong unit.

Pound lifters load bars in plate steps: 45, 95, 135, 185, 225, 275, 315, 365, 405 lb.
Read as kilograms those numbers are still round, and they are common; read correctly as
pounds they become odd kilogram figures (135 lb = 61.23 kg). So when many weighted rows
read as kilograms sit exactly on those numbers, or the loads are implausible for
kilograms, the file is most likely in pounds.
"""

from __future__ import annotations

from statistics import median

from evenside.domain.imports import ParsedImport

LB_PLATE_LOADS = frozenset({45.0, 95.0, 135.0, 185.0, 225.0, 275.0, 315.0, 365.0, 405.0, 495.0})
SHARE = 0.25  # this share of weighted rows on pound plate loads (and at least MIN_ROWS)
MIN_ROWS = 4
IMPLAUSIBLE_MEDIAN_KG = 150.0  # a typical working set this heavy is rarely kilograms


def weights_as_read(parsed: ParsedImport) -> list[float]:
    return [
        s.weight_kg
        for session in parsed.sessions
        for exercise in session.exercises
        if not exercise.cardio
        for s in exercise.sets
        if s.weight_kg
    ]


def looks_like_pounds(weights_kg: list[float]) -> str:
    """Why weights read as kilograms look like pounds; "" when they do not."""
    if not weights_kg:
        return ""
    on_plates = sum(1 for w in weights_kg if round(w, 6) in LB_PLATE_LOADS)
    if on_plates >= MIN_ROWS and on_plates >= SHARE * len(weights_kg):
        return (
            f"{on_plates} of {len(weights_kg)} weights are pound plate loads (45, 135, 225, 315…)"
        )
    typical = median(weights_kg)
    if typical > IMPLAUSIBLE_MEDIAN_KG:
        return f"a typical weight of {typical:g} kg is implausible"
    return ""


def unit_warning(parsed: ParsedImport, read_as: str | None) -> str:
    """A warning when the file was read as kilograms but looks like pounds."""
    if read_as != "kg":
        return ""
    why = looks_like_pounds(weights_as_read(parsed))
    if not why:
        return ""
    return f"The weights were read as kg, but they look like pounds: {why}."
