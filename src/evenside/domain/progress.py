"""Progress over time: per-side series, rolling mean with a variability band, asymmetry
with its direction and a "within noise" flag, and whether the gap is closing."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from evenside.domain.asymmetry import noise_verdict, percentage_difference
from evenside.domain.sides import Side

ROLLING_SESSIONS = 5
TREND_WEEKS = 8
TREND_STEADY_POINTS_PER_WEEK = 0.25  # slower than this is "steady"


@dataclass(frozen=True)
class SidePoint:
    """One session's best per side (e1RM, reps or seconds)."""

    day: date
    left: float | None
    right: float | None


@dataclass(frozen=True)
class Band:
    """Rolling mean and standard deviation of one side, per point (None before enough data)."""

    mean: tuple[float | None, ...]
    spread: tuple[float | None, ...]


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
        spreads.append(statistics.stdev(recent))
    return Band(tuple(means), tuple(spreads))


@dataclass(frozen=True)
class AsymmetryPoint:
    day: date
    percent: float
    weaker: Side | None
    within_noise: bool | None  # None: not enough sessions to know the sides' variation


def asymmetry_series(
    points: Sequence[SidePoint], window: int = ROLLING_SESSIONS
) -> list[AsymmetryPoint]:
    """Asymmetry per session with both sides; "within noise" compares the gap between the
    sides' recent means with each side's own session-to-session spread."""
    result = []
    both = [p for p in points if p.left is not None and p.right is not None]
    for index, point in enumerate(both):
        assert point.left is not None and point.right is not None
        asymmetry = percentage_difference(point.left, point.right)
        if asymmetry is None:
            continue
        recent = both[max(0, index - window + 1) : index + 1]
        verdict = noise_verdict(
            [p.left for p in recent if p.left is not None],
            [p.right for p in recent if p.right is not None],
        )
        result.append(
            AsymmetryPoint(
                point.day,
                asymmetry.percent,
                asymmetry.weaker,
                None if verdict is None else verdict.within_noise,
            )
        )
    return result


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


def trend(series: Sequence[AsymmetryPoint], today: date, weeks: int = TREND_WEEKS) -> str:
    """ "closing", "widening" or "steady" over the last ``weeks``; "not enough data" else.

    The gap is signed by direction (left weaker positive), so a gap that flips sides counts
    as closing and then widening the other way, not as one number moving.
    """
    recent = [p for p in series if (today - p.day).days <= weeks * 7]
    signed = [(p.day, p.percent if p.weaker is not Side.RIGHT else -p.percent) for p in recent]
    slope = slope_per_week(signed)
    if slope is None or len(recent) < 3:
        return "not enough data"
    current_sign = 1 if signed[-1][1] >= 0 else -1
    change = slope * current_sign  # positive: the current gap is growing
    if abs(change) < TREND_STEADY_POINTS_PER_WEEK:
        return "steady"
    return "widening" if change > 0 else "closing"


@dataclass(frozen=True)
class CurrentAsymmetry:
    """The figure the overview sorts by: the mean of the last three sessions' per-side bests."""

    percent: float
    weaker: Side | None
    within_noise: bool | None


def current_asymmetry(points: Sequence[SidePoint], sessions: int = 3) -> CurrentAsymmetry | None:
    both = [p for p in points if p.left is not None and p.right is not None][-sessions:]
    if not both:
        return None
    left = statistics.fmean(p.left for p in both if p.left is not None)
    right = statistics.fmean(p.right for p in both if p.right is not None)
    asymmetry = percentage_difference(left, right)
    if asymmetry is None:
        return None
    window = [p for p in points if p.left is not None and p.right is not None][-ROLLING_SESSIONS:]
    verdict = noise_verdict(
        [p.left for p in window if p.left is not None],
        [p.right for p in window if p.right is not None],
    )
    return CurrentAsymmetry(
        asymmetry.percent, asymmetry.weaker, None if verdict is None else verdict.within_noise
    )
