"""The benchmarks cannot rot: every path of ``make bench`` runs once on a tiny database
(no timing is judged), the floors do the job they stand for, and a child's memory is its
own, not the figure of the big process that started it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import databases  # noqa: E402
import floors  # noqa: E402
import measure  # noqa: E402
from import_memory import write_strong_export  # noqa: E402

from evenside.domain.sides import Side  # noqa: E402
from evenside.domain.units import Unit  # noqa: E402
from evenside.services import library, profiles  # noqa: E402
from evenside.services.store import open_store  # noqa: E402
from evenside.storage import evidence_repo, progress_repo  # noqa: E402

FIGURES = (
    "first paint, real entry point",
    "cold start to a painted, usable Session page",
    "peak memory, Progress open",
    "log one set, real disk",
    "one exercise's series, all history",
    "overview",
    "Strong import, 200 rows",
    "import memory, 500 rows",
    "Progress, first visit",
    "Measurements, first visit",
    "History, first visit",
    "Progress, revisit",
    "Measurements, revisit",
    "History, revisit",
    "changing exercise on Progress",
    "finishing a session (summary)",
    "the record line after logging a set",
)


def test_every_bench_path_runs_once_and_leaves_the_data_folder_alone(tmp_path: Path) -> None:
    data = tmp_path / "bench-data"
    env = {**os.environ, "EVENSIDE_BENCH_DATA": str(data)}
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for figure in FIGURES:
        assert f"| {figure}" in result.stdout, figure
    assert "Machine: " in result.stdout and "SQLite " in result.stdout
    assert "| 0.02 y |" in result.stdout  # the figures name the history they ran on
    # Whole-process runs work on copies elsewhere: no backup, log or -wal beside the cache.
    assert sorted(p.name for p in data.iterdir()) == ["bench-0.02y.sqlite3"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.sqlite3"
    databases.build(path, 0.02)
    return path


def test_the_series_floor_runs_both_queries_the_app_runs(tiny: Path) -> None:
    store = open_store(databases.fresh_copy(tiny))
    profile = profiles.current_profile(store)
    assert profile is not None
    exercise = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    with store.transaction() as tx:
        maxima = progress_repo.reps_maxima(tx, profile.id, exercise_id=exercise.id)
        weeks = progress_repo.weekly_volume(tx, profile.id, exercise.id)
        sessions = evidence_repo.one_sided_sessions(tx, profile.id)
    raw = floors.raw_connection(store.path)
    raw_maxima, raw_weeks = floors.series(raw, profile.id, exercise.id)
    assert [(r[1], r[3], r[4], r[5]) for r in raw_maxima] == [
        (m.session_id, m.side.value, m.reps, m.weight_kg) for m in maxima
    ]
    assert [(r[0], r[1], r[5]) for r in raw_weeks] == [
        (w.week.isoformat(), w.side.value, w.sets) for w in weeks
    ]
    assert len(floors.overview(raw, profile.id)) == sum(len(s.sets) for s in sessions)
    raw.close()
    store.close()


def test_the_import_floor_writes_every_row_into_the_apps_schema(tmp_path: Path) -> None:
    source = tmp_path / "strong.csv"
    write_strong_export(source, 48)  # 24 rows a workout: two workouts
    target = tmp_path / "floor.sqlite3"
    store = open_store(target)
    profiles.create_profile(store, "Bench", Side.RIGHT, Unit.KG)
    store.close()
    assert floors.import_csv(source, target) == 48
    raw = floors.raw_connection(target)
    assert raw.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert raw.execute("SELECT count(*) FROM sets WHERE kind = 'warm-up'").fetchone()[0] == 12
    # Like the app's bulk write, the floor leaves the session bests whole: one row per
    # entry, side and rep count of the 36 working sets.
    assert raw.execute("SELECT count(*) FROM session_bests_paused").fetchone()[0] == 0
    kept = raw.execute("SELECT count(*) FROM session_bests").fetchone()[0]
    groups = raw.execute(
        "SELECT count(*) FROM (SELECT DISTINCT session_exercise_id, side, reps FROM sets "
        "WHERE kind != 'warm-up')"
    ).fetchone()[0]
    assert kept == groups > 0
    raw.close()


def test_a_child_reports_its_own_peak_memory_not_its_parents(tmp_path: Path) -> None:
    ballast = bytearray(300 * 1024 * 1024)  # this process: over 300 MiB resident
    ballast[::4096] = b"\1" * len(ballast[::4096])
    found = measure.spawn([sys.executable, "-c", "pass"], measure.isolated_env(tmp_path))
    del ballast
    assert found["maxrss MiB"] < 100  # a bare interpreter: a few tens of MiB at most


def test_the_series_floor_also_reads_the_gap_charts_evidence(tiny: Path) -> None:
    store = open_store(databases.fresh_copy(tiny))
    profile = profiles.current_profile(store)
    assert profile is not None
    exercise = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    with store.transaction() as tx:
        sessions = evidence_repo.one_sided_sessions(tx, profile.id, exercise_ids=[exercise.id])
    raw = floors.raw_connection(store.path)
    *_, evidence = floors.series_shown(raw, profile.id, exercise.id)
    # The same sets, in the same order, as the verdict behind the gap chart reads them.
    assert [(r[1], r[3], r[4], r[5]) for r in evidence] == [
        (s.session_id, t.side.value, t.weight_kg, t.reps) for s in sessions for t in s.sets
    ]
    assert evidence  # the one-week database holds one-sided sets of it
    raw.close()
    store.close()
