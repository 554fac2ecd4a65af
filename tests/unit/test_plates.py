"""Plate calculator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.errors import InvalidInput
from evenside.domain.plates import parse_plates, plates_per_side
from evenside.domain.profile import Settings

# A usual gym's kilogram plates, written out here rather than taken from the code.
KG_PLATES = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)


def test_a_new_profile_has_the_usual_kilogram_plates() -> None:
    assert Settings().plates_kg == (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)


def test_100_kg_on_a_20_kg_bar() -> None:
    # (100 - 20) / 2 = 40 kg a side: the largest plates first, 25 + 15.
    load = plates_per_side(100, 20, KG_PLATES)
    assert load.per_side == (25.0, 15.0)
    assert load.total == 100 and load.short_by == 0


def test_odd_target_gets_the_closest_load_below() -> None:
    load = plates_per_side(101, 20, KG_PLATES)
    assert load.total == pytest.approx(100)
    assert load.short_by == pytest.approx(1)  # 0.5 kg a side cannot be made from these plates


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
