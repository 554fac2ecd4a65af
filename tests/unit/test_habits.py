"""Everyday habits: the questionnaire's answers give a personal checklist, a habit can be
ticked once a day, the weekly reminder comes a week after the last review, and the
discomfort log refuses bad entries without storing anything."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.habits import HabitAnswers, checklist
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.services import habits, profiles
from evenside.services.store import Store
from fakes import FakeClock

# A right-handed office worker who plays tennis: sleeps on the right, carries on the right
# with a one-shoulder bag, reads the phone in the right hand looking down, crosses the right
# leg over, stands on the right leg, and once sprained the left ankle.
OFFICE_TENNIS = HabitAnswers(
    sleeping_side="right",
    carrying_side="right",
    one_shoulder_bag=True,
    phone_hand="right",
    phone_looking_down=True,
    crossed_leg_on_top="right",
    standing_leg="right",
    sport_arm="right",
    mouse_hand="right",
    injuries_left="ankle sprain 2019",
)


def test_every_answer_gives_its_habit_in_the_questionnaires_order() -> None:
    assert [(h.key, h.text) for h in checklist(OFFICE_TENNIS)] == [
        ("sleep_alternate", "Alternate your sleeping side during the night"),
        ("carry_other_hand", "Carry with your left hand, or split the load"),
        ("bag_both_shoulders", "Wear the bag on both shoulders, or switch shoulders"),
        ("phone_other_hand", "Hold the phone in your left hand too"),
        ("phone_eye_level", "Phone at eye level, not looking down"),
        ("legs_uncross", "Uncross, or cross with the left leg on top"),
        ("stand_both_feet", "Shift weight between feet, or stand on both"),
        ("sport_other_side", "A few throws, swings or drills with your left arm"),
        ("mouse_switch", "Switch the mouse to your left hand for an hour"),
        (
            "injury_left",
            "Note how your left side feels in the discomfort log (past injury: ankle sprain 2019)",
        ),
    ]


def test_even_habits_give_no_item() -> None:
    even = HabitAnswers(
        sleeping_side="varies",
        carrying_side="split",
        phone_hand="none",
        crossed_leg_on_top="none",
        standing_leg="none",
        sport_arm="none",
        mouse_hand="none",
    )
    assert even.answered and checklist(even) == ()
    assert checklist(HabitAnswers(sleeping_side="back", carrying_side="both")) == ()
    assert not HabitAnswers().answered


def test_the_other_side_is_named_for_a_left_sided_person() -> None:
    lefty = HabitAnswers(sleeping_side="left", carrying_side="left", crossed_leg_on_top="left")
    assert [h.text for h in checklist(lefty)] == [
        "Alternate your sleeping side during the night",
        "Carry with your right hand, or split the load",
        "Uncross, or cross with the right leg on top",
    ]


def test_answers_are_stored_with_the_profile_and_survive_a_settings_save(
    store: Store, profile: Profile
) -> None:
    habits.save_answers(store, profile.id, OFFICE_TENNIS)
    profiles.save_settings(store, profile.id, Settings(notice_percent=8))
    assert habits.answers(store, profile.id) == OFFICE_TENNIS
    assert profiles.settings(store, profile.id).notice_percent == 8
    # Another profile has answered nothing: its checklist is empty.
    other = profiles.create_profile(store, "Sam", Side.LEFT, profile.unit)
    assert habits.personal_checklist(store, other.id) == ()


def test_a_bad_answer_is_refused_and_nothing_changes(store: Store, profile: Profile) -> None:
    habits.save_answers(store, profile.id, HabitAnswers(sleeping_side="left"))
    with pytest.raises(InvalidInput) as refused:
        habits.save_answers(store, profile.id, HabitAnswers(sleeping_side="upside down"))
    assert refused.value.field == "sleeping_side"
    with pytest.raises(InvalidInput):
        habits.save_answers(store, profile.id, HabitAnswers(injuries_right="x" * 201))
    assert habits.answers(store, profile.id) == HabitAnswers(sleeping_side="left")


def test_a_tick_is_kept_once_per_habit_per_day(
    store: Store, profile: Profile, clock: FakeClock
) -> None:
    habits.save_answers(store, profile.id, OFFICE_TENNIS)
    changes = habits.tick(store, profile.id, "carry_other_hand")
    assert changes.habits
    habits.tick(store, profile.id, "carry_other_hand")  # ticking twice keeps one tick
    habits.tick(store, profile.id, "phone_eye_level")
    habits.tick(store, profile.id, "phone_eye_level", ticked=False)
    assert habits.today(store, profile.id).ticked == {"carry_other_hand"}
    clock.advance(days=1)  # the clock starts on 2 Nov 2026
    assert habits.today(store, profile.id).ticked == frozenset()
    assert habits.ticked_on(store, profile.id, date(2026, 11, 2)) == {"carry_other_hand"}
    with pytest.raises(InvalidInput):
        habits.tick(store, profile.id, "juggle")


def test_the_weekly_reminder_comes_seven_days_after_the_last_review(
    store: Store, profile: Profile, clock: FakeClock
) -> None:
    assert not habits.today(store, profile.id).reminder_due  # nothing answered yet
    habits.save_answers(store, profile.id, OFFICE_TENNIS)  # 2 Nov
    clock.advance(days=6)  # 8 Nov
    assert not habits.today(store, profile.id).reminder_due
    clock.advance(days=1)  # 9 Nov: a week
    assert habits.today(store, profile.id).reminder_due
    habits.mark_reviewed(store, profile.id)
    assert not habits.today(store, profile.id).reminder_due
    clock.advance(days=7)  # 16 Nov
    assert habits.today(store, profile.id).reminder_due


def test_discomfort_is_logged_per_side_and_read_newest_first(
    store: Store, profile: Profile, clock: FakeClock
) -> None:
    habits.log_discomfort(
        store, profile.id, Side.LEFT, " lower   back ", "3", note="after deadlifts"
    )
    clock.advance(days=16)  # 18 Nov
    logged = habits.log_discomfort(store, profile.id, "right", "shoulder", 4)
    assert logged.changes.habits
    recent = habits.recent_discomfort(store, profile.id)
    assert [d.short for d in recent] == ["R shoulder 4/10 on 18 Nov", "L lower back 3/10 on 2 Nov"]
    assert recent[1].note == "after deadlifts"


@pytest.mark.parametrize(
    ("side", "site", "level", "day", "field"),
    [
        ("up", "knee", 3, None, "side"),
        ("left", "   ", 3, None, "site"),
        ("left", "k" * 61, 3, None, "site"),
        ("left", "knee", 11, None, "level"),
        ("left", "knee", -1, None, "level"),
        ("left", "knee", "4.5", None, "level"),
        ("left", "knee", "a lot", None, "level"),
        ("left", "knee", float("nan"), None, "level"),
        ("left", "knee", 3, date(2026, 11, 3), "noted_on"),  # tomorrow
    ],
)
def test_bad_discomfort_is_refused_and_nothing_is_stored(
    store: Store,
    profile: Profile,
    side: str,
    site: str,
    level: object,
    day: date | None,
    field: str,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        habits.log_discomfort(store, profile.id, side, site, level, noted_on=day)
    assert refused.value.field == field
    assert habits.recent_discomfort(store, profile.id) == []


def test_stored_answers_from_another_version_still_open() -> None:
    raw = {"sleeping_side": "left", "phone_looking_down": "yes", "from_a_newer_version": 1}
    assert HabitAnswers.from_dict(raw) == HabitAnswers(sleeping_side="left")
    assert HabitAnswers.from_dict(None) == HabitAnswers()
    assert HabitAnswers.from_dict(replace(OFFICE_TENNIS).to_dict()) == OFFICE_TENNIS
