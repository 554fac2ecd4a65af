"""Databases as older versions of Evenside left them, for the upgrade tests."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from evenside.storage import migrate


def seed_at(path: Path, revision: str) -> None:
    """Make a file at an older revision with a profile, a custom exercise and a logged set."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        migrate.upgrade(connection, revision)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO profiles (id, name, dominant_side, unit, settings_json, created_at) "
            "VALUES (1, 'Kim', 'right', 'lb', '{}', '2026-01-01 10:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO exercises (id, name, laterality, load_basis, primary_muscles, "
            "secondary_muscles, equipment, custom, archived) VALUES "
            "(1000, 'My landmine row', 'unilateral', 'total', 'upper back', '', '', 1, 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO sessions (id, profile_id, name, notes, started_at) "
            "VALUES (1, 1, 'Pull', '', '2026-01-02 10:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO session_exercises (id, session_id, exercise_id, position, first_side, "
            "stretch_status, notes) VALUES (1, 1, 1000, 0, 'left', 'done', '')"
        )
        connection.exec_driver_sql(
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, "
            "logged_at) VALUES (1, 0, 'left', 61.23496995, 8, 'working', '2026-01-02 10:05:00')"
        )
    engine.dispose()


# Values the old services and importers let through (issue 19), one set each; set 1 is
# seed_at's good set. 1e999 is how SQL spells infinity.
BAD_SETS_SQL = (
    "INSERT INTO sets (id, session_exercise_id, position, side, weight_kg, reps, "
    "duration_seconds, rpe, rir, kind, logged_at) VALUES "
    "(2, 1, 1, 'right', -5.0, 8, NULL, NULL, NULL, 'working', '2026-01-02 10:06:00'), "
    "(3, 1, 2, 'left', 1e999, 8, NULL, NULL, NULL, 'working', '2026-01-02 10:07:00'), "
    "(4, 1, 3, 'right', 'heavy', 8, NULL, NULL, NULL, 'working', '2026-01-02 10:08:00'), "
    "(5, 1, 4, 'left', 20.0, 8.5, NULL, NULL, NULL, 'working', '2026-01-02 10:09:00'), "
    "(6, 1, 5, 'right', 20.0, 8, NULL, 99.0, NULL, 'working', '2026-01-02 10:10:00'), "
    "(7, 1, 6, 'left', NULL, NULL, -30, NULL, NULL, 'working', '2026-01-02 10:11:00'), "
    "(8, 1, 7, 'right', 1e300, 'eight', NULL, NULL, 7.0, 'working', '2026-01-02 10:12:00')"
)
BAD_MEASUREMENTS_SQL = (
    "INSERT INTO measurements (id, profile_id, site, side, value_cm, measured_on) VALUES "
    "(1, 1, 'Upper arm', 'right', 35.5, '2026-01-03'), "
    "(2, 1, 'Upper arm', 'left', -3.0, '2026-01-03'), "
    "(3, 1, 'Calf', 'left', 1e999, '2026-01-04')"
)


def seed_bad_values_at_0002(path: Path) -> None:
    """A 0002 file holding the values issue 19 found stored through the old write paths."""
    seed_at(path, "0002")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql(BAD_SETS_SQL)
        connection.exec_driver_sql(BAD_MEASUREMENTS_SQL)
    engine.dispose()
