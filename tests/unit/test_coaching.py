"""Weak side first (the volume rule has its own tests: test_volume_rule.py)."""

from __future__ import annotations

from datetime import date

from evenside.domain.coaching import weak_side
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
