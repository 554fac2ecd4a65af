"""Pounds done right: converted weights shown to the step people load, volumes in whole
units, the weight limit and the strong-side notice in the profile's unit, plates per unit.

Expected values worked out by hand with 1 lb = 0.45359237 kg."""

from __future__ import annotations

import pytest

from evenside.domain.entry import SetInput, parse_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.plates import Equipment, plates_per_side
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import (
    Unit,
    display_weight,
    format_volume,
    format_weight,
    stepped,
    weight_step,
)
from evenside.domain.volume_rule import over_volume, volume_match
from evenside.services import profiles
from evenside.services.store import Store


@pytest.mark.parametrize(
    ("kg", "unit", "shown"),
    [
        (22.0, Unit.LB, "48.5 lb"),  # 48.50196 lb
        (20.0, Unit.LB, "44 lb"),  # 44.09245 lb
        (25.0, Unit.LB, "55 lb"),  # 55.11557 lb
        (11.0, Unit.LB, "24.5 lb"),  # 24.25084 lb: nearest half pound
        (61.23496995, Unit.KG, "61.25 kg"),  # 135 lb seen in kg: nearest quarter kilo
        (20.41165665, Unit.KG, "20.5 kg"),  # a 45 lb bar seen in kg: 20.41 -> 20.5
        (22.0, Unit.KG, "22 kg"),
        (61.125, Unit.KG, "61.125 kg"),  # typed in kg: every typed decimal kept
    ],
)
def test_converted_weights_show_the_step_people_load(kg: float, unit: Unit, shown: str) -> None:
    assert format_weight(kg, unit) == shown


@pytest.mark.parametrize("pounds", ["135", "47.3", "22.5", "2.5", "2204"])
def test_weights_typed_in_pounds_read_back_as_typed(pounds: str) -> None:
    kg = float(pounds) * 0.45359237
    assert format_weight(kg, Unit.LB) == f"{pounds} lb"


def test_volumes_are_whole_units() -> None:
    # 3523 kg x reps = 7766.885 lb x reps.
    assert format_volume(3523, Unit.LB) == "7767 lb"
    assert format_volume(3523, Unit.KG) == "3523 kg"
    assert format_volume(160.4, Unit.KG, with_unit=False) == "160"


def test_e1rm_keeps_one_decimal_in_pounds() -> None:
    # 100 kg = 220.462 lb.
    assert format_weight(100, Unit.LB, decimals=1) == "220.5 lb"


def _parse(weight: str, unit: Unit, shown_kg: float | None = None) -> float | None:
    return parse_set(
        SetInput(weight=weight, reps="8", shown_kg=shown_kg),
        side=Side.LEFT,
        kind=SetKind.WORKING,
        unit=unit,
        load_basis=LoadBasis.PER_HAND,
    ).weight_kg


def test_a_pre_filled_weight_left_alone_keeps_the_stored_kilograms() -> None:
    # 22 kg is shown as 48.5 lb; logging it unchanged stores 22 kg, not 21.9992 kg.
    assert _parse("48.5", Unit.LB, shown_kg=22.0) == 22.0
    # Changed to 50 lb, the new weight is what was typed: 50 x 0.45359237.
    assert _parse("50", Unit.LB, shown_kg=22.0) == pytest.approx(22.6796185)


def test_the_weight_limit_is_said_in_the_profiles_unit() -> None:
    # 1000 kg = 2204.62 lb: the message names the whole pounds that are allowed.
    with pytest.raises(InvalidInput) as refused:
        _parse("2205", Unit.LB)
    assert str(refused.value) == "Weight must be 0 to 2204 lb."
    with pytest.raises(InvalidInput) as refused_kg:
        _parse("1001", Unit.KG)
    assert str(refused_kg.value) == "Weight must be 0 to 1000 kg."


def test_strong_side_notice_in_pounds() -> None:
    # R 22.5 kg x 10 = 225, L 20 kg x 8 = 160: 65 kg x reps ahead = 143.3 lb x reps.
    logged = [SetRecord(Side.RIGHT, 22.5, 10), SetRecord(Side.LEFT, 20, 8)]
    match = volume_match(logged, LoadBasis.PER_HAND, Side.LEFT)
    assert match.describe(Unit.LB) == "R is ahead of L by 143 lb of volume"
    assert match.describe(Unit.KG) == "R is ahead of L by 65 kg of volume"


