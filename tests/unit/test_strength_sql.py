"""Per-set strength worked out by the database (for bests aggregated in SQL) equals the
rules of DOMAIN.md: every e1RM formula the settings offer, to the last bit of the float
the Python formula gives."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import Float, Integer, create_engine, literal, select

from evenside.domain.e1rm import Formula, estimate_one_rep_max
from evenside.domain.library import LoadBasis
from evenside.storage import strength_sql

# 100 kg x 5 by hand from each formula (DOMAIN.md).
BY_HAND = {
    Formula.BRZYCKI: 112.5,  # 100 * 36 / 32
    Formula.EPLEY: 116.6667,  # 100 * (1 + 5/30)
    Formula.LOMBARDI: 117.4619,  # 100 * 5 ** 0.1
    Formula.MAYHEW: 119.0106,  # 100 * 100 / (52.2 + 41.9 * e^-0.275)
    Formula.OCONNER: 112.5,  # 100 * (1 + 0.125)
    Formula.WATHAN: 116.5826,  # 100 * 100 / (48.8 + 53.8 * e^-0.375)
    Formula.RPE_TABLE: 115.8749,  # 100 / .863 (5 reps at RPE 10)
}


@pytest.fixture(scope="module")
def connection():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def _sql(connection, weight, reps, formula, basis=LoadBasis.TOTAL, seconds=None):  # type: ignore[no-untyped-def]
    expression = strength_sql.strength(
        literal(weight, Float), literal(reps, Integer), literal(seconds, Integer), basis, formula
    )
    return connection.execute(select(expression)).scalar_one()


@pytest.mark.parametrize("formula", list(Formula))
def test_100_kg_for_5_by_every_formula(connection, formula: Formula) -> None:  # type: ignore[no-untyped-def]
    assert _sql(connection, 100.0, 5, formula) == pytest.approx(BY_HAND[formula], abs=1e-4)


@pytest.mark.parametrize("formula", list(Formula))
def test_every_weight_and_rep_count_gives_the_python_float_exactly(connection, formula) -> None:  # type: ignore[no-untyped-def]
    weights = [0.0, 1.25, 2.5, 17.5, 20.0, 22.68, 61.23, 100.0, 142.5, 997.9]
    for weight, reps in itertools.product(weights, range(0, 14)):
        expected = estimate_one_rep_max(weight, reps, formula) if reps else None
        assert _sql(connection, weight, reps, formula) == expected, (weight, reps)


def test_one_rep_is_the_weight_and_past_12_reps_there_is_no_estimate(connection) -> None:  # type: ignore[no-untyped-def]
    assert _sql(connection, 80.0, 1, Formula.MAYHEW) == 80.0
    assert _sql(connection, 80.0, 13, Formula.BRZYCKI) is None
    assert _sql(connection, None, 5, Formula.BRZYCKI) == 0.0  # bodyweight alone: 0 kg


def test_bodyweight_work_counts_reps_and_holds_count_seconds(connection) -> None:  # type: ignore[no-untyped-def]
    assert _sql(connection, 10.0, 15, Formula.BRZYCKI, LoadBasis.BODYWEIGHT_PLUS) == 15.0
    assert _sql(connection, 0.0, 0, Formula.BRZYCKI, LoadBasis.BODYWEIGHT_PLUS) is None
    assert _sql(connection, None, None, Formula.EPLEY, LoadBasis.TIME, seconds=45) == 45.0
