"""Personal records per side and per rep count, worked out by hand (Brzycki:
e1RM = w * 36 / (37 - r))."""

from __future__ import annotations

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.records import side_records
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord

SETS = [
    SetRecord(Side.LEFT, 20, 8),
    SetRecord(Side.LEFT, 22, 5),
    SetRecord(Side.LEFT, 30, 3, SetKind.WARM_UP),  # a warm-up never counts
    SetRecord(Side.LEFT, 25, 1),
    SetRecord(Side.RIGHT, 24, 8),
    SetRecord(Side.RIGHT, 26, 5),
    SetRecord(Side.RIGHT, 40, 0, SetKind.FAILURE),  # no rep: no record
    SetRecord(Side.BOTH, 60, 10),
]


def test_heaviest_weight_for_each_rep_count_per_side() -> None:
    found = side_records(SETS, Formula.BRZYCKI)
    assert list(found) == [Side.LEFT, Side.RIGHT, Side.BOTH]
    # Left: 25 x 1; 22 x 5 covers 3 and 5 reps; 20 x 8 covers 8; nothing of 10 or more.
    assert found[Side.LEFT].best_for_reps == {1: 25, 3: 22, 5: 22, 8: 20}
    # Right: 26 x 5 covers 1, 3 and 5; 24 x 8 covers 8.
    assert found[Side.RIGHT].best_for_reps == {1: 26, 3: 26, 5: 26, 8: 24}
    # Both sides together (a barbell lift): 60 x 10 covers 1 to 10, not 12.
    assert found[Side.BOTH].best_for_reps == {1: 60, 3: 60, 5: 60, 8: 60, 10: 60}


def test_best_e1rm_per_side() -> None:
    found = side_records(SETS, Formula.BRZYCKI)
    # Left: 20 x 8 -> 24.83, 22 x 5 -> 24.75, 25 x 1 -> 25: the single wins.
    assert found[Side.LEFT].best_e1rm == pytest.approx(25.0)
    # Right: 24 x 8 -> 24 * 36 / 29 = 29.79 beats 26 x 5 -> 29.25.
    assert found[Side.RIGHT].best_e1rm == pytest.approx(29.793, abs=1e-3)


def test_no_weighted_set_means_no_record() -> None:
    assert side_records([SetRecord(Side.LEFT, None, 12)], Formula.BRZYCKI) == {}
