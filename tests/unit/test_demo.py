"""Demo data: deterministic, a left-side weakness that narrows, stretches done and skipped."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from evenside.domain.asymmetry import percentage_difference
from evenside.domain.e1rm import estimate_one_rep_max
from evenside.domain.sides import Side
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
    assert rows
    sessions = sorted({r[0] for r in rows})

    def gap(session_starts: list[object]) -> float:
        best = {Side.LEFT: 0.0, Side.RIGHT: 0.0}
        for started, _, side, weight, reps, _ in rows:
            if started in session_starts:
                e1rm = estimate_one_rep_max(float(weight), int(reps)) or 0.0
                best[Side(side)] = max(best[Side(side)], e1rm)
        result = percentage_difference(best[Side.LEFT], best[Side.RIGHT])
        assert result is not None and result.weaker is Side.LEFT
        return result.percent

    early, late = gap(sessions[:3]), gap(sessions[-3:])
    assert early > 10 and late < early


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
