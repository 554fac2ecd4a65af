"""Asymmetry indices against DOMAIN.md's example (L = 80, R = 100)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.asymmetry import (
    bilateral_asymmetry_index,
    limb_symmetry_index,
    percentage_difference,
    symmetry_angle,
    symmetry_index,
)
from evenside.domain.sides import Side


def test_percentage_difference_with_direction() -> None:
    result = percentage_difference(80, 100)
    assert result is not None
    assert result.percent == pytest.approx(20.0)
    assert result.weaker is Side.LEFT
    assert result.describe() == "L weaker by 20 %"


def test_right_weaker() -> None:
    result = percentage_difference(100, 80)
    assert result is not None and result.weaker is Side.RIGHT


def test_lsi_is_100_minus_percentage_difference() -> None:
    assert limb_symmetry_index(80, 100) == pytest.approx(80.0)


def test_does_not_divide_by_the_weaker_side() -> None:
    # |L - R| / min(L, R) would say 25 %; the percentage difference says 20 %.
    result = percentage_difference(80, 100)
    assert result is not None and result.percent != pytest.approx(25.0)


def test_reference_only_indices() -> None:
    assert symmetry_index(80, 100) == pytest.approx(22.2, abs=0.05)
    assert bilateral_asymmetry_index(100, 80) == pytest.approx(11.1, abs=0.05)
    assert symmetry_angle(80, 100) == pytest.approx(7.0, abs=0.05)


def test_equal_and_empty_sides() -> None:
    even = percentage_difference(50, 50)
    assert even is not None and even.percent == 0 and even.weaker is None
    assert percentage_difference(0, 0) is None


@given(st.floats(0.1, 1000), st.floats(0.1, 1000))
def test_percentage_difference_is_symmetric_and_bounded(left: float, right: float) -> None:
    a = percentage_difference(left, right)
    b = percentage_difference(right, left)
    assert a is not None and b is not None
    assert a.percent == pytest.approx(b.percent)
    assert 0 <= a.percent < 100
    assert a.lsi == pytest.approx(100 - a.percent)
