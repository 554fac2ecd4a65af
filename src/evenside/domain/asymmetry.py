"""Asymmetry between the left and right side.

Raw per-side values are stored; the indices are derived. The default index is the
percentage difference (Bishop et al.): (stronger - weaker) / stronger * 100, with the
direction. Dividing by the weaker side inflates the figure and is deliberately not offered.
"""

from __future__ import annotations

import math
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
            return "no gap"
        if round(self.percent) == 0:
            return f"{self.weaker.letter} lower by less than 1 %"
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
