"""Everyday habits and discomfort: the questionnaire's answers, the checklist they yield,
today's ticks, the weekly reminder, and the per-side discomfort log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from evenside.domain.changes import Changes
from evenside.domain.discomfort import Discomfort, check_discomfort
from evenside.domain.errors import InvalidInput
from evenside.domain.habits import (
    HABIT_KEYS,
    Habit,
    HabitAnswers,
    checklist,
    reminder_due,
)
from evenside.domain.sides import Side
from evenside.services.store import Store
from evenside.storage import habit_repo

HABITS_CHANGED = Changes(habits=True)
RECENT_DISCOMFORT = 8


@dataclass(frozen=True)
class TodaysHabits:
    """What the Session start panel shows: the checklist with today's ticks, and whether the
    weekly reminder is due."""

    answered: bool
    items: tuple[Habit, ...]
    ticked: frozenset[str]
    reminder_due: bool


@dataclass(frozen=True)
class DiscomfortLogged:
    entry: Discomfort
    changes: Changes


def answers(store: Store, profile_id: int) -> HabitAnswers:
    with store.transaction() as tx:
        return habit_repo.get_answers(tx, profile_id)


def save_answers(store: Store, profile_id: int, new: HabitAnswers) -> Changes:
    """Store the questionnaire's answers; answering counts as this week's review."""
    checked = new.validated()
    with store.transaction() as tx:
        habit_repo.save_answers(tx, profile_id, checked, store.now().date())
    return HABITS_CHANGED


def personal_checklist(store: Store, profile_id: int) -> tuple[Habit, ...]:
    return checklist(answers(store, profile_id))


def today(store: Store, profile_id: int) -> TodaysHabits:
    day = store.now().date()
    with store.transaction() as tx:
        given = habit_repo.get_answers(tx, profile_id)
        ticked = habit_repo.ticked_keys(tx, profile_id, day)
        reviewed = habit_repo.get_reviewed_on(tx, profile_id)
    return TodaysHabits(given.answered, checklist(given), ticked, reminder_due(reviewed, day))


def tick(store: Store, profile_id: int, key: str, ticked: bool = True) -> Changes:
    """Tick (or untick) a habit of the checklist for today."""
    if key not in HABIT_KEYS:
        raise InvalidInput(f"No habit called {key!r}.", "habit")
    with store.transaction() as tx:
        habit_repo.set_tick(tx, profile_id, key, store.now().date(), ticked)
    return HABITS_CHANGED


def ticked_on(store: Store, profile_id: int, day: date) -> frozenset[str]:
    with store.transaction() as tx:
        return habit_repo.ticked_keys(tx, profile_id, day)


def mark_reviewed(store: Store, profile_id: int) -> Changes:
    """The user looked over the checklist: the next reminder comes a week from today."""
    with store.transaction() as tx:
        habit_repo.set_reviewed_on(tx, profile_id, store.now().date())
    return HABITS_CHANGED


def log_discomfort(
    store: Store,
    profile_id: int,
    side: Side | str,
    site: str,
    level: object,
    *,
    note: str = "",
    noted_on: date | None = None,
) -> DiscomfortLogged:
    """Record discomfort on a side; bad input raises InvalidInput and stores nothing."""
    now = store.now().date()
    day = now if noted_on is None else noted_on
    chosen, where, level_value, clean = check_discomfort(
        side, site, level, note=note, noted_on=day, today=now
    )
    with store.transaction() as tx:
        entry = habit_repo.add_discomfort(
            tx, profile_id, side=chosen, site=where, level=level_value, note=clean, day=day
        )
    return DiscomfortLogged(entry, HABITS_CHANGED)


def recent_discomfort(
    store: Store, profile_id: int, limit: int = RECENT_DISCOMFORT
) -> list[Discomfort]:
    """The latest entries, newest first."""
    with store.transaction() as tx:
        return habit_repo.recent_discomfort(tx, profile_id, limit)
