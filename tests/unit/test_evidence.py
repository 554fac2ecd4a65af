"""Which sets are evidence, and the labelled per-side score by load basis. Expected values
are worked out by hand in each test."""

from __future__ import annotations

from datetime import date

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.evidence import (
    ScoreBasis,
    ScoreKind,
    body_share,
    needs_body_mass,
    session_score,
)
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord

DAY = date(2026, 6, 2)
L, R = Side.LEFT, Side.RIGHT


def test_matched_sets_with_rpe_use_the_rpe_table() -> None:
    # 20 kg x 8 both sides, L at RPE 9.5, R at RPE 7 (RIR 3).
    # L: index 2*7 + 2*0.5 = 15 -> .774 -> 25.84 kg; R: index 14 + 6 = 20 -> .707 -> 28.29 kg
    # gap = 1 - .707 / .774 = 8.66 %, left weaker.
    sets = [SetRecord(L, 20, 8, rpe=9.5), SetRecord(R, 20, 8, rir=3)]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND))
    assert score is not None
    assert score.left == pytest.approx(20 / 0.774)
    assert score.right == pytest.approx(20 / 0.707)
    assert score.signed_percent == pytest.approx(8.656, abs=0.001)
    assert score.label == "e1RM (RPE table)"


def test_matched_sets_without_effort_are_not_evidence() -> None:
    sets = [SetRecord(L, 20, 8), SetRecord(R, 20, 8), SetRecord(L, 20, 8), SetRecord(R, 20, 8)]
    assert session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND)) is None
    # Effort on one side only says nothing either: the other side's effort is unknown.
    one_sided = [SetRecord(L, 20, 8, rpe=9), SetRecord(R, 20, 8)]
    assert session_score(DAY, one_sided, ScoreBasis(LoadBasis.PER_HAND)) is None


def test_sets_to_failure_are_evidence() -> None:
    # Both to failure (RPE 10): L 20 x 6 -> .837 -> 23.89; R 20 x 8 -> .786 -> 25.45.
    sets = [SetRecord(L, 20, 6, SetKind.FAILURE), SetRecord(R, 20, 8, SetKind.FAILURE)]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND))
    assert score is not None and score.label == "e1RM (RPE table)"
    assert score.signed_percent == pytest.approx((1 - 0.786 / 0.837) * 100)


def test_sides_that_differ_use_the_chosen_formula() -> None:
    # L 22 kg x 8, R 25 kg x 8, no effort: Brzycki 36 / 29 on each -> gap 3 / 25 = 12 %.
    sets = [SetRecord(L, 22, 8), SetRecord(R, 25, 8)]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND, Formula.BRZYCKI))
    assert score is not None and score.label == "e1RM (Brzycki)"
    assert score.signed_percent == pytest.approx(12.0)


def test_bodyweight_split_squat_compares_reps() -> None:
    # Bodyweight split squat, no added load: L 10 reps, R 15 -> (15 - 10) / 15 = 33.3 %, L.
    basis = ScoreBasis(LoadBasis.BODYWEIGHT_PLUS, share=body_share("Bodyweight split squat"))
    score = session_score(DAY, [SetRecord(L, 0, 10), SetRecord(R, 0, 15)], basis)
    assert score is not None
    assert score.kind is ScoreKind.REPS and score.label == "reps at bodyweight"
    assert score.signed_percent == pytest.approx(33.333, abs=0.001)


def test_lateral_raise_beyond_twelve_reps_compares_reps_at_the_matched_load() -> None:
    # 8 kg x 13 vs 8 kg x 15: past 12 reps there is no e1RM; (15 - 13) / 15 = 13.3 %, L.
    sets = [SetRecord(L, 8, 13), SetRecord(R, 8, 15)]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND))
    assert score is not None and score.label == "reps at 8 kg"
    assert (score.left, score.right) == (13, 15)
    assert score.signed_percent == pytest.approx(13.333, abs=0.001)


def test_per_hand_work_at_zero_kg_is_reps_not_an_e1rm_of_zero() -> None:
    # 0 kg x 12 vs 0 kg x 10: (12 - 10) / 12 = 16.7 %, right weaker.
    sets = [SetRecord(L, 0, 12), SetRecord(R, 0, 10)]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND))
    assert score is not None and score.label == "reps at 0 kg"
    assert score.signed_percent == pytest.approx(-16.667, abs=0.001)


def test_weighted_dip_uses_the_body_mass() -> None:
    # Body mass 80 kg, a dip moves 0.9 of it: 72 kg. L 20 kg x 8, R 0 kg x 10 (Brzycki).
    # L = 92 * 36 / 29 = 114.21; R = 72 * 36 / 27 = 96.00 -> (114.21 - 96) / 114.21 = 15.9 %,
    # the RIGHT is weaker (counting reps alone would have blamed the left).
    basis = ScoreBasis(LoadBasis.BODYWEIGHT_PLUS, Formula.BRZYCKI, 80.0, body_share("Weighted dip"))
    score = session_score(DAY, [SetRecord(L, 20, 8), SetRecord(R, 0, 10)], basis)
    assert score is not None
    assert score.left == pytest.approx(92 * 36 / 29)
    assert score.right == pytest.approx(72 * 36 / 27)
    assert score.signed_percent == pytest.approx(-15.94, abs=0.01)
    assert score.label == "e1RM (Brzycki, 0.9 x body mass + load)"


def test_weighted_dip_without_body_mass_is_not_guessed() -> None:
    basis = ScoreBasis(LoadBasis.BODYWEIGHT_PLUS, share=0.9)
    sets = [SetRecord(L, 20, 8), SetRecord(R, 0, 10)]
    assert session_score(DAY, sets, basis) is None
    assert needs_body_mass(sets, basis)


def test_holds_compare_seconds() -> None:
    # Side plank L 30 s, R 40 s: (40 - 30) / 40 = 25 %, left weaker.
    sets = [
        SetRecord(L, None, None, duration_seconds=30),
        SetRecord(R, None, None, duration_seconds=40),
    ]
    score = session_score(DAY, sets, ScoreBasis(LoadBasis.TIME))
    assert score is not None and score.label == "seconds"
    assert score.signed_percent == pytest.approx(25.0)


def test_warm_ups_are_not_evidence() -> None:
    sets = [SetRecord(L, 10, 5, SetKind.WARM_UP), SetRecord(R, 20, 8), SetRecord(L, 20, 8)]
    assert session_score(DAY, sets, ScoreBasis(LoadBasis.PER_HAND)) is None
