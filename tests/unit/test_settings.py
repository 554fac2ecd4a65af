"""Per-profile settings: defaults declared once, stored as JSON, tolerant of other versions."""

from __future__ import annotations

import json

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Settings, validate_profile_name
from evenside.domain.volume_rule import VolumeRule


def test_defaults_match_domain_md() -> None:
    settings = Settings()
    assert settings.e1rm_formula is Formula.BRZYCKI
    assert (settings.notice_percent, settings.warning_percent) == (10.0, 15.0)
    assert settings.rest_between_sets_seconds == 90
    assert settings.weak_side_first
    assert settings.volume_rule is VolumeRule.REFUSE  # the strong side is held to the weak


def test_round_trip_and_unknown_keys() -> None:
    changed = Settings(e1rm_formula=Formula.EPLEY, plates_kg=(20.0, 10.0))
    assert Settings.from_json(changed.to_json()) == changed
    text = json.dumps({"notice_percent": 8, "from_a_newer_version": True})
    assert Settings.from_json(text) == Settings(notice_percent=8)
    assert Settings.from_json("") == Settings()


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(InvalidInput):
        Settings(notice_percent=20, warning_percent=15).validated()


def test_profile_names() -> None:
    assert validate_profile_name("  Jo   Smith ") == "Jo Smith"
    with pytest.raises(InvalidInput):
        validate_profile_name(" ")


def test_pair_targets_override_the_defaults_and_are_checked() -> None:
    settings = Settings(pair_targets=(("biceps_triceps", 0.9, 1.1),))
    pairs = {p.key: p for p in settings.opposing_pairs()}
    assert (pairs["biceps_triceps"].low, pairs["biceps_triceps"].high) == (0.9, 1.1)
    assert (pairs["chest_upper_back"].low, pairs["chest_upper_back"].high) == (0.5, 1.0)
    assert Settings.from_json(settings.to_json()) == settings
    with pytest.raises(InvalidInput):
        Settings(pair_targets=(("biceps_triceps", 1.2, 1.1),)).validated()
