"""Demo data: deterministic, a left-side weakness that narrows, stretches done and skipped."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

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


def test_demo_left_weakness_narrows(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "demo.sqlite3"
    _make(path, clock)
    rows = [r for r in _dump(path) if r[1] == "Bulgarian split squat" and r[5] == "working"]
    sessions = sorted({r[0] for r in rows})
    assert len(sessions) == 37  # weekly from 1 February to 26 October

    def best_reps(started: object) -> tuple[float, int, int]:
        """Both sides lift the same load in a session: (load, left's best reps, right's)."""
        sets = [r for r in rows if r[0] == started]
        [load] = {r[3] for r in sets}
        left = max(r[4] for r in sets if r[2] == "left")
        right = max(r[4] for r in sets if r[2] == "right")
        return load, left, right

    # At a matched load, reps say which side is weaker. The first three weeks: left 1 rep
    # against right 6 (16 kg, twice), then 2 against 8 (15 kg): far weaker. The last three:
    # 8 against 11 (17 kg), 6 against 8 (19 kg), 9 against 11 (17 kg): the gap has narrowed.
    assert [best_reps(s) for s in sessions[:3]] == [(16.0, 1, 6), (16.0, 1, 6), (15.0, 2, 8)]
    assert [best_reps(s) for s in sessions[-3:]] == [(17.0, 8, 11), (19.0, 6, 8), (17.0, 9, 11)]


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
