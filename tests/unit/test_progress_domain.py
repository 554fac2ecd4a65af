"""Progress maths: rolling band, asymmetry series with the noise flag, trend, current gap."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

import pytest

from evenside.domain.progress import (
    SidePoint,
    asymmetry_series,
    current_asymmetry,
    rolling_band,
    slope_per_week,
    trend,
)
from evenside.domain.sides import Side

START = date(2026, 1, 5)


def _points(pairs: list[tuple[float, float]]) -> list[SidePoint]:
    return [
        SidePoint(START + timedelta(weeks=i), left, right) for i, (left, right) in enumerate(pairs)
    ]


def test_rolling_band_is_the_mean_and_sd_of_the_last_five() -> None:
    values = [10.0, 12.0, 11.0, 13.0, 14.0, 20.0]
    band = rolling_band(values)
    assert band.mean[0] is None  # one value has no spread
    assert band.mean[5] == pytest.approx(statistics.fmean(values[1:6]))
    assert band.spread[5] == pytest.approx(statistics.stdev(values[1:6]))


def test_asymmetry_series_direction_and_noise() -> None:
    series = asymmetry_series(_points([(80, 100), (81, 100), (80, 101), (100, 90)]))
    assert [round(p.percent, 1) for p in series] == [20.0, 19.0, 20.8, 10.0]
    assert [p.weaker for p in series] == [Side.LEFT, Side.LEFT, Side.LEFT, Side.RIGHT]
    assert series[0].within_noise is None  # one session: the variation is unknown
    assert series[2].within_noise is False  # a 20 % gap is far beyond a 1 kg wobble
    noisy = asymmetry_series(_points([(90, 100), (110, 95), (85, 105), (105, 100)]))
    assert noisy[-1].within_noise is True


def test_trend_closing_widening_steady() -> None:
    closing = asymmetry_series(_points([(80, 100), (84, 100), (88, 100), (92, 100)]))
    widening = asymmetry_series(_points([(100, 92), (100, 88), (100, 84), (100, 80)]))
    steady = asymmetry_series(_points([(90, 100), (90, 100), (90, 100)]))
    last = START + timedelta(weeks=3)
    assert trend(closing, last) == "closing"
    assert trend(widening, last) == "widening"
    assert trend(steady, last) == "steady"
    assert trend(closing[:2], last) == "not enough data"


def test_slope_per_week() -> None:
    points = [(START, 10.0), (START + timedelta(weeks=2), 6.0)]
    assert slope_per_week(points) == pytest.approx(-2.0)
    assert slope_per_week(points[:1]) is None


def test_current_asymmetry_averages_the_last_three_sessions() -> None:
    current = current_asymmetry(_points([(50, 100), (80, 100), (85, 100), (90, 100)]))
    assert current is not None
    assert current.percent == pytest.approx(15.0)
    assert current.weaker is Side.LEFT
    assert current_asymmetry([]) is None
