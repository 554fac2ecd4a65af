"""kg and lb: weights typed in pounds read back exactly as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.units import Unit, format_weight, from_kg, to_kg


@pytest.mark.parametrize("pounds", [2.5, 22.5, 135, 45, 315, 0.5, 1000])
def test_pounds_read_back_exactly(pounds: float) -> None:
    assert from_kg(to_kg(pounds, Unit.LB), Unit.LB) == pounds


def test_135_lb_in_kg() -> None:
    assert to_kg(135, Unit.LB) == pytest.approx(61.2349, abs=1e-4)
    assert format_weight(to_kg(135, Unit.LB), Unit.LB) == "135 lb"
    assert format_weight(61.23, Unit.KG) == "61.23 kg"
    assert format_weight(20, Unit.KG, with_unit=False) == "20"


@given(st.decimals(min_value=0, max_value=2205, places=2))
def test_any_two_decimal_entry_round_trips(value: Decimal) -> None:
    for unit in Unit:
        assert from_kg(to_kg(float(value), unit), unit) == float(value)
