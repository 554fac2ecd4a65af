"""Estimated one-repetition maximum (e1RM) from a set's weight and reps, or from RPE.

Estimates are given for 1 to 12 reps only: accuracy falls off beyond about 10 reps and
Brzycki's denominator reaches zero at 37. One rep gives the weight itself. The RPE table
covers 1 to 12 reps at RPE 6 to 10 in half steps and gives nothing beyond it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum

MAX_REPS_FOR_ESTIMATE = 12


class Formula(StrEnum):
    """Rep-based e1RM formulas. Brzycki is the default (Strong, Fitbod, wger, Flexify)."""

    BRZYCKI = "brzycki"
    EPLEY = "epley"
    LOMBARDI = "lombardi"
    MAYHEW = "mayhew"
    OCONNER = "oconner"
    WATHAN = "wathan"
    # The RTS table: a set with RPE or RIR through the table; a set without, as if to
    # failure (RPE 10), which is what every rep-based formula assumes too.
    RPE_TABLE = "rpe table"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Formula.BRZYCKI: "Brzycki",
    Formula.EPLEY: "Epley",
    Formula.LOMBARDI: "Lombardi",
    Formula.MAYHEW: "Mayhew",
    Formula.OCONNER: "O'Conner",
    Formula.WATHAN: "Wathan",
    Formula.RPE_TABLE: "RPE table",
}

_EQUATIONS: dict[Formula, Callable[[float, int], float]] = {
    Formula.BRZYCKI: lambda w, r: w * 36 / (37 - r),
    Formula.EPLEY: lambda w, r: w * (1 + r / 30),
    Formula.LOMBARDI: lambda w, r: w * r**0.10,
    Formula.MAYHEW: lambda w, r: 100 * w / (52.2 + 41.9 * math.exp(-0.055 * r)),
    Formula.OCONNER: lambda w, r: w * (1 + 0.025 * r),
    Formula.WATHAN: lambda w, r: 100 * w / (48.8 + 53.8 * math.exp(-0.075 * r)),
}


def estimate_one_rep_max(
    weight: float, reps: int, formula: Formula = Formula.BRZYCKI
) -> float | None:
    """e1RM for ``weight`` x ``reps``; ``None`` outside 1..12 reps or for a negative weight."""
    if weight < 0 or reps < 1 or reps > MAX_REPS_FOR_ESTIMATE:
        return None
    if reps == 1:
        return float(weight)
    if formula is Formula.RPE_TABLE:
        return estimate_from_rpe(weight, reps, MAX_RPE)
    return _EQUATIONS[formula](weight, reps)


# Fraction of 1RM for r reps at RPE p is _RPE_TABLE[2*(r-1) + 2*(10-p)] (RTS / Tuchscherer).
# The published chart stops at RPE 6.5; its last entry, .572 (12 reps at RPE 6), continues
# the sequence by one step (the steps there are .013-.014), so the table covers 12 x 6-10.
_RPE_TABLE = (
    1.000, .978, .955, .939, .922, .907, .892, .878, .863, .850,
    .837, .824, .811, .799, .786, .774, .762, .751, .739, .723,
    .707, .694, .680, .667, .653, .640, .626, .613, .599, .586,
    .572,
)  # fmt: skip
MIN_RPE = 6.0
MAX_RPE = 10.0


def rpe_fraction(reps: int, rpe: float) -> float | None:
    """Fraction of 1RM that ``reps`` at ``rpe`` represents, or ``None`` off the table
    (more than 12 reps, RPE outside 6-10 or not in half steps)."""
    if not 1 <= reps <= MAX_REPS_FOR_ESTIMATE or not MIN_RPE <= rpe <= MAX_RPE:
        return None
    if rpe * 2 != int(rpe * 2):
        return None
    return _RPE_TABLE[int(2 * (reps - 1) + 2 * (10 - rpe))]


def estimate_from_rpe(weight: float, reps: int, rpe: float) -> float | None:
    """e1RM from the RPE table: 100 kg x 5 at RPE 8 -> 123.3 kg."""
    fraction = rpe_fraction(reps, rpe)
    if fraction is None or weight < 0:
        return None
    return weight / fraction


def rpe_from_rir(rir: float) -> float:
    """Reps in reserve to RPE: RPE = 10 - RIR."""
    return 10.0 - rir


def rir_from_rpe(rpe: float) -> float:
    return 10.0 - rpe
