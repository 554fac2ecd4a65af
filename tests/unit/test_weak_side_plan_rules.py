"""The weak-side plan's rules on their own: the thresholds for extra sets, the load step by
what the weight means, and the progressions for bodyweight work. Values by hand."""

from __future__ import annotations

from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit
from evenside.domain.weak_side_plan import PlanRules, Progression, extra_sets, suggest

RULES = PlanRules(notice_percent=10, warning_percent=15)


def test_extra_sets_start_at_each_threshold() -> None:
    assert extra_sets(9.9, RULES) == 0
    assert extra_sets(10.0, RULES) == 1
    assert extra_sets(14.9, RULES) == 1
    assert extra_sets(15.0, RULES) == 2
    assert extra_sets(40.0, RULES) == 2


def test_a_barbell_adds_the_smallest_plate_on_each_side() -> None:
    # 60 kg x 12, 12, 12 (every set at the top of 8-12): + 2 x 1.25 kg = 62.5 kg x 8.
    sets = [SetRecord(Side.LEFT, 60, 12)] * 3
    found = suggest(Side.LEFT, sets, Progression(LoadBasis.TOTAL, Unit.KG))
    assert found is not None and found.text == "try 62.5 kg × 8 today: you did 60 × 12"


def test_a_cable_stack_adds_one_pin() -> None:
    # 20 kg x 12 at RPE 8 (the top, at the target): + 2.5 kg -> 22.5 kg x 8.
    sets = [SetRecord(Side.RIGHT, 20, 12, rpe=8)]
    found = suggest(Side.RIGHT, sets, Progression(LoadBasis.PER_SIDE, Unit.KG))
    assert found is not None and found.target == "22.5 kg × 8"


def test_bodyweight_adds_a_rep_and_warm_ups_do_not_count() -> None:
    # 0 kg added: 12, 10 reps at RPE 9 -> one more than the best, 13 reps.
    sets = [
        SetRecord(Side.LEFT, 0, 20, kind=SetKind.WARM_UP),
        SetRecord(Side.LEFT, 0, 12, rpe=9),
        SetRecord(Side.LEFT, 0, 10, rpe=9),
    ]
    found = suggest(Side.LEFT, sets, Progression(LoadBasis.BODYWEIGHT_PLUS, Unit.KG))
    assert found is not None and found.text == "try 13 reps today: you did 12, 10 reps at RPE 9"


def test_only_the_side_asked_for_and_none_without_sets() -> None:
    sets = [SetRecord(Side.RIGHT, 20, 10, rpe=7)]
    assert suggest(Side.LEFT, sets, Progression(LoadBasis.PER_HAND, Unit.KG)) is None
