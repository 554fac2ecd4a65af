"""Demo data: deterministic, a left-side weakness that narrows, stretches done and skipped."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path

from evenside.services import assessments, profiles, verdicts
from evenside.services.demo import DEMO_PROFILE, fill_demo
from evenside.services.store import open_store
from fakes import FakeClock

END = date(2026, 11, 1)


def _make(path: Path, clock: FakeClock) -> None:
    store = open_store(path, clock=clock)
    fill_demo(store, end=END)
    store.close()


def _dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT s.started_at, e.name, t.side, t.weight_kg, t.reps, t.kind "
            "FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id "
            "JOIN sessions s ON s.id = se.session_id JOIN exercises e ON e.id = se.exercise_id "
            "ORDER BY t.id"
        ).fetchall()


def test_demo_is_deterministic(tmp_path: Path, clock: FakeClock) -> None:
    _make(tmp_path / "a.sqlite3", clock)
    _make(tmp_path / "b.sqlite3", clock)
    assert _dump(tmp_path / "a.sqlite3") == _dump(tmp_path / "b.sqlite3")


def _working(path: Path) -> list[tuple[object, ...]]:
    """Working sets of one-sided exercises: (session, exercise, side, kg, reps, s, rpe)."""
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT s.started_at, e.name, t.side, t.weight_kg, t.reps, t.duration_seconds, t.rpe "
            "FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id "
            "JOIN sessions s ON s.id = se.session_id JOIN exercises e ON e.id = se.exercise_id "
            "WHERE t.kind = 'working' AND t.side != 'both' ORDER BY t.id"
        ).fetchall()


def test_demo_follows_weak_side_first_and_never_out_works_it(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "demo.sqlite3"
    _make(path, clock)
    by_exercise: dict[tuple[object, object], list[tuple[object, ...]]] = defaultdict(list)
    for row in _working(path):
        by_exercise[row[0], row[1]].append(row)
    assert len(by_exercise) > 500
    for sets in by_exercise.values():
        # Left first, then right, set after set, the right at the left's load.
        assert [r[2] for r in sets] == ["left", "right"] * (len(sets) // 2)
        for left, right in zip(sets[::2], sets[1::2], strict=True):
            assert right[3] == left[3]
            assert (right[4] or 0) <= (left[4] or 0)
            assert (right[5] or 0) <= (left[5] or 0)
        # The effort of each side's last set is recorded, so the sides can be compared.
        assert sets[-2][6] is not None and sets[-1][6] is not None


def test_demo_left_weakness_closes_and_the_verdict_says_so(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "demo.sqlite3"
    _make(path, clock)
    rows = [r for r in _working(path) if r[1] == "Bulgarian split squat"]
    sessions = sorted({r[0] for r in rows})
    assert len(sessions) == 36  # weekly from 1 February to 26 October, one missed

    def last_rpe(started: object) -> tuple[object, ...]:
        """The load, reps, and each side's RPE on its last set."""
        left, right = [r for r in rows if r[0] == started][-2:]
        return left[3], left[4], left[6], right[6]

    # The same load and reps on both sides; the right finds them far easier at first (9 kg x 8:
    # RPE 5 against the left's 9), a little easier at the end (12 kg x 10: 7 against 9).
    assert last_rpe(sessions[0]) == (9.0, 8, 9.0, 5.0)
    assert last_rpe(sessions[-1]) == (12.0, 10, 9.0, 7.0)
    store = open_store(path, clock=clock)
    [profile] = profiles.list_profiles(store)
    [verdict] = verdicts.all_verdicts(store, profile.id, exercise_name="Bulgarian split squat")
    store.close()
    assert verdict.sentence == (
        "Your left is 10 % weaker than your right, beyond day-to-day variation, "
        "and the gap has closed by 4 points since 21 September."
    )


def test_demo_has_a_baseline_and_four_weekly_retests(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "demo.sqlite3"
    _make(path, clock)
    store = open_store(path, clock=clock)
    [profile] = profiles.list_profiles(store)
    tests = assessments.series(store, profile.id)
    store.close()
    # 39 weeks: a baseline in week 0 and re-tests in weeks 4, 8, ... 36: ten each.
    assert sorted((t.name, len(t.results)) for t in tests) == [
        ("Bulgarian split squat", 10),
        ("One-arm dumbbell row", 10),
        ("Side plank", 10),
    ]


def test_demo_has_stretches_done_and_skipped_and_measurements(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "demo.sqlite3"
    _make(path, clock)
    with sqlite3.connect(path) as connection:
        statuses = dict(
            connection.execute(
                "SELECT stretch_status, count(*) FROM session_exercises GROUP BY 1"
            ).fetchall()
        )
        sides = {r[0] for r in connection.execute("SELECT DISTINCT side FROM measurements")}
        profile = connection.execute("SELECT name FROM profiles").fetchone()[0]
        span = connection.execute(
            "SELECT min(started_at), max(started_at) FROM sessions"
        ).fetchone()
    assert statuses["done"] > statuses["skipped"] > 0
    assert sides == {"left", "right"}
    assert profile == DEMO_PROFILE
    assert span[0].startswith("2026-02") and span[1] <= "2026-11-02"


def test_demo_has_a_generated_routine_with_the_demo_persons_gaps(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Four days of 60 minutes, full gym, made from the demo person's own verdicts: every
    exercise with a weaker side named is in it, or the routine says why not."""
    from evenside.services import library, routines

    store = open_store(tmp_path / "demo.sqlite3", clock=clock)
    try:
        summary = fill_demo(store, end=END)
        [(routine_id, name)] = routines.list_routines(store, summary.profile_id)
        routine = routines.get_routine(store, routine_id)
        gaps = routines.current_asymmetries(store, summary.profile_id)
        names = {e.id: e.name for e in library.all_exercises(store)}
    finally:
        store.close()
    assert name == "Generated: 4 days, 60 min"
    assert [d.name for d in routine.days] == ["Upper A", "Lower A", "Upper B", "Lower B"]
    used = {i.exercise_id for _d, i in routine.items()}
    unmet = routines.unmet_reasons(routine)
    weaker = [i for i, gap in gaps.items() if gap.weaker is not None]
    assert weaker  # the demo person has gaps beyond noise
    for exercise_id in weaker:
        assert exercise_id in used or any(r.startswith(names[exercise_id]) for r in unmet)
