"""The finishing summary through the services: the weak side from the measurement verdict
(never the side logged first), a flip said as a flip, sets per side, bilateral work in
"both", the sets logged past the volume rule, and the exercises not stretched. Expected
figures are worked out by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.summary_words import gap_text, overrides_text, sets_text
from evenside.domain.training import SetKind, SetRecord, StretchStatus
from evenside.domain.units import Unit
from evenside.domain.volume_rule import VolumeRefused
from evenside.services import library, profiles, session_summary, workout
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

L, R, BOTH = Side.LEFT, Side.RIGHT, Side.BOTH
ROW = "One-arm dumbbell row"


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _past(
    store: Store,
    clock: FakeClock,
    profile: Profile,
    sets: list[tuple[Side, float, int]],
    days_ago: int,
) -> None:
    now = clock.moment
    clock.moment = now - timedelta(days=days_ago)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, _exercise(store, ROW))
    for side, weight, reps in sets:
        workout.log_set(store, se_id, SetRecord(side, weight, reps))
    clock.advance(minutes=30)
    workout.finish_session(store, session.id)
    clock.moment = now


def _ruled(store: Store, se_id: int, record: SetRecord) -> None:
    """Log as the set entry does: refused past the weak side, then logged anyway."""
    try:
        workout.log_set(store, se_id, record, check_volume=True)
    except VolumeRefused:
        workout.log_set(store, se_id, record, check_volume=True, log_anyway=True)


def test_the_weak_side_comes_from_the_verdict_not_from_the_side_logged_first(
    store: Store, clock: FakeClock
) -> None:
    # Left-handed Lee; three sessions of L 22 x 8 against R 25 x 8: L 12 % weaker, sd 0.
    lee = profiles.create_profile(store, "Lee", Side.LEFT, Unit.KG)
    for days in (9, 6, 3):
        _past(store, clock, lee, [(L, 22, 8), (R, 25, 8)], days)
    session = workout.start_session(store, lee.id)
    se_id = workout.add_exercise(store, session.id, _exercise(store, ROW))
    _ruled(store, se_id, SetRecord(R, 20, 8))  # R first: 160 kg past L's 0 -> logged anyway
    _ruled(store, se_id, SetRecord(L, 20, 8))
    _ruled(store, se_id, SetRecord(L, 20, 8))  # L: 2 x 160 = 320 kg
    _ruled(store, se_id, SetRecord(R, 20, 10))  # R: 160 + 200 = 360 > 320 -> logged anyway
    workout.finish_session(store, session.id)

    [row] = session_summary.summarise(store, session.id).exercises
    assert row.strong_side is R  # L is weaker by the verdict, though R was logged first
    assert row.strong_side_extra_volume == pytest.approx(40)  # 360 - 320 kg
    assert (row.left.volume, row.right.volume) == (pytest.approx(320), pytest.approx(360))
    assert sets_text(row) == "2 sets per side"
    assert overrides_text(row) == "R logged past L's volume 2 times (log anyway)"


def test_a_side_flip_is_said_as_a_flip_never_as_points_closed(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Last time L 30 x 8 against R 26 x 8, same reps: (30 - 26) / 30 = 13.3 %, R weaker.
    _past(store, clock, profile, [(L, 30, 8), (R, 26, 8)], 4)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, _exercise(store, ROW))
    # Today L 28 x 8 (Brzycki 28 * 36 / 29 = 34.76) against R 28 x 9 (28 * 36 / 28 = 36.0):
    # (36.0 - 34.76) / 36.0 = 3.4 %, L weaker.
    for record in (SetRecord(L, 28, 8), SetRecord(R, 28, 9)):
        workout.log_set(store, se_id, record)
    workout.finish_session(store, session.id)

    [row] = session_summary.summarise(store, session.id).exercises
    assert row.flipped and row.asymmetry_change is None
    assert gap_text(row) == "L weaker by 3 % (gap flipped: R was weaker by 13 %, now L by 3 %)"
    assert sets_text(row) == "1 set per side"


def test_uneven_sets_bilateral_work_and_not_stretched(store: Store, profile: Profile) -> None:
    session = workout.start_session(store, profile.id)
    row = workout.add_exercise(store, session.id, _exercise(store, ROW))
    curl = workout.add_exercise(store, session.id, _exercise(store, "One-arm dumbbell curl"))
    squat = workout.add_exercise(store, session.id, _exercise(store, "Back squat"))
    for side in (L, R, L):
        workout.log_set(store, row, SetRecord(side, 20, 8))
    workout.log_set(store, curl, SetRecord(L, 10, 10))
    for _ in range(2):
        workout.log_set(store, squat, SetRecord(BOTH, 100, 5))
    workout.record_stretch(store, row, StretchStatus.DONE)
    workout.record_stretch(store, squat, StretchStatus.SKIPPED)
    workout.finish_session(store, session.id)

    summary = session_summary.summarise(store, session.id)
    rows, curls, squats = summary.exercises
    assert sets_text(rows) == "L 2 sets, R 1 set"
    assert sets_text(curls) == "L 1 set, R 0 sets"
    assert not squats.per_side and sets_text(squats) == "2 sets"
    assert squats.both.volume == pytest.approx(1000)  # 2 x 100 x 5, in "both", no side
    assert squats.strong_side is None and squats.left.sets == squats.right.sets == 0
    # The row was stretched; the curl was never offered, the squat's stretch was skipped.
    assert summary.unstretched == ("One-arm dumbbell curl", "Back squat")


def test_holds_are_summed_in_seconds(store: Store, profile: Profile) -> None:
    session = workout.start_session(store, profile.id)
    plank = workout.add_exercise(store, session.id, _exercise(store, "Side plank"))
    _ruled(store, plank, SetRecord(L, None, None, duration_seconds=20))
    _ruled(store, plank, SetRecord(R, None, None, duration_seconds=60))  # past L's 20 s
    workout.finish_session(store, session.id)
    [row] = session_summary.summarise(store, session.id).exercises
    assert row.volume_unit == "s" and row.strong_side_extra_volume == pytest.approx(40)
    assert overrides_text(row) == "R logged past L's volume 1 time (log anyway)"


def test_records_beat_every_earlier_session_warm_ups_and_this_session_left_out(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Brzycki: L 26 x 8 = 26 * 36 / 29 = 32.28 (earlier best), R 27 x 8 = 33.52.
    _past(store, clock, profile, [(L, 26, 8), (R, 27, 8)], 8)
    _past(store, clock, profile, [(L, 24, 8), (R, 25, 8)], 4)
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, _exercise(store, ROW))
    workout.log_set(store, se_id, SetRecord(L, 40, 8, kind=SetKind.WARM_UP))  # never counts
    # L 27 x 8 = 33.52 beats 32.28; R 26 x 9 = 26 * 36 / 28 = 33.43 falls short of 33.52.
    for record in (SetRecord(L, 27, 8), SetRecord(R, 26, 9)):
        workout.log_set(store, se_id, record)
    workout.finish_session(store, session.id)

    [row] = session_summary.summarise(store, session.id).exercises
    assert row.records == (L,)
