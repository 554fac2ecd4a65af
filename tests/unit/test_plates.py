"""Plate calculator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.errors import InvalidInput
from evenside.domain.plates import parse_plates, plates_per_side
from evenside.domain.profile import DEFAULT_PLATES_KG

KG_PLATES = DEFAULT_PLATES_KG


def test_100_kg_on_a_20_kg_bar() -> None:
    load = plates_per_side(100, 20, KG_PLATES)
    assert load.per_side == (25.0, 15.0)
    assert load.total == 100 and load.short_by == 0


def test_odd_target_gets_the_closest_load_below() -> None:
    load = plates_per_side(101, 20, KG_PLATES)
    assert load.total == pytest.approx(100)
    assert load.short_by == pytest.approx(1)


def test_225_lb_is_two_45s_per_side() -> None:
    assert plates_per_side(225, 45, (45, 35, 25, 10, 5, 2.5)).per_side == (45, 45)


def test_refusals() -> None:
    with pytest.raises(InvalidInput):
        plates_per_side(10, 20, KG_PLATES)
    with pytest.raises(InvalidInput):
        parse_plates("20, heavy")
    assert parse_plates("1.25; 20,10 , 20") == (20.0, 10.0, 1.25)


@given(st.integers(min_value=0, max_value=400).map(lambda n: 20 + n * 2.5))
def test_every_multiple_of_2_5_kg_loads_exactly(target: float) -> None:
    load = plates_per_side(target, 20, KG_PLATES)
    assert load.total == pytest.approx(target)