def test_the_volume_refusal_speaks_pounds() -> None:
    # L 20 kg x 8 = 160; R 22.5 kg x 8 = 180 would pass it: 396.8 lb past 352.7 lb.
    refused = over_volume(
        [SetRecord(Side.LEFT, 20, 8)],
        SetRecord(Side.RIGHT, 22.5, 8),
        LoadBasis.PER_HAND,
        Side.LEFT,
        unit=Unit.LB,
    )
    assert refused is not None
    assert str(refused).startswith("Not logged: this set would take R to 397 lb, past L's 353 lb")


def test_standard_plates_per_unit() -> None:
    pounds = Equipment.standard(Unit.LB)
    assert pounds.bar_kg == pytest.approx(20.41165665)  # 45 lb
    assert [format_weight(p, Unit.LB) for p in pounds.plates_kg] == [
        "45 lb",
        "35 lb",
        "25 lb",
        "10 lb",
        "5 lb",
        "2.5 lb",
    ]
    metric = Equipment.standard(Unit.KG)
    assert metric.bar_kg == 20.0
    assert metric.plates_kg == (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
    # 225 lb on a 45 lb bar: 90 lb a side = 45 + 45.
    assert plates_per_side(225, 45, (45, 35, 25, 10, 5, 2.5)).per_side == (45.0, 45.0)


def test_switching_units_swaps_the_usual_plates_but_keeps_chosen_ones() -> None:
    metric = Equipment.standard(Unit.KG)
    assert metric.for_unit_change(Unit.KG, Unit.LB) == Equipment.standard(Unit.LB)
    mine = Equipment(15.0, (20.0, 10.0, 5.0))  # a 15 kg bar the user set: kept as it is
    assert mine.for_unit_change(Unit.KG, Unit.LB) == mine


def test_a_profile_changed_to_pounds_gets_a_45_lb_bar(store: Store) -> None:
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    profiles.update_profile(store, alex.id, "Alex", Side.RIGHT, Unit.LB)
    saved = profiles.settings(store, alex.id)
    assert format_weight(saved.bar_weight_kg, Unit.LB) == "45 lb"
    assert saved.plates_kg[0] == pytest.approx(20.41165665)  # 45 lb
    profiles.update_profile(store, alex.id, "Alex", Side.RIGHT, Unit.KG)
    back = profiles.settings(store, alex.id)
    assert (back.bar_weight_kg, back.plates_kg[-1]) == (20.0, 1.25)


def test_display_weight_is_a_number_for_charts_and_fields() -> None:
    assert display_weight(22.0, Unit.LB) == 48.5
    assert display_weight(22.0, Unit.KG) == 22.0


def test_weight_steps_per_unit_and_load() -> None:
    assert weight_step(Unit.LB, barbell=True) == 5.0  # a pair of 2.5 lb plates
    assert weight_step(Unit.LB, barbell=False) == 2.5  # the next dumbbell
    assert weight_step(Unit.KG, barbell=True) == 2.5  # a pair of 1.25 kg plates
    assert weight_step(Unit.KG, barbell=False) == 1.0


@pytest.mark.parametrize(
    ("text", "step", "direction", "result"),
    [
        ("45", 5.0, 1, "50"),
        ("45", 5.0, -1, "40"),
        ("47", 5.0, 1, "50"),  # off the step: lands on it first
        ("47", 5.0, -1, "45"),
        ("48.5", 2.5, 1, "50"),  # 22 kg shown in pounds, one dumbbell up
        ("22.5", 2.5, 1, "25"),
        ("0", 2.5, -1, "0"),  # never below 0
        ("", 2.5, 1, "2.5"),
        ("heavy", 5.0, 1, "heavy"),  # not a number: left for the inline message
    ],
)
def test_stepping_a_weight(text: str, step: float, direction: int, result: str) -> None:
    assert stepped(text, step, direction) == result
