"""Progress over time: per-side series, rolling mean with a variability band, and the
shapes of asymmetry points. Whether a gap is beyond noise is the weak-side verdict's call
(domain/verdict.py), made on paired per-session differences."""

from __future__ import annotations

import math
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from evenside.domain.sides import Side

ROLLING_SESSIONS = 5


@dataclass(frozen=True)
class SidePoint:
    """One session's best per side (e1RM, reps or seconds)."""

    day: date
    left: float | None
    right: float | None
    both: float | None = None  # a bilateral lift: one neutral series, never a side


@dataclass(frozen=True)
class Band:
    """Rolling mean and standard deviation of one side, per point (None before enough data)."""

    mean: tuple[float | None, ...]
    spread: tuple[float | None, ...]


def sample_stdev(values: Sequence[float]) -> float:
    """The sample standard deviation (n - 1) of two or more values: the square root of the
    exact variance, correctly rounded, which is what ``statistics.stdev`` returns, bit for
    bit, but in integers instead of fractions (several times faster). Every float is an
    integer over a power of two; over the largest of those powers the exact variance is
    one integer over another, and its square root is rounded once (round-to-odd on an
    integer square root with spare bits, as the statistics module does)."""
    n = len(values)
    if n < 2:
        raise ValueError("the sample standard deviation needs at least two values")
    ratios = [value.as_integer_ratio() for value in values]
    shift = max(denominator.bit_length() for _, denominator in ratios) - 1
    scaled = [numerator << (shift + 1 - d.bit_length()) for numerator, d in ratios]
    total = sum(scaled)
    numerator = n * sum(a * a for a in scaled) - total * total
    denominator = (n * (n - 1)) << (2 * shift)
    return _sqrt_of_fraction(numerator, denominator)


_SQRT_BITS = 2 * sys.float_info.mant_dig + 3


def _sqrt_of_fraction(n: int, m: int) -> float:
    """The square root of n / m (n >= 0, m > 0) as the nearest float."""
    q = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        root = _isqrt_round_to_odd(n, m << 2 * q) << q
        return root / 1
    return _isqrt_round_to_odd(n << -2 * q, m) / (1 << -q)


def _isqrt_round_to_odd(n: int, m: int) -> int:
    root = math.isqrt(n // m)
    return root | (root * root * m != n)


def rolling_band(values: Sequence[float | None], window: int = ROLLING_SESSIONS) -> Band:
    means: list[float | None] = []
    spreads: list[float | None] = []
    for index in range(len(values)):
        recent = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        if values[index] is None or len(recent) < 2:
            means.append(None)
            spreads.append(None)
            continue
        means.append(statistics.fmean(recent))
        spreads.append(sample_stdev(recent))
    return Band(tuple(means), tuple(spreads))


@dataclass(frozen=True)
class AsymmetryPoint:
    day: date
    percent: float
    weaker: Side | None
    within_noise: bool | None  # None: not enough sessions to know the sides' variation


def slope_per_week(points: Sequence[tuple[date, float]]) -> float | None:
    """Least-squares slope in units per week; None with fewer than two distinct days."""
    if len({d for d, _ in points}) < 2:
        return None
    origin = min(d for d, _ in points)
    xs = [(d - origin).days / 7 for d, _ in points]
    ys = [v for _, v in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    denominator = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / denominator


@dataclass(frozen=True)
class CurrentAsymmetry:
    """The figure the overview sorts by: the verdict's mean gap; ``weaker`` only when the
    verdict names a weaker side."""

    percent: float
    weaker: Side | None
    within_noise: bool | None
