"""The printed sheet's plain-language asymmetry summary for a day."""

from __future__ import annotations

from evenside.domain.sheet import SheetDay, SheetExercise
from evenside.domain.sides import Side


def _block(name: str, start: Side | None, weaker: bool, per_side: bool = True) -> SheetExercise:
    return SheetExercise(name, "3 x 8-12, 90 s rest", per_side, start, "", 3, 0, {}, (), weaker)


def test_names_each_weaker_side_once_and_nothing_within_noise() -> None:
    day = SheetDay(
        "Day A",
        (
            _block("Split squat", Side.LEFT, True),
            _block("Split squat", Side.LEFT, True),
            _block("Cable row", Side.RIGHT, True),
            _block("Curl", Side.RIGHT, False),
            _block("Back squat", None, False, per_side=False),
        ),
    )
    assert day.asymmetry_summary == (
        "Left side weaker beyond noise in Split squat; Right side weaker beyond noise in "
        "Cable row: start with that side there. Other exercises: left, then right."
    )
    assert [b.sides for b in day.exercises[2:]] == [
        (Side.RIGHT, Side.LEFT),
        (Side.LEFT, Side.RIGHT),
        (Side.BOTH,),
    ]


def test_an_even_day_says_so() -> None:
    day = SheetDay("Day B", (_block("Curl", Side.RIGHT, False),))
    assert day.asymmetry_summary == (
        "No side is weaker beyond noise in these exercises: do left, then right."
    )
