"""Progress maths: rolling band and slope. The asymmetry series, its noise flag and the
trend come from the weak-side verdict (tests/unit/test_verdict.py)."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

import pytest

from evenside.domain.progress import rolling_band, slope_per_week

START = date(2026, 1, 5)


def test_rolling_band_is_the_mean_and_sd_of_the_last_five() -> None:
    values = [10.0, 12.0, 11.0, 13.0, 14.0, 20.0]
    band = rolling_band(values)
    assert band.mean[0] is None  # one value has no spread
    assert band.mean[5] == pytest.approx(statistics.fmean(values[1:6]))
    assert band.spread[5] == pytest.approx(statistics.stdev(values[1:6]))


def test_slope_per_week() -> None:
    points = [(START, 10.0), (START + timedelta(weeks=2), 6.0)]
    assert slope_per_week(points) == pytest.approx(-2.0)
    assert slope_per_week(points[:1]) is None
