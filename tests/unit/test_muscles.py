"""Opposing muscle pairs and their weekly ratio."""

from __future__ import annotations

import pytest

from evenside.domain.muscles import OPPOSING_PAIRS, MuscleGroup, pair_balances
from evenside.domain.sides import Side


def test_every_pair_in_domain_md_is_there() -> None:
    keys = {p.key for p in OPPOSING_PAIRS}
    assert keys == {
        "chest_upper_back",
        "front_rear_delts",
        "biceps_triceps",
        "quads_hamstrings",
        "abs_lower_back",
        "adductors_abductors",
        "internal_external_rotators",
        "obliques_left_right",
    }


def test_chest_12_upper_back_6_is_out_of_range() -> None:
    balances = {
        b.pair.key: b for b in pair_balances({MuscleGroup.CHEST: 12, MuscleGroup.UPPER_BACK: 6}, {})
    }
    chest = balances["chest_upper_back"]
    assert chest.ratio == pytest.approx(2.0)
    assert chest.in_range is False
    assert balances["biceps_triceps"].in_range is None  # neither trained: nothing to say


def test_pull_favoured_push_pull_is_in_range() -> None:
    balance = pair_balances({MuscleGroup.CHEST: 8, MuscleGroup.UPPER_BACK: 12}, {})[0]
    assert balance.ratio == pytest.approx(8 / 12)
    assert balance.in_range is True


def test_obliques_compare_left_with_right() -> None:
    sides = {(MuscleGroup.OBLIQUES, Side.LEFT): 3.0, (MuscleGroup.OBLIQUES, Side.RIGHT): 4.0}
    obliques = pair_balances({}, sides)[-1]
    assert obliques.pair.per_side
    assert obliques.ratio == pytest.approx(0.75)
    assert obliques.in_range is False


def test_no_work_on_the_second_group_is_out_of_range() -> None:
    balance = pair_balances({MuscleGroup.QUADS: 9}, {})[3]
    assert balance.ratio is None and balance.in_range is False
