"""Each revision's own upgrade, one step at a time, on a file seeded at the revision before:
0001 creates the schema, 0002 adds an exercise's rest, 0003 adds the entry rules as CHECK
constraints and keeps (in ``repairs``) and clears the stored values that break them, 0004
adds the assessments table, 0005 adds what coaching the weak side and trustworthy imports
need (override and unrecorded-sides marks, cardio distance, set keys, mappings, habits)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from old_files import seed_at, seed_bad_values_at_0002
from sqlalchemy import create_engine

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.services import assessments, library, progress, session_summary, workout
from evenside.services.store import open_store
from evenside.storage import migrate


def _upgrade_to(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        migrate.upgrade(connection, revision)
    engine.dispose()


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def test_0001_creates_every_table(db_path: Path) -> None:
    seed_at(db_path, "0001")
    tables = _query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    assert [t[0] for t in tables] == [
        "alembic_version",
        "app_meta",
        "exercise_stretches",
        "exercises",
        "measurements",
        "profiles",
        "routine_days",
        "routine_items",
        "routines",
        "session_exercises",
        "sessions",
        "sets",
        "stretches",
    ]
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0001",)]


def test_0002_adds_an_empty_rest_to_every_exercise_and_keeps_the_rest(db_path: Path) -> None:
    seed_at(db_path, "0001")
    assert "rest_seconds" not in [c[1] for c in _query(db_path, "PRAGMA table_info(exercises)")]
    _upgrade_to(db_path, "0002")
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0002",)]
    assert _query(db_path, "SELECT id, name, rest_seconds FROM exercises") == [
        (1000, "My landmine row", None)
    ]
    assert _query(db_path, "SELECT weight_kg, reps FROM sets") == [(61.23496995, 8)]
    store = open_store(db_path)  # the column is used: a rest can be set and read back
    library.set_rest(store, 1000, 90)
    assert library.get_exercise(store, 1000).rest_seconds == 90
    store.close()


def test_0003_keeps_every_set_and_clears_only_the_bad_values(db_path: Path) -> None:
    seed_bad_values_at_0002(db_path)
    _upgrade_to(db_path, "0003")
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert _query(
        db_path,
        "SELECT id, position, side, weight_kg, reps, duration_seconds, rpe, rir FROM sets "
        "ORDER BY id",
    ) == [
        (1, 0, "left", 61.23496995, 8, None, None, None),
        (2, 1, "right", None, 8, None, None, None),
        (3, 2, "left", None, 8, None, None, None),
        (4, 3, "right", None, 8, None, None, None),
        (5, 4, "left", 20.0, None, None, None, None),
        (6, 5, "right", 20.0, 8, None, None, None),
        (7, 6, "left", None, None, None, None, None),
        (8, 7, "right", None, None, None, None, None),
    ]


def test_0003_keeps_each_original_value_in_repairs(db_path: Path) -> None:
    seed_bad_values_at_0002(db_path)
    _upgrade_to(db_path, "0003")
    assert _query(
        db_path,
        "SELECT table_name, row_id, column_name, original_value, action FROM repairs ORDER BY id",
    ) == [
        ("sets", 2, "weight_kg", "-5.0", "cleared"),
        ("sets", 3, "weight_kg", "Inf", "cleared"),
        ("sets", 4, "weight_kg", "heavy", "cleared"),
        ("sets", 8, "weight_kg", "1.0e+300", "cleared"),
        ("sets", 5, "reps", "8.5", "cleared"),
        ("sets", 8, "reps", "eight", "cleared"),
        ("sets", 7, "duration_seconds", "-30", "cleared"),
        ("sets", 6, "rpe", "99.0", "cleared"),
        ("sets", 8, "rir", "7.0", "cleared"),
        ("measurements", 2, "profile_id", "1", "removed"),
        ("measurements", 3, "profile_id", "1", "removed"),
        ("measurements", 2, "site", "Upper arm", "removed"),
        ("measurements", 3, "site", "Calf", "removed"),
        ("measurements", 2, "side", "left", "removed"),
        ("measurements", 3, "side", "left", "removed"),
        ("measurements", 2, "measured_on", "2026-01-03", "removed"),
        ("measurements", 3, "measured_on", "2026-01-04", "removed"),
        ("measurements", 2, "value_cm", "-3.0", "removed"),
        ("measurements", 3, "value_cm", "Inf", "removed"),
    ]
    assert _query(db_path, "SELECT id, value_cm FROM measurements") == [(1, 35.5)]
    assert _query(db_path, "SELECT count(DISTINCT repaired_at) FROM repairs") == [(1,)]


def test_after_0003_the_session_reads_everywhere(db_path: Path) -> None:
    """Issue 19: a stored bad value crashed summarise(); after the repair every page reads."""
    seed_bad_values_at_0002(db_path)
    store = open_store(db_path)  # the app's own upgrade path
    summary = session_summary.summarise(store, 1)
    assert [e.name for e in summary.exercises] == ["My landmine row"]
    assert len(summary.session.exercises[0].sets) == 8
    (listing,) = workout.history(store, 1)
    assert (listing.id, listing.sets) == (1, 8)
    # Set 1 (61.23496995 x 8, left) and set 6 (20 x 8, right) are the only weighed ones.
    assert listing.volume_left == 61.23496995 * 8
    assert listing.volume_right == 20.0 * 8
    series = progress.exercise_progress(store, 1, 1000)
    assert series.exercise.name == "My landmine row"
    assert [m.value_cm for m in progress.measurements(store, 1, "Upper arm")] == [35.5]
    store.close()


def test_0004_adds_an_empty_assessments_table_and_keeps_the_rest(db_path: Path) -> None:
    seed_at(db_path, "0003")
    _upgrade_to(db_path, "0004")
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0004",)]
    assert _query(db_path, "SELECT count(*) FROM assessments") == [(0,)]
    assert _query(db_path, "SELECT id, name FROM profiles") == [(1, "Kim")]
    assert _query(db_path, "SELECT weight_kg, reps FROM sets") == [(61.23496995, 8)]
    store = open_store(db_path)  # the table is used: a test on the custom exercise is kept
    assessments.record_assessment(
        store,
        1,
        Assessment(AssessmentKind.REPS_TO_FAILURE, date(2026, 1, 9), 8, 10, 1000, load_kg=30),
    )
    store.close()
    assert _query(
        db_path,
        "SELECT profile_id, exercise_id, test_name, kind, assessed_on, left_value, "
        "right_value, load_kg, reps, tighter_side FROM assessments",
    ) == [(1, 1000, "", "reps to failure", "2026-01-09", 8.0, 10.0, 30.0, None, None)]


def test_0004_checks_refuse_what_the_entry_rule_refuses(db_path: Path) -> None:
    seed_at(db_path, "0003")
    _upgrade_to(db_path, "0004")
    insert = (
        "INSERT INTO assessments (profile_id, exercise_id, test_name, kind, assessed_on, "
        "left_value, right_value, load_kg, reps, tighter_side, notes) VALUES "
    )
    bad = [
        "(1, 1000, '', 'sprint', '2026-01-09', 8, 10, 30, NULL, NULL, '')",
        "(1, 1000, '', 'reps to failure', '2026-01-09', -1, 10, 30, NULL, NULL, '')",
        "(1, 1000, '', 'reps to failure', '2026-01-09', 8, 1e999, 30, NULL, NULL, '')",
        "(1, 1000, '', 'top set with RPE', '2026-01-09', 8, 9, 30, 13, NULL, '')",
        "(1, NULL, '', 'range of motion', '2026-01-09', 30, 40, NULL, NULL, NULL, '')",
        "(1, NULL, 'Hip', 'range of motion', '2026-01-09', 30, 40, NULL, NULL, 'both', '')",
    ]
    with sqlite3.connect(db_path) as connection:
        for values in bad:
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                connection.execute(insert + values)
        connection.execute(
            insert + "(1, NULL, 'Hip', 'range of motion', '2026-01-09', 30, 40, NULL, NULL, "
            "'left', '')"
        )
    connection.close()


def test_0005_keeps_every_set_and_starts_the_new_marks_empty(db_path: Path) -> None:
    seed_at(db_path, "0004")
    _upgrade_to(db_path, "0005")
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0005",)]
    assert _query(
        db_path,
        "SELECT weight_kg, reps, volume_override, sides_unrecorded, distance_m, notes, "
        "source_key FROM sets",
    ) == [(61.23496995, 8, 0, 0, None, "", None)]
    assert _query(db_path, "SELECT name, kind, import_source FROM exercises WHERE id = 1000") == [
        ("My landmine row", "strength", None)
    ]
    assert _query(db_path, "SELECT superset_group FROM session_exercises") == [(None,)]
    for table in ("import_mappings", "catch_ups", "habit_ticks", "discomfort"):
        assert _query(db_path, f"SELECT count(*) FROM {table}") == [(0,)]


def test_0005_checks_refuse_a_negative_distance_and_a_discomfort_of_eleven(db_path: Path) -> None:
    seed_at(db_path, "0004")
    _upgrade_to(db_path, "0005")
    with sqlite3.connect(db_path) as connection:
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE sets SET distance_m = -5")
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(
                "INSERT INTO discomfort (profile_id, site, side, level, note, noted_on) "
                "VALUES (1, 'Low back', 'left', 11, '', '2026-11-22')"
            )
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE exercises SET kind = 'yoga'")
    connection.close()


def test_0006_fills_the_session_bests_from_the_sets_already_stored(db_path: Path) -> None:
    seed_at(db_path, "0005")
    with sqlite3.connect(db_path) as connection:  # a warm-up, heavier, never counts
        connection.execute(
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, "
            "logged_at) VALUES (1, 1, 'left', 90, 8, 'warm-up', '2026-01-02 10:05:00')"
        )
    connection.close()
    _upgrade_to(db_path, "0006")
    assert _query(db_path, "SELECT version_num FROM alembic_version") == [("0006",)]
    # The one working set the old file holds (see old_files.seed_at), as it was stored.
    assert _query(
        db_path,
        "SELECT session_exercise_id, side, reps, exercise_id, best_kg, best_seconds "
        "FROM session_bests",
    ) == [(1, "left", 8, 1000, 61.23496995, None)]
    triggers = _query(db_path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
    assert triggers == [(5,)]
