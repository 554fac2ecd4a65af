"""Weak side first and volume matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.coaching import SessionBest, SideWork, volume_match, weak_side
from evenside.domain.sides import Side


def test_weak_side_from_the_last_three_sessions() -> None:
    history = [
        SessionBest(88, 100),
        SessionBest(88, 100),
        SessionBest(88, 100),
        SessionBest(200, 10),
    ]
    verdict = weak_side(history, dominant=Side.LEFT)
    assert verdict.side is Side.LEFT
    assert verdict.prompt == "Start with L: weaker by 12 % (e1RM, last 3 sessions)"


def test_only_sessions_with_both_sides_count() -> None:
    history = [SessionBest(None, 100), SessionBest(100, 90)]
    verdict = weak_side(history, dominant=Side.LEFT)
    assert verdict.side is Side.RIGHT
    assert verdict.reason == "weaker by 10 % (e1RM, last session)"


def test_no_history_means_the_non_dominant_side() -> None:
    assert weak_side([], dominant=Side.RIGHT).prompt == "Start with L: your non-dominant side"
    assert weak_side([], dominant=Side.LEFT).side is Side.RIGHT


def test_even_sides_fall_back_to_the_non_dominant_side() -> None:
    verdict = weak_side([SessionBest(50, 50)], dominant=Side.RIGHT)
    assert verdict.side is Side.LEFT
    assert "non-dominant" in verdict.reason


def test_other_metrics_are_named() -> None:
    verdict = weak_side([SessionBest(40, 50)], dominant=Side.RIGHT, metric="hold time")
    assert verdict.reason == "weaker by 20 % (hold time, last session)"


def test_strong_side_allowance() -> None:
    sets = [SideWork(Side.LEFT, 20, 10), SideWork(Side.RIGHT, 20, 8)]
    match = volume_match(sets, weak=Side.LEFT)
    assert match.reps_remaining == 2
    assert match.volume_remaining == pytest.approx(40)
    assert not match.strong_ahead
    assert match.allows(Side.RIGHT, 20, 2)
    assert not match.allows(Side.RIGHT, 20, 3)
    assert match.allows(Side.LEFT, 100, 100)  # the weak side is never capped


def test_strong_side_ahead_is_described() -> None:
    sets = [SideWork(Side.RIGHT, 22.5, 10), SideWork(Side.LEFT, 20, 8)]
    match = volume_match(sets, weak=Side.LEFT)
    assert match.strong_ahead
    assert match.reps_ahead == 2
    assert match.volume_ahead == pytest.approx(65)
    assert match.describe() == "R is ahead of L by 2 reps and 65 kg of volume"


def test_heavier_load_with_equal_reps_is_still_ahead_on_volume() -> None:
    match = volume_match([SideWork(Side.LEFT, 20, 8), SideWork(Side.RIGHT, 25, 8)], Side.LEFT)
    assert match.reps_ahead == 0 and match.strong_ahead
    assert match.describe() == "R is ahead of L by 40 kg of volume"


@given(
    st.lists(
        st.tuples(st.sampled_from([Side.LEFT, Side.RIGHT]), st.integers(0, 100), st.integers(0, 20))
    )
)
def test_a_set_the_allowance_permits_never_puts_the_strong_side_ahead(
    logged: list[tuple[Side, int, int]],
) -> None:
    work = [SideWork(side, w, r) for side, w, r in logged]
    match = volume_match(work, Side.RIGHT)
    for weight, reps in [(0, 1), (10, 5), (50, 12)]:
        if match.allows(Side.LEFT, weight, reps) and not match.strong_ahead:
            after = volume_match([*work, SideWork(Side.LEFT, weight, reps)], Side.RIGHT)
            assert not after.strong_ahead
