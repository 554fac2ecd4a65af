"""Weak side first and volume matching."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.coaching import SideWork, volume_match, weak_side
from evenside.domain.evidence import ScoreKind, SessionScore
from evenside.domain.sides import Side
from evenside.domain.verdict import weak_side_verdict


def test_no_history_means_the_non_dominant_side_never_weaker() -> None:
    # The old rule badged a brand-new user's side "weaker"; with no evidence it is only first.
    weak = weak_side(weak_side_verdict([], dominant=Side.RIGHT))
    assert weak.prompt == "Start with L: your non-dominant side"
    assert not weak.weaker
    assert weak_side(weak_side_verdict([], dominant=Side.LEFT)).side is Side.RIGHT


def test_a_clear_verdict_starts_with_the_weaker_side() -> None:
    # d = (100 - 88) / 100 = 12 % in each of three sessions: sd 0, bound 12 > 0, 12 > 3.
    scores = [
        SessionScore(date(2026, 3, day), 88, 100, ScoreKind.E1RM, "Brzycki") for day in (2, 5, 9)
    ]
    weak = weak_side(weak_side_verdict(scores, dominant=Side.LEFT))
    assert weak.side is Side.LEFT and weak.weaker
    assert weak.prompt == (
        "Start with L: weaker by 12 % (e1RM (Brzycki), 3 sessions, beyond day-to-day variation)"
    )


def test_a_gap_within_noise_starts_with_the_non_dominant_side() -> None:
    # d = +4, -3, +5 %: mean 2, sd 4.36, bound 2 - 1.886 * 4.36 / sqrt(3) = -2.7 < 0.
    scores = [
        SessionScore(date(2026, 3, 2), 96, 100, ScoreKind.E1RM, "Brzycki"),
        SessionScore(date(2026, 3, 5), 100, 97, ScoreKind.E1RM, "Brzycki"),
        SessionScore(date(2026, 3, 9), 95, 100, ScoreKind.E1RM, "Brzycki"),
    ]
    weak = weak_side(weak_side_verdict(scores, dominant=Side.LEFT))
    assert weak.side is Side.RIGHT and not weak.weaker
    assert weak.prompt == "Start with R: your non-dominant side (no clear weaker side yet)"


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
