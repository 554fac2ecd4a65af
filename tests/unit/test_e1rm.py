"""e1RM formulas against DOMAIN.md's reference values (100 kg x 5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.e1rm import (
    Formula,
    estimate_from_rpe,
    estimate_one_rep_max,
    rir_from_rpe,
    rpe_fraction,
    rpe_from_rir,
)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (Formula.EPLEY, 116.7),
        (Formula.BRZYCKI, 112.5),
        (Formula.LOMBARDI, 117.5),
        (Formula.MAYHEW, 119.0),
        (Formula.OCONNER, 112.5),
        (Formula.WATHAN, 116.6),
    ],
)
def test_reference_values_for_100_kg_by_5(formula: Formula, expected: float) -> None:
    assert estimate_one_rep_max(100, 5, formula) == pytest.approx(expected, abs=0.05)


def test_brzycki_is_the_default() -> None:
    assert estimate_one_rep_max(100, 5) == pytest.approx(112.5)


@pytest.mark.parametrize("formula", list(Formula))
def test_one_rep_gives_the_weight(formula: Formula) -> None:
    assert estimate_one_rep_max(142.5, 1, formula) == 142.5


@pytest.mark.parametrize("reps", [0, 13, 20, 37, 40])
def test_no_estimate_outside_1_to_12_reps(reps: int) -> None:
    assert estimate_one_rep_max(100, reps) is None


def test_twelve_reps_still_estimates() -> None:
    # Brzycki: 60 * 36 / (37 - 12) = 2160 / 25 = 86.4
    assert estimate_one_rep_max(60, 12) == pytest.approx(86.4)


@given(
    weight=st.floats(min_value=1, max_value=500),
    reps=st.integers(min_value=1, max_value=11),
    formula=st.sampled_from(list(Formula)),
)
def test_more_reps_at_the_same_weight_never_lowers_the_estimate(
    weight: float, reps: int, formula: Formula
) -> None:
    low = estimate_one_rep_max(weight, reps, formula)
    high = estimate_one_rep_max(weight, reps + 1, formula)
    assert low is not None and high is not None
    assert high >= low >= weight


def test_rpe_table_reference_value() -> None:
    assert rpe_fraction(5, 8) == 0.811
    assert estimate_from_rpe(100, 5, 8) == pytest.approx(123.3, abs=0.05)


def test_rpe_table_corners() -> None:
    assert rpe_fraction(1, 10) == 1.0
    assert rpe_fraction(1, 9.5) == 0.978
    assert rpe_fraction(2, 10) == 0.955
    assert rpe_fraction(12, 6.5) == 0.586
    # The table runs to 12 reps x RPE 6: index 2 * 11 + 2 * 4 = 30, the last entry, .572.
    assert rpe_fraction(12, 6) == 0.572
    assert estimate_from_rpe(100, 12, 6) == pytest.approx(174.8, abs=0.05)  # 100 / .572


def test_rpe_table_matches_the_reference_sequence() -> None:
    # DOMAIN.md: fraction = seq[2 * (r - 1) + 2 * (10 - p)]; spot checks typed from it.
    assert rpe_fraction(8, 9.5) == 0.774  # index 14 + 1 = 15
    assert rpe_fraction(8, 7) == 0.707  # index 14 + 6 = 20
    assert rpe_fraction(10, 10) == 0.739  # index 18
    assert rpe_fraction(3, 6) == 0.811  # index 4 + 8 = 12, the same as 5 reps at RPE 8


def test_rpe_table_is_offered_as_a_formula() -> None:
    assert Formula.RPE_TABLE.label == "RPE table"
    # Without a logged effort the table reads the set as to failure (RPE 10): 5 reps -> .863.
    assert estimate_one_rep_max(100, 5, Formula.RPE_TABLE) == pytest.approx(100 / 0.863)


@pytest.mark.parametrize(
    ("reps", "rpe"), [(13, 10), (13, 6), (5, 5.5), (5, 10.5), (5, 8.25), (0, 8)]
)
def test_rpe_off_the_table_gives_no_estimate(reps: int, rpe: float) -> None:
    assert estimate_from_rpe(100, reps, rpe) is None


def test_rir_converts_to_rpe() -> None:
    assert rpe_from_rir(2) == 8
    assert rpe_from_rir(0) == 10
    assert rir_from_rpe(7.5) == 2.5
