"""Everyday habits that build a one-sided imbalance, and the personal checklist they yield.

A short questionnaire (sleeping side, carrying side, bag and phone, crossed legs, standing,
one-sided work or sport, past injuries per side) gives a checklist of concrete habits to
practise, each with a stable key so a day's tick can be stored against it. A weekly
reminder asks the user to look over the checklist again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from typing import Any

from evenside.domain.errors import InvalidInput

# The choices each question accepts; "" is "not answered" everywhere.
SLEEPING = ("", "left", "right", "back", "varies")
CARRYING = ("", "left", "right", "both", "split")
ONE_SIDE = ("", "none", "left", "right")  # phone hand, leg on top, weight leg, sport arm, mouse
MAX_INJURY_NOTE = 200
REMINDER_DAYS = 7

_OTHER = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class HabitAnswers:
    """What the user answered; every field may be left unanswered ("")."""

    sleeping_side: str = ""  # the side lain on most nights
    carrying_side: str = ""  # the hand or shoulder bags are carried with
    one_shoulder_bag: bool = False  # a bag worn on one shoulder
    phone_hand: str = ""  # the hand the phone is held in, or "none" for no preference
    phone_looking_down: bool = False  # the phone is read with the head bent down
    crossed_leg_on_top: str = ""  # the leg on top when sitting cross-legged, "none": never
    standing_leg: str = ""  # the leg the weight goes on when standing, "none": both
    sport_arm: str = ""  # racket, throwing or paddling arm, "none": no one-sided sport
    mouse_hand: str = ""  # the desk mouse hand
    injuries_left: str = ""  # past injuries on the left side, free text
    injuries_right: str = ""

    @property
    def answered(self) -> bool:
        return self != HabitAnswers()

    def validated(self) -> HabitAnswers:
        """The answers cleaned up, or InvalidInput naming the first one that is not allowed."""
        allowed = {
            "sleeping_side": SLEEPING,
            "carrying_side": CARRYING,
            "phone_hand": ONE_SIDE,
            "crossed_leg_on_top": ONE_SIDE,
            "standing_leg": ONE_SIDE,
            "sport_arm": ONE_SIDE,
            "mouse_hand": ONE_SIDE,
        }
        for name, choices in allowed.items():
            if getattr(self, name) not in choices:
                shown = ", ".join(c for c in choices if c)
                raise InvalidInput(f"Answer {name.replace('_', ' ')} with {shown}.", name)
        notes = {}
        for name in ("injuries_left", "injuries_right"):
            text = " ".join(str(getattr(self, name)).split())
            if len(text) > MAX_INJURY_NOTE:
                side = name.removeprefix("injuries_")
                raise InvalidInput(
                    f"Past injuries on the {side} side: at most {MAX_INJURY_NOTE} characters.",
                    name,
                )
            notes[name] = text
        return HabitAnswers(**{**asdict(self), **notes})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: object) -> HabitAnswers:
        """Stored answers; unknown keys and values of the wrong type are dropped, so a file
        written by another version still opens."""
        if not isinstance(raw, dict):
            return cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = raw.get(f.name)
            wanted = bool if f.type in ("bool", bool) else str
            if type(value) is wanted:
                values[f.name] = value
        try:
            return cls(**values).validated()
        except InvalidInput:
            return cls()


@dataclass(frozen=True)
class Habit:
    """One item of the personal checklist: a stable key (ticks are stored by it) and what
    to do, in plain words."""

    key: str
    text: str


# (key, the answer it follows, the text with {side}: the side answered, {other}: the other).
_ONE_SIDED_HABITS = (
    (
        "sleep_alternate",
        "sleeping_side",
        "Alternate your sleeping side during the night",
    ),
    ("carry_other_hand", "carrying_side", "Carry with your {other} hand, or split the load"),
    ("phone_other_hand", "phone_hand", "Hold the phone in your {other} hand too"),
    ("legs_uncross", "crossed_leg_on_top", "Uncross, or cross with the {other} leg on top"),
    (
        "stand_both_feet",
        "standing_leg",
        "Shift weight between feet, or stand on both",
    ),
    ("sport_other_side", "sport_arm", "A few throws, swings or drills with your {other} arm"),
    ("mouse_switch", "mouse_hand", "Switch the mouse to your {other} hand for an hour"),
)
# (key, the yes/no answer it follows, the text), each placed after the habit named last.
_YES_HABITS = (
    (
        "bag_both_shoulders",
        "one_shoulder_bag",
        "Wear the bag on both shoulders, or switch shoulders",
        "carry_other_hand",
    ),
    ("phone_eye_level", "phone_looking_down", "Phone at eye level, not looking down", "phone"),
)


def checklist(answers: HabitAnswers) -> tuple[Habit, ...]:
    """The habits to practise, in the questionnaire's order."""
    items: list[Habit] = []
    for key, question, text in _ONE_SIDED_HABITS:
        side = getattr(answers, question)
        if side in _OTHER:
            items.append(Habit(key, text.format(side=side, other=_OTHER[side])))
        for yes_key, yes_question, yes_text, after in _YES_HABITS:
            if key.startswith(after) and getattr(answers, yes_question):
                items.append(Habit(yes_key, yes_text))
    for side, note in (("left", answers.injuries_left), ("right", answers.injuries_right)):
        if note:
            items.append(
                Habit(
                    f"injury_{side}",
                    f"Note how your {side} side feels in the discomfort log (past injury: {note})",
                )
            )
    return tuple(items)


HABIT_KEYS = frozenset(
    {
        "sleep_alternate",
        "carry_other_hand",
        "bag_both_shoulders",
        "phone_other_hand",
        "phone_eye_level",
        "legs_uncross",
        "stand_both_feet",
        "sport_other_side",
        "mouse_switch",
        "injury_left",
        "injury_right",
    }
)


def reminder_due(last_reviewed: date | None, today: date) -> bool:
    """Whether to remind the user to review the checklist: a week after it was last answered
    or reviewed. Never before the questionnaire has been answered once."""
    return last_reviewed is not None and today - last_reviewed >= timedelta(days=REMINDER_DAYS)


REMINDER_TEXT = (
    "Weekly check: look over your everyday-habits checklist. Has anything changed "
    "(a new bag, a new desk, a sport)?"
)
