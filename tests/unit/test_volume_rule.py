"""The volume rule, on by default: within one exercise of a session the strong side may not
do more than the weak side (kg x reps for loaded work, seconds for holds, reps for
bodyweight; 0 kg is 0 kg). Every expected figure below is worked out by hand from the rule."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenside.domain.library import LoadBasis
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.domain.volume_rule import VolumeRefused, VolumeRule, set_work, volume_match
from evenside.services import library, profiles, workout
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

L, R = Side.LEFT, Side.RIGHT


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _seed_left_weaker(store: Store, clock: FakeClock, profile: Profile, name: str) -> None:
    """Three past sessions with L 22 x 8 against R 25 x 8: L 12 % weaker each time, sd 0,
    so the verdict calls L weaker beyond noise."""
    now = clock.moment
    for days in (9, 6, 3):
        clock.moment = now - timedelta(days=days)
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, _exercise(store, name))
        for side, weight in ((L, 22.0), (R, 25.0)):
            workout.log_set(store, se_id, SetRecord(side, weight, 8))
        clock.advance(minutes=30)
        workout.finish_session(store, session.id)
    clock.moment = now


def _today(store: Store, profile: Profile, name: str) -> int:
    session = workout.start_session(store, profile.id)
    return workout.add_exercise(store, session.id, _exercise(store, name))


def _log(store: Store, se_id: int, record: SetRecord, anyway: bool = False) -> None:
    workout.log_set(store, se_id, record, check_volume=True, log_anyway=anyway)


def _stored(db_path: Path) -> list[tuple[str, float | None, int | None, int | None, int]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "SELECT t.side, t.weight_kg, t.reps, t.duration_seconds, t.volume_override "
            "FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id "
            "JOIN sessions s ON s.id = se.session_id WHERE s.ended_at IS NULL "
            "ORDER BY t.position"
        ).fetchall()


def test_the_rule_refuses_by_default() -> None:
    assert Settings().volume_rule is VolumeRule.REFUSE


def test_an_old_profile_without_the_key_gets_the_rule_and_notice_stays_a_choice() -> None:
    # Stored before the rule existed: "weak_side_cap": false was the old default, not a choice.
    assert Settings.from_json('{"weak_side_cap": false}').volume_rule is VolumeRule.REFUSE
    notice = Settings(volume_rule=VolumeRule.NOTICE)
    assert Settings.from_json(notice.to_json()).volume_rule is VolumeRule.NOTICE


def test_loaded_work_one_arm_row_with_left_weaker_beyond_noise(
    store: Store, clock: FakeClock, profile: Profile, db_path: Path
) -> None:
    _seed_left_weaker(store, clock, profile, "One-arm dumbbell row")
    se_id = _today(store, profile, "One-arm dumbbell row")
    for _ in range(3):
        _log(store, se_id, SetRecord(L, 16.0, 10))  # L: 3 x 10 x 16 = 480 kg
    _log(store, se_id, SetRecord(R, 16.0, 12))  # R 192 kg: fine
    _log(store, se_id, SetRecord(R, 16.0, 12))  # R 384 kg: fine
    with pytest.raises(VolumeRefused) as refused:
        _log(store, se_id, SetRecord(R, 16.0, 12))  # 384 + 192 = 576 > 480
    assert str(refused.value) == (
        "Not logged: this set would take R to 576 kg, past L's 480 kg (R has 96 kg left in "
        "this exercise). Lighten it, or press Ctrl+Shift+Enter to log it anyway."
    )
    assert len(_stored(db_path)) == 5  # nothing stored
    _log(store, se_id, SetRecord(R, 16.0, 6))  # 384 + 96 = 480: equal is allowed
    with pytest.raises(VolumeRefused):
        _log(store, se_id, SetRecord(R, 16.0, 1))  # 496 > 480
    _log(store, se_id, SetRecord(R, 16.0, 1), anyway=True)
    _log(store, se_id, SetRecord(L, 30.0, 12))  # the weak side is never capped
    assert _stored(db_path)[5:] == [
        ("right", 16.0, 6, None, 0),
        ("right", 16.0, 1, None, 1),  # logged anyway: the override is recorded
        ("left", 30.0, 12, None, 0),
    ]


def test_the_verdict_beats_the_stated_dominant_side(
    store: Store, clock: FakeClock, db_path: Path
) -> None:
    # Left-handed: without a verdict L would be the strong side. The verdict says L is weaker.
    lee = profiles.create_profile(store, "Lee", Side.LEFT, Unit.KG)
    _seed_left_weaker(store, clock, lee, "One-arm dumbbell row")
    se_id = _today(store, lee, "One-arm dumbbell row")
    with pytest.raises(VolumeRefused) as refused:
        _log(store, se_id, SetRecord(R, 20.0, 8))  # R before L: 160 kg against L's 0 kg
    assert "take R to 160 kg, past L's 0 kg" in str(refused.value)
    _log(store, se_id, SetRecord(L, 20.0, 8))
    _log(store, se_id, SetRecord(R, 20.0, 8))  # 160 kg each
    assert len(_stored(db_path)) == 2


def test_without_a_verdict_the_non_dominant_side_is_protected(
    store: Store, profile: Profile, db_path: Path
) -> None:
    # Alex is right-handed and new: L (non-dominant) is the side the rule protects.
    se_id = _today(store, profile, "One-arm dumbbell row")
    _log(store, se_id, SetRecord(L, 20.0, 8))  # 160 kg
    _log(store, se_id, SetRecord(R, 20.0, 8))  # 160 kg: equal
    with pytest.raises(VolumeRefused):
        _log(store, se_id, SetRecord(R, 20.0, 1))


def test_holds_count_seconds(store: Store, profile: Profile, db_path: Path) -> None:
    se_id = _today(store, profile, "Side plank")
    _log(store, se_id, SetRecord(L, None, None, duration_seconds=20))
    with pytest.raises(VolumeRefused) as refused:
        _log(store, se_id, SetRecord(R, None, None, duration_seconds=60))  # 60 s > 20 s
    assert "take R to 60 s, past L's 20 s (R has 20 s left" in str(refused.value)
    _log(store, se_id, SetRecord(R, None, None, duration_seconds=20))
    assert [row[3] for row in _stored(db_path)] == [20, 20]


def test_reps_or_time_work_done_as_holds_counts_seconds(
    store: Store, profile: Profile, db_path: Path
) -> None:
    se_id = _today(store, profile, "Bird dog")  # taken by reps or by time
    _log(store, se_id, SetRecord(L, None, None, duration_seconds=20))
    with pytest.raises(VolumeRefused) as refused:
        _log(store, se_id, SetRecord(R, None, None, duration_seconds=60))  # 60 s > 20 s
    assert "take R to 60 s, past L's 20 s (R has 20 s left" in str(refused.value)


def test_bodyweight_at_0_kg_counts_reps_never_1_kg(
    store: Store, profile: Profile, db_path: Path
) -> None:
    se_id = _today(store, profile, "Single-leg glute bridge")
    _log(store, se_id, SetRecord(L, 0.0, 15))
    _log(store, se_id, SetRecord(R, 0.0, 15))  # 15 reps each
    with pytest.raises(VolumeRefused) as refused:
        _log(store, se_id, SetRecord(R, 0.0, 1))
    assert "take R to 16 reps, past L's 15 reps (R has 0 reps left" in str(refused.value)


def test_0_kg_is_no_load_in_loaded_work() -> None:
    # One-arm row: L 10 x 0 kg = 0 kg; R 8 x 1 kg = 8 kg is more, not less (0 kg was 1 kg).
    sets = [SetRecord(L, 0.0, 10)]
    match = volume_match(sets, LoadBasis.PER_HAND, L, candidate=SetRecord(R, 1.0, 8))
    assert (match.weak_volume, match.strong_volume) == (0.0, 0.0)
    assert not match.allows(R, 8.0)


def test_notice_mode_stores_the_set_and_says_so(
    store: Store, profile: Profile, db_path: Path
) -> None:
    profiles.save_settings(store, profile.id, Settings(volume_rule=VolumeRule.NOTICE))
    se_id = _today(store, profile, "Side plank")
    _log(store, se_id, SetRecord(L, None, None, duration_seconds=20))
    _log(store, se_id, SetRecord(R, None, None, duration_seconds=60))
    assert [row[3:] for row in _stored(db_path)] == [(20, 0), (60, 0)]  # no override
    current = workout.get_session(store, workout.active_session(store, profile.id).id)  # type: ignore[union-attr]
    [exercise] = current.exercises
    lib = next(e for e in library.all_exercises(store) if e.name == "Side plank")
    advice = workout.coaching(store, profile, current, exercise, lib)
    assert advice.notice() == "R is ahead of L by 40 s of volume"


def test_bilateral_work_is_never_capped(store: Store, profile: Profile, db_path: Path) -> None:
    se_id = _today(store, profile, "Back squat")
    _log(store, se_id, SetRecord(Side.BOTH, 100.0, 5))
    _log(store, se_id, SetRecord(Side.BOTH, 100.0, 5))
    assert [row[0] for row in _stored(db_path)] == ["both", "both"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from([L, R]),
            st.sampled_from([0.0, 2.5, 16.0, 40.0]),
            st.integers(1, 20),
        ),
        max_size=12,
    )
)
def test_a_set_the_rule_allows_never_takes_the_strong_side_past_the_weak(
    logged: list[tuple[Side, float, int]],
) -> None:
    # Whatever was logged before, a strong-side (R) set the rule lets through leaves R at or
    # below L, counted in the measure the sets call for once it is logged.
    sets = [SetRecord(side, weight, reps) for side, weight, reps in logged]
    for candidate in (SetRecord(R, 0.0, 5), SetRecord(R, 16.0, 8), SetRecord(R, 40.0, 12)):
        match = volume_match(sets, LoadBasis.PER_HAND, L, candidate=candidate)
        if match.allows(R, set_work(candidate, match.measure, LoadBasis.PER_HAND)):
            after = volume_match([*sets, candidate], LoadBasis.PER_HAND, L)
            assert after.strong_volume <= after.weak_volume + 1e-6
