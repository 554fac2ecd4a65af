"""Asymmetry between the left and right side.

Raw per-side values are stored; the indices are derived. The default index is the
percentage difference (Bishop et al.): (stronger - weaker) / stronger * 100, with the
direction. Dividing by the weaker side inflates the figure and is deliberately not offered.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from evenside.domain.sides import Side

DEFAULT_NOTICE_PERCENT = 10.0
DEFAULT_WARNING_PERCENT = 15.0
RETURN_TO_SPORT_LSI = 90.0


@dataclass(frozen=True)
class Asymmetry:
    """A gap between sides: ``percent`` (percentage difference) and which side is weaker."""

    percent: float
    weaker: Side | None  # None when both sides are equal

    @property
    def lsi(self) -> float:
        """Limb Symmetry Index: weaker / stronger * 100 = 100 - percentage difference."""
        return 100.0 - self.percent

    def describe(self) -> str:
        if self.weaker is None:
            return "even"
        return f"{self.weaker.letter} weaker by {self.percent:.0f} %"


def percentage_difference(left: float, right: float) -> Asymmetry | None:
    """(stronger - weaker) / stronger * 100 with the weaker side; ``None`` if both are 0."""
    if left < 0 or right < 0:
        raise ValueError("per-side values cannot be negative")
    stronger = max(left, right)
    if stronger == 0:
        return None
    if left == right:
        return Asymmetry(0.0, None)
    weaker = Side.LEFT if left < right else Side.RIGHT
    return Asymmetry((stronger - min(left, right)) / stronger * 100.0, weaker)


def limb_symmetry_index(left: float, right: float) -> float | None:
    """weaker / stronger * 100 (involved / uninvolved); rehabilitation uses 90 % as a cut-off."""
    result = percentage_difference(left, right)
    return None if result is None else result.lsi


# Other indices from the literature, kept for reference and comparison screens.


def symmetry_index(left: float, right: float) -> float:
    """(R - L) / (0.5 (R + L)) * 100."""
    return (right - left) / (0.5 * (right + left)) * 100.0


def bilateral_asymmetry_index(dominant: float, non_dominant: float) -> float:
    """(D - ND) / (D + ND) * 100."""
    return (dominant - non_dominant) / (dominant + non_dominant) * 100.0


def symmetry_angle(left: float, right: float) -> float:
    """(45 - atan(L/R) in degrees) / 90 * 100."""
    return (45.0 - math.degrees(math.atan(left / right))) / 90.0 * 100.0


@dataclass(frozen=True)
class NoiseVerdict:
    """Whether a gap between sides is larger than each side's own session-to-session spread."""

    gap: float
    left_spread: float
    right_spread: float

    @property
    def within_noise(self) -> bool:
        return self.gap <= max(self.left_spread, self.right_spread)


def noise_verdict(left: Sequence[float], right: Sequence[float]) -> NoiseVerdict | None:
    """Compare the gap between the sides' means with each side's standard deviation.

    Needs at least two sessions per side; with fewer, the variation is unknown (``None``).
    A difference is meaningful only when it is larger than each side's own variation
    (Exell et al.), so the gap is "within noise" when it does not exceed the larger spread.
    """
    if len(left) < 2 or len(right) < 2:
        return None
    gap = abs(statistics.fmean(left) - statistics.fmean(right))
    return NoiseVerdict(gap, statistics.stdev(left), statistics.stdev(right))
