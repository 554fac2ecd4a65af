"""The spread behind the rolling band and the verdict's noise bound: the sample standard
deviation, exact to the last bit, computed in floats' integers instead of fractions."""

from __future__ import annotations

import random
import statistics

import pytest

from evenside.domain.progress import rolling_band, sample_stdev


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10.0, 12.0], 1.4142135623730951),  # two values: |a - b| / sqrt(2) = sqrt(2)
        ([1, 2, 3, 4], 1.2909944487358056),  # sqrt(5 / 3)
        ([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0], 2.138089935299395),  # sqrt(32 / 7)
        ([5.0, 5.0, 5.0], 0.0),  # no spread at all
        ([-3.0, 3.0], 4.242640687119285),  # sqrt(18)
    ],
)
def test_the_sample_standard_deviation_of_known_values(
    values: list[float], expected: float
) -> None:
    assert sample_stdev(values) == expected


def test_one_value_has_no_sample_spread() -> None:
    with pytest.raises(ValueError, match="at least two"):
        sample_stdev([4.0])


def test_it_matches_the_statistics_module_bit_for_bit() -> None:
    # Gaps in percent with every rounding a score can have, window sizes 2 to 6.
    rng = random.Random(17)
    for _ in range(20_000):
        size = rng.randint(2, 6)
        values = [round(rng.uniform(-40.0, 40.0), rng.choice((1, 2, 15))) for _ in range(size)]
        assert sample_stdev(values) == statistics.stdev(values), values


def test_the_rolling_band_spread_of_five_sessions() -> None:
    # e1RM 100, 102, 101, 103, 104: mean 102, squares 4 + 0 + 1 + 1 + 4 = 10, sd sqrt(10 / 4)
    band = rolling_band([100.0, 102.0, 101.0, 103.0, 104.0])
    assert band.mean[4] == 102.0
    assert band.spread[4] == 1.5811388300841898
    assert band.spread[0] is None  # one session: no band yet
