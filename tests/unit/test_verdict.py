"""The weak-side verdict: paired per-session differences, a minimum gap and a one-sided
90 % t bound, and the plain sentence. Every expected value is worked out by hand here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from evenside.domain.evidence import ScoreKind, SessionScore
from evenside.domain.sides import Side
from evenside.domain.verdict import weak_side_verdict
from evenside.domain.verdict_words import how_worked_out, start_reason, verdict_sentence

START = date(2026, 6, 2)


def _scores(pairs: list[tuple[float, float]]) -> list[SessionScore]:
    return [
        SessionScore(START + timedelta(weeks=i), left, right, ScoreKind.E1RM, "Brzycki")
        for i, (left, right) in enumerate(pairs)
    ]


def test_domain_reference_example() -> None:
    # DOMAIN.md: d = 8, 9, 7, 8 % -> mean 8.0, sd 0.816, t(0.90, 3) = 1.638,
    # bound 8.0 - 1.638 * 0.816 / 2 = 7.33 > 0 and 8.0 > 3 -> left weaker, beyond noise.
    verdict = weak_side_verdict(_scores([(92, 100), (91, 100), (93, 100), (92, 100)]), Side.RIGHT)
    assert verdict.mean_percent == pytest.approx(8.0)
    assert verdict.bound_percent == pytest.approx(7.33, abs=0.01)
    assert verdict.beyond_noise and verdict.weaker is Side.LEFT
    assert verdict.sessions == 4


def test_steady_gap_with_both_sides_progressing_is_beyond_noise() -> None:
    # A steady 7 kg gap while both sides climb 10 kg a week (the unpaired test called this
    # "within noise": each side's SD, 15.8, dwarfs 7 kg).
    # d = 7/67, 7/77, 7/87, 7/97, 7/107 = 10.448, 9.091, 8.046, 7.216, 6.542 %
    # mean = 41.343 / 5 = 8.269; sd = sqrt(9.565 / 4) = 1.546
    # bound = 8.269 - 1.533 * 1.546 / sqrt(5) = 8.269 - 1.060 = 7.21 > 0, and 8.3 > 3.
    scores = _scores([(60, 67), (70, 77), (80, 87), (90, 97), (100, 107)])
    verdict = weak_side_verdict(scores, Side.RIGHT)
    assert verdict.mean_percent == pytest.approx(8.269, abs=0.001)
    assert verdict.bound_percent == pytest.approx(7.21, abs=0.01)
    assert verdict.weaker is Side.LEFT and verdict.beyond_noise
    # Least-squares slope of d over weeks 0..4: sum((x - 2)(d - mean)) / 10
    # = (-2 * 2.179 - 1 * 0.822 + 0 + 1 * -1.053 + 2 * -1.727) / 10 = -0.969 per week,
    # over 4 weeks -3.9 points: the gap has closed by 4 points since 2 June.
    assert verdict.change_points == pytest.approx(-3.87, abs=0.01)
    assert verdict_sentence(verdict) == (
        "Your left is 8 % weaker than your right, beyond day-to-day variation, "
        "and the gap has closed by 4 points since 2 June."
    )


def test_one_percent_gap_over_two_sessions_is_no_clear_weaker_side() -> None:
    # d = 1, 1 %: n = 2 < 3 -> no clear weaker side; start with the non-dominant side.
    verdict = weak_side_verdict(_scores([(99, 100), (99, 100)]), Side.RIGHT)
    assert verdict.weaker is None and not verdict.beyond_noise
    assert verdict.start is Side.LEFT
    assert verdict_sentence(verdict) == (
        "No clear weaker side yet: 2 sessions measured, 3 are needed. "
        "Start with your left, your non-dominant side."
    )


def test_sides_swapping_within_noise_is_no_clear_weaker_side() -> None:
    # d = +4, -3, +5, -4 %: mean 0.5; deviations 3.5, -3.5, 4.5, -4.5, squares sum 65,
    # sd = sqrt(65 / 3) = 4.655; bound 0.5 - 1.638 * 4.655 / 2 = 0.5 - 3.812 = -3.31 < 0.
    verdict = weak_side_verdict(_scores([(96, 100), (100, 97), (95, 100), (100, 96)]), Side.LEFT)
    assert verdict.mean_percent == pytest.approx(0.5)
    assert verdict.bound_percent == pytest.approx(-3.31, abs=0.01)
    assert verdict.weaker is None and not verdict.beyond_noise
    assert verdict.start is Side.RIGHT  # the non-dominant side, and it says so
    assert start_reason(verdict) == "your non-dominant side (no clear weaker side yet)"
    assert "within day-to-day variation" in verdict_sentence(verdict)


def test_a_small_steady_gap_beyond_noise_is_still_under_the_minimum() -> None:
    # d = 1, 1, 1 %: sd 0, bound 1 > 0 (beyond noise) but 1 < 3 % -> not called weaker.
    verdict = weak_side_verdict(_scores([(99, 100)] * 3), Side.RIGHT)
    assert verdict.beyond_noise and verdict.weaker is None
    assert "under the 3 % worth acting on" in verdict_sentence(verdict)


def test_no_history_never_says_weaker() -> None:
    verdict = weak_side_verdict([], Side.RIGHT)
    assert verdict.weaker is None and not verdict.measured
    assert start_reason(verdict) == "your non-dominant side"
    assert "weaker" not in verdict_sentence(verdict)
    assert "non-dominant" in verdict_sentence(verdict)


def test_sessions_without_evidence_are_not_measured_never_even() -> None:
    verdict = weak_side_verdict([], Side.RIGHT, last_session=START)
    sentence = verdict_sentence(verdict)
    assert sentence.startswith("Not measured yet: log RPE on your last set per side")
    assert "even" not in sentence and "0 %" not in sentence


def test_later_sessions_without_evidence_say_since_when() -> None:
    scores = _scores([(90, 100)] * 3)  # 2, 9 and 16 June
    verdict = weak_side_verdict(scores, Side.RIGHT, last_session=START + timedelta(weeks=5))
    assert verdict.weaker is Side.LEFT
    assert verdict_sentence(verdict).endswith(" Not measured since 16 June.")


def test_only_the_last_six_sessions_count() -> None:
    # Four old sessions 20 % apart, then six even-ish ones: d = 1, -1, 1, -1, 1, -1 -> mean 0.
    old = [(80, 100)] * 4
    recent = [(99, 100), (100, 99)] * 3
    verdict = weak_side_verdict(_scores(old + recent), Side.RIGHT)
    assert verdict.sessions == 6
    assert verdict.mean_percent == pytest.approx(0.0)
    assert verdict.weaker is None


def test_how_it_is_worked_out_names_the_formula_and_the_test() -> None:
    verdict = weak_side_verdict(_scores([(92, 100), (91, 100), (93, 100), (92, 100)]), Side.RIGHT)
    text = how_worked_out(verdict)
    assert "e1RM (Brzycki)" in text
    assert "t(0.90, n - 1)" in text and "one-sided 90 % t bound" in text
    assert "(stronger - weaker) / stronger" in text


def test_a_gap_just_under_the_minimum_is_not_rounded_up_to_it() -> None:
    # d = 2.6 % three times (97.4 vs 100): beyond noise (sd 0) but under 3 %; "3 %" would
    # read as the minimum itself, so one decimal is shown.
    verdict = weak_side_verdict(_scores([(97.4, 100)] * 3), Side.RIGHT)
    assert verdict.beyond_noise and verdict.weaker is None
    assert "your left is 2.6 % below your right" in verdict_sentence(verdict)
    assert "under the 3 % worth acting on" in verdict_sentence(verdict)
