"""The weak-side plan through the services: extra sets scaled to the gap, the double
progression suggestion, and the exit rule. Every expected value is worked out by hand here
from the rule (see the comments), with the history logged through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.routines import RoutineItem
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, routines, sheets, weak_side_plans, workout
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"
RANGE_8_10 = RoutineItem(0, 0, 0, target_sets=3, rep_low=8, rep_high=10)


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _session(
    store: Store,
    clock: FakeClock,
    profile: Profile,
    name: str,
    sets: list[SetRecord],
) -> None:
    """One finished session of ``name``, then the clock moves on three days."""
    started = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, started.id, _exercise(store, name))
    for record in sets:
        workout.log_set(store, se_id, record)
    clock.advance(minutes=45)
    workout.finish_session(store, started.id)
    clock.advance(days=3)


def _rows(left_kg: float, right_kg: float, rpe: float = 7, reps: int = 10) -> list[SetRecord]:
    """Three sets per side, weak side first, each at the same reps and RPE."""
    sets = []
    for _ in range(3):
        sets.append(SetRecord(Side.LEFT, left_kg, reps, rpe=rpe))
        sets.append(SetRecord(Side.RIGHT, right_kg, reps, rpe=rpe))
    return sets


def _plan(store: Store, profile: Profile, target: RoutineItem | None = RANGE_8_10):
    return weak_side_plans.exercise_plan(store, profile.id, _exercise(store, ROW), target=target)


def test_left_weaker_by_eleven_percent_gets_one_extra_set_and_the_next_dumbbell(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Same reps and RPE on both sides, so the RPE table's fraction cancels: the gap per
    # session is (18 - 16) / 18 = 11.1 %, three sessions, sd 0 -> bound 11.1 > 0: beyond
    # noise, L weaker. 11.1 % is past the 10 % notice and under the 15 % warning: +1 set.
    # Double progression, range 8-10: 16 kg x 10, 10, 10 at RPE 7 reached the top at an RPE
    # under the target 8 -> the next dumbbell (2 kg) and the bottom of the range: 18 kg x 8.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    found = _plan(store, profile)
    assert found.plan.weak is Side.LEFT
    assert found.plan.extra_sets == 1
    assert found.line == ("Weak side L: +1 set · try 18 kg × 8 today: you did 16 × 10 at RPE 7")
    assert found.plan.suggestion is not None
    assert found.plan.suggestion.weight_kg == 18.0 and found.plan.suggestion.reps == 8


def test_a_twenty_percent_gap_gets_two_extra_sets(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # (20 - 16) / 20 = 20 %: past the 15 % warning -> +2 sets.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 20))
    assert _plan(store, profile).plan.extra_sets == 2
    assert _plan(store, profile).line.startswith("Weak side L: +2 sets · ")


def test_the_extra_sets_follow_the_settings(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    current = profiles.settings(store, profile.id)
    profiles.save_settings(
        store, profile.id, replace(current, plan_sets_at_notice=2, plan_sets_at_warning=3)
    )
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    assert _plan(store, profile).plan.extra_sets == 2  # 11.1 %: the notice's 2 sets


def test_settings_refuse_fewer_sets_at_the_warning_than_at_the_notice(
    store: Store, profile: Profile
) -> None:
    current = profiles.settings(store, profile.id)
    with pytest.raises(InvalidInput):
        profiles.save_settings(
            store, profile.id, replace(current, plan_sets_at_notice=2, plan_sets_at_warning=1)
        )
    with pytest.raises(InvalidInput):
        profiles.save_settings(store, profile.id, replace(current, catch_up_sessions=1))


def test_under_the_top_of_the_range_the_suggestion_adds_a_rep(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # Range 8-12 (no routine target): 10 reps is under the top, 12 -> one more rep, same load.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    assert _plan(store, profile, target=None).line == (
        "Weak side L: +1 set · try 16 kg × 11 today: you did 16 × 10 at RPE 7"
    )


def test_the_top_reached_at_a_hard_rpe_on_some_sets_holds_the_load(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # 16 x 10, 9, 8 at RPE 9 (over the target 8), range 8-10: not every set reached 10 and
    # the one that did was hard -> stay at 16 kg, reps min(10 + 1, 10) = 10.
    for _ in range(2):
        _session(store, clock, profile, ROW, _rows(16, 18))
    last = [
        SetRecord(Side.LEFT, 16, 10, rpe=9),
        SetRecord(Side.RIGHT, 18, 10, rpe=9),
        SetRecord(Side.LEFT, 16, 9, rpe=9),
        SetRecord(Side.RIGHT, 18, 9, rpe=9),
        SetRecord(Side.LEFT, 16, 8, rpe=9),
        SetRecord(Side.RIGHT, 18, 8, rpe=9),
    ]
    _session(store, clock, profile, ROW, last)
    assert _plan(store, profile).line == (
        "Weak side L: +1 set · try 16 kg × 10 today: you did 16 × 10, 9, 8 at RPE 9"
    )


def test_pounds_step_by_five(store: Store, clock: FakeClock) -> None:
    # A pound profile: 35 lb x 10 at RPE 7, range 8-10 -> the next dumbbell, 40 lb x 8.
    sam = profiles.create_profile(store, "Sam", Side.RIGHT, Unit.LB)
    lb = 0.45359237
    for _ in range(3):
        _session(store, clock, sam, ROW, _rows(35 * lb, 40 * lb))
    assert _plan(store, sam).line == (
        "Weak side L: +1 set · try 40 lb × 8 today: you did 35 × 10 at RPE 7"
    )


def test_a_hold_adds_five_seconds(store: Store, clock: FakeClock, profile: Profile) -> None:
    # Side plank, L 30 s / R 40 s at RPE 8: (40 - 30) / 40 = 25 % -> +2 sets; 30 + 5 = 35 s.
    hold = [
        SetRecord(Side.LEFT, None, None, duration_seconds=30, rpe=8),
        SetRecord(Side.RIGHT, None, None, duration_seconds=40, rpe=8),
    ]
    for _ in range(3):
        _session(store, clock, profile, "Side plank", hold)
    found = weak_side_plans.exercise_plan(store, profile.id, _exercise(store, "Side plank"))
    assert found.line == "Weak side L: +2 sets · try 35 s today: you held 30 s at RPE 8"


def test_too_little_evidence_is_no_plan_and_says_so(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    for _ in range(2):
        _session(store, clock, profile, ROW, _rows(16, 18))
    found = _plan(store, profile)
    assert found.plan.weak is None and found.plan.extra_sets == 0
    assert found.line == (
        "No weak-side plan: No clear weaker side yet: 2 sessions measured, 3 are needed. "
        "Start with your left, your non-dominant side."
    )


def test_caught_up_after_exactly_four_sessions_within_noise_recorded_once(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # a = 11.1 %. Sessions: +a, +a, +a (L weaker beyond noise: the plan starts), then
    # 4. -a: d = a, a, a, -a: mean a/2 = 5.6, sd 11.1, bound 5.6 - 1.638 x 11.1 / 2 < 0
    # 5. -a: mean a/5 = 2.2 (under 3 %)     6. even (d = 0): mean a/6 = 1.9
    # 7. even: the last six are a, a, -a, -a, 0, 0: mean 0. Four within noise in a row.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    _session(store, clock, profile, ROW, _rows(18, 16))
    _session(store, clock, profile, ROW, _rows(18, 16))
    _session(store, clock, profile, ROW, _rows(18, 18))
    after_three = _plan(store, profile)
    assert after_three.plan.weak is Side.LEFT and after_three.plan.extra_sets == 1
    assert after_three.plan.within_noise == 3
    assert "within noise 3 of 4 sessions needed to call it caught up" in after_three.line
    assert weak_side_plans.catch_ups(store, profile.id) == []

    fourth_day = clock.moment
    _session(store, clock, profile, ROW, _rows(18, 18))
    caught = _plan(store, profile)
    assert caught.plan.weak is None and caught.plan.extra_sets == 0
    assert caught.announce
    assert caught.line.startswith("Caught up: back to even work.")
    stored = weak_side_plans.catch_ups(store, profile.id)
    assert len(stored) == 1
    assert stored[0].weak is Side.LEFT
    assert stored[0].caught_up_at == datetime.combine(fourth_day.date(), datetime.min.time())

    # Shown once: once acknowledged, the news is not repeated, and asking again or one more
    # even session records nothing new.
    weak_side_plans.acknowledge_catch_up(store, stored[0].id)
    _session(store, clock, profile, ROW, _rows(18, 18))
    later = _plan(store, profile)
    assert not later.announce and later.plan.weak is None
    assert later.line.startswith("No weak-side plan: ")
    assert len(weak_side_plans.catch_ups(store, profile.id)) == 1


def test_after_catching_up_a_new_gap_beyond_noise_starts_a_new_plan(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    for left, right in ((18, 16), (18, 16), (18, 18), (18, 18)):
        _session(store, clock, profile, ROW, _rows(left, right))
    assert _plan(store, profile).plan.weak is None
    # Six sessions of L 16 / R 20 (d = 20 %) fill the window: L is weaker again, +2 sets.
    for _ in range(6):
        _session(store, clock, profile, ROW, _rows(16, 20))
    again = _plan(store, profile)
    assert again.plan.weak is Side.LEFT and again.plan.extra_sets == 2
    assert not again.announce


def test_a_routine_gets_a_plan_per_item(store: Store, clock: FakeClock, profile: Profile) -> None:
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    row = replace(RANGE_8_10, id=7, exercise_id=_exercise(store, ROW))
    press = RoutineItem(8, _exercise(store, "Bench press"), 1)
    plans = weak_side_plans.routine_plans(store, profile.id, [row, press])
    assert plans[7].line == "Weak side L: +1 set · try 18 kg × 8 today: you did 16 × 10 at RPE 7"
    assert plans[7].plan.sheet_line == "Plan: L +1 set; try 18 kg x 8"
    assert plans[8].plan.weak is None


def test_sessions_start_later_than_the_clock_they_were_judged_on(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    # The session being logged is left out: its sets do not move today's plan.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    started = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, started.id, _exercise(store, ROW))
    workout.log_set(store, se_id, SetRecord(Side.LEFT, 30, 10, rpe=7))
    found = weak_side_plans.exercise_plan(
        store,
        profile.id,
        _exercise(store, ROW),
        target=RANGE_8_10,
        before=started.session.started_at + timedelta(seconds=1),
        exclude_session_id=started.id,
    )
    assert found.plan.suggestion is not None and found.plan.suggestion.target == "18 kg × 8"


def test_the_sheet_carries_the_plan_line(store: Store, clock: FakeClock, profile: Profile) -> None:
    # L weaker by 11.1 %: +1 set; range 8-10 set on the routine item: 16 x 10 at RPE 7 -> 18 x 8.
    for _ in range(3):
        _session(store, clock, profile, ROW, _rows(16, 18))
    created = routines.create_routine(store, profile.id, "Pull", "Day A")
    item_id = routines.add_item(store, created.days[0].id, _exercise(store, ROW))
    routines.add_item(store, created.days[0].id, _exercise(store, "Bench press"))
    item = routines.get_routine(store, created.id).days[0].items[0]
    assert item.id == item_id
    routines.update_item(store, replace(item, rep_low=8, rep_high=10))
    sheet = sheets.routine_sheet(store, profile.id, "Pull")
    row, press = sheet.days[0].exercises
    assert row.plan == "Plan: L +1 set; try 18 kg x 8"
    # The plan's extra set gets its own row of boxes: (3 x 2 sides + 1) x 6 weeks.
    assert row.extra_weak_sets == 1 and row.boxes(6) == 42
    assert row.lead.endswith("\nPlan: L +1 set; try 18 kg x 8")
    assert press.plan == ""  # bilateral: no side to coach
