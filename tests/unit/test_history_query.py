"""History's queries: a page at a time, by exercise and days, and the calendar's days."""

from __future__ import annotations

from datetime import date, timedelta

from evenside.domain.history import HistoryQuery, SessionsPage
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import history, library, profiles, workout
from evenside.services.store import Store
from fakes import FakeClock


def test_page_wording() -> None:
    assert SessionsPage(0, 0).describe() == "No sessions"
    assert SessionsPage(0, 1).describe() == "1 session"
    assert SessionsPage(0, 40).describe() == "40 sessions"
    assert SessionsPage(0, 250).describe() == "Sessions 1–100 of 250"
    last = SessionsPage(200, 250)
    assert last.describe() == "Sessions 201–250 of 250"
    assert last.has_newer and not last.has_older


def _seed(store: Store, clock: FakeClock) -> int:
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    ids = {e.name: e.id for e in library.all_exercises(store)}
    now = clock.moment
    for days in range(1, 8):  # one session a day for a week: rows, then squats, in turn
        clock.moment = now - timedelta(days=days)
        session = workout.start_session(store, alex.id)
        name = "One-arm dumbbell row" if days % 2 else "Bulgarian split squat"
        se = workout.add_exercise(store, session.id, ids[name])
        workout.log_set(store, se, SetRecord(Side.LEFT, 20, 8))
        workout.finish_session(store, session.id)
    clock.moment = now
    return alex.id


def test_filters_pages_and_training_days(store: Store, clock: FakeClock) -> None:
    alex = _seed(store, clock)  # the clock: Mon 2 Nov 2026; sessions 26 Oct to 1 Nov
    rows, page = history.find(store, alex, HistoryQuery(), first=0, size=3)
    assert page.describe() == "Sessions 1–3 of 7"
    assert [r.started_at.date() for r in rows] == [
        date(2026, 11, 1),
        date(2026, 10, 31),
        date(2026, 10, 30),
    ]
    _, beyond = history.find(store, alex, HistoryQuery(), first=50, size=3)
    assert beyond.describe() == "Session 7 of 7"  # past the end: the last page
    # Rows on odd days back: 1, 3, 5, 7 -> 4 sessions; "ROW" in any case.
    _, rows_only = history.find(store, alex, HistoryQuery(exercise_text="ROW"))
    assert rows_only.total == 4
    squat = next(e.id for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    _, squats = history.find(store, alex, HistoryQuery(exercise_id=squat))
    assert squats.total == 3
    days = HistoryQuery(first_day=date(2026, 10, 28), last_day=date(2026, 10, 30))
    _, three = history.find(store, alex, days)
    assert three.total == 3  # 28, 29 and 30 October, both ends included
    marks = history.training_days(store, alex, date(2026, 10, 1), date(2026, 10, 31))
    assert sorted(marks) == [date(2026, 10, d) for d in range(26, 32)]
    _, none = history.find(store, alex, HistoryQuery(exercise_text="100%_"))
    assert none.total == 0  # % and _ are letters here, not patterns
