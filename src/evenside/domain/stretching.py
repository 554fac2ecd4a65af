"""How a stretch is held after an exercise: ACSM's dose, one side at a time.

ACSM advises holding a static stretch 10-30 s (30-60 s for older adults) and repeating it
2-4 times. The hold belongs to each stretch; the repetitions are the person's setting,
1 to 4 (default 2). One-sided stretches alternate sides, the first side (the weaker one
when known) leading every repetition.
"""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.domain.sides import Side

MIN_REPETITIONS = 1
MAX_REPETITIONS = 4
DEFAULT_REPETITIONS = 2
SWITCH_SECONDS = 5  # to change side, or settle back in, between holds


@dataclass(frozen=True)
class Hold:
    side: Side  # BOTH for a stretch done on both sides at once
    repetition: int  # from 1
    seconds: int


def check_repetitions(repetitions: int) -> int:
    if not MIN_REPETITIONS <= repetitions <= MAX_REPETITIONS:
        raise InvalidInput(
            f"Repeat each stretch {MIN_REPETITIONS} to {MAX_REPETITIONS} times.",
            "stretch_repetitions",
        )
    return repetitions


def hold_sequence(hold_seconds: int, one_sided: bool, repetitions: int, first: Side) -> list[Hold]:
    """Every hold in the order to do them: L, R, L, R for two repetitions starting left."""
    if first is Side.BOTH:
        first = Side.LEFT
    sides = [first, first.opposite()] if one_sided else [Side.BOTH]
    return [
        Hold(side, repetition, hold_seconds)
        for repetition in range(1, repetitions + 1)
        for side in sides
    ]


def dose(hold_seconds: int, one_sided: bool, repetitions: int) -> str:
    """ "2 × 30 s per side", "3 × 20 s", "30 s per side" (one repetition)."""
    each = f"{hold_seconds} s" + (" per side" if one_sided else "")
    return each if repetitions == 1 else f"{repetitions} × {each}"
