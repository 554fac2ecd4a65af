"""What "stronger" means for one set (``domain.summary.strength``), as an SQL expression, so
per-session and per-side bests are aggregated by the database instead of by reading every
set. Every e1RM formula the settings offer is here and gives the Python formula's float
exactly: the per-rep constants (``r ** 0.10``, Mayhew's and Wathan's denominators, the RPE
table's fractions) are worked out by Python and sent as bound parameters, never as decimal
text, and every expression keeps the Python formula's order of operations."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from sqlalchemy import Float, case, cast, func, literal, null
from sqlalchemy.sql.elements import ColumnElement

from evenside.domain.e1rm import MAX_REPS_FOR_ESTIMATE, MAX_RPE, Formula, rpe_fraction
from evenside.domain.library import LoadBasis


def _constant(value: float) -> ColumnElement[float]:
    return literal(value, Float)


_MAKERS: dict[Formula, Callable[[ColumnElement[Any], int], ColumnElement[Any]]] = {
    # w * 36 / (37 - r)
    Formula.BRZYCKI: lambda w, r: w * _constant(36.0) / _constant(float(37 - r)),
    # w * (1 + r / 30)
    Formula.EPLEY: lambda w, r: w * _constant(1 + r / 30),
    # w * r ** 0.10
    Formula.LOMBARDI: lambda w, r: w * _constant(r**0.10),
    # 100 * w / (52.2 + 41.9 * exp(-0.055 * r))
    Formula.MAYHEW: lambda w, r: (
        _constant(100.0) * w / _constant(52.2 + 41.9 * math.exp(-0.055 * r))
    ),
    # w * (1 + 0.025 * r)
    Formula.OCONNER: lambda w, r: w * _constant(1 + 0.025 * r),
    # 100 * w / (48.8 + 53.8 * exp(-0.075 * r))
    Formula.WATHAN: lambda w, r: (
        _constant(100.0) * w / _constant(48.8 + 53.8 * math.exp(-0.075 * r))
    ),
    # the RPE table, as if to failure: w / fraction(r, RPE 10)
    Formula.RPE_TABLE: lambda w, r: w / _constant(_fraction(r)),
}


def _fraction(reps: int) -> float:
    fraction = rpe_fraction(reps, MAX_RPE)
    assert fraction is not None
    return fraction


def _term(formula: Formula, w: ColumnElement[Any], reps: int) -> ColumnElement[Any]:
    """The e1RM of ``w`` x ``reps`` (2 to 12 reps) as ``domain.e1rm`` computes it."""
    return _MAKERS[formula](w, reps)


def e1rm(weight: Any, reps: Any, formula: Formula) -> ColumnElement[float]:
    """``estimate_one_rep_max(weight or 0, reps, formula)``: NULL outside 1 to 12 reps."""
    w = cast(func.coalesce(weight, _constant(0.0)), Float)
    whens: list[tuple[Any, Any]] = [(reps == 1, w)]
    whens += [(reps == r, _term(formula, w, r)) for r in range(2, MAX_REPS_FOR_ESTIMATE + 1)]
    return case(*whens, else_=null())


def strength(
    weight: Any, reps: Any, duration_seconds: Any, load_basis: LoadBasis, formula: Formula
) -> ColumnElement[float]:
    """``domain.summary.strength`` for one set: e1RM, or reps / seconds for bodyweight and
    timed work; NULL where the set has none."""
    if load_basis is LoadBasis.TIME:
        return cast(duration_seconds, Float)
    if load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return case((reps > 0, cast(reps, Float)), else_=null())
    return e1rm(weight, reps, formula)
