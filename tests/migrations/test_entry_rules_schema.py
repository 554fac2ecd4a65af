"""The schema's CHECK constraints say what the domain's entry rule says. Each case is
written out with its expected answer; the migrated schema (0003), the schema built from the
models, and ``set_problem`` must each give that answer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from evenside.domain.entry import check_measurement_cm, set_problem
from evenside.domain.errors import InvalidInput
from evenside.storage.database import open_database
from evenside.storage.models import Base

INF = float("inf")

# (weight_kg, reps, duration_seconds, rpe, rir), may it be stored?
SET_CASES: list[tuple[tuple[object, ...], bool]] = [
    ((0.0, 0, None, None, None), True),
    ((1000.0, 1000, None, None, None), True),
    ((None, None, 1, None, None), True),
    ((None, None, 86400, None, None), True),
    ((20.0, 8, None, 5.0, 5.0), True),
    ((20.0, 8, None, 10.0, 0.0), True),
    ((20.0, 8, None, 7.5, 2.5), True),
    ((-0.5, 8, None, None, None), False),
    ((1000.5, 8, None, None, None), False),
    ((INF, 8, None, None, None), False),
    ((-INF, 8, None, None, None), False),
    ((1e300, 8, None, None, None), False),
    (("heavy", 8, None, None, None), False),
    ((20.0, 8.5, None, None, None), False),
    ((20.0, "eight", None, None, None), False),
    ((20.0, -1, None, None, None), False),
    ((20.0, 1001, None, None, None), False),
    ((None, None, 0, None, None), False),
    ((None, None, -30, None, None), False),
    ((None, None, 86401, None, None), False),
    ((None, None, 90.5, None, None), False),
    ((20.0, 8, None, 4.5, None), False),
    ((20.0, 8, None, 10.5, None), False),
    ((20.0, 8, None, 7.25, None), False),
    ((20.0, 8, None, 99.0, None), False),
    ((20.0, 8, None, None, -0.5), False),
    ((20.0, 8, None, None, 5.5), False),
    ((20.0, 8, None, None, 1.25), False),
]
MEASUREMENT_CASES: list[tuple[object, bool]] = [
    (0.1, True),
    (300.0, True),
    (0.0, False),
    (-1.0, False),
    (300.5, False),
    (INF, False),
    ("forty", False),
]


@pytest.fixture(scope="module", params=["migrated", "from-models"])
def schema(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(request.param) / "evenside.sqlite3"
    if request.param == "migrated":
        open_database(path, now=datetime(2026, 11, 2, 9, 30)).close()
    else:
        engine = create_engine(f"sqlite:///{path}")
        Base.metadata.create_all(engine)
        engine.dispose()
    return path


@pytest.fixture
def raw(schema: Path) -> Iterator[sqlite3.Connection]:
    """A bare connection (foreign keys off: only the CHECK constraints are in play)."""
    connection = sqlite3.connect(schema)
    yield connection
    connection.rollback()
    connection.close()


def _stores(connection: sqlite3.Connection, sql: str, values: tuple[object, ...]) -> bool:
    try:
        connection.execute(sql, values)
    except sqlite3.IntegrityError as exc:
        assert "CHECK constraint failed" in str(exc)
        return False
    return True


@pytest.mark.parametrize(("values", "allowed"), SET_CASES, ids=repr)
def test_the_sets_table_allows_what_the_rule_allows(
    raw: sqlite3.Connection, values: tuple[object, ...], allowed: bool
) -> None:
    sql = (
        "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, "
        "duration_seconds, rpe, rir, kind, logged_at) "
        "VALUES (1, 0, 'left', ?, ?, ?, ?, ?, 'working', '2026-11-02 10:00:00')"
    )
    assert _stores(raw, sql, values) is allowed


@pytest.mark.parametrize(("values", "allowed"), SET_CASES, ids=repr)
def test_the_domain_rule_allows_the_same(values: tuple[object, ...], allowed: bool) -> None:
    assert (set_problem(*values) is None) is allowed


@pytest.mark.parametrize(("value", "allowed"), MEASUREMENT_CASES, ids=repr)
def test_the_measurements_table_and_the_rule_agree(
    raw: sqlite3.Connection, value: object, allowed: bool
) -> None:
    sql = (
        "INSERT INTO measurements (profile_id, site, side, value_cm, measured_on) "
        "VALUES (1, 'Calf', 'left', ?, '2026-11-02')"
    )
    assert _stores(raw, sql, (value,)) is allowed
    try:
        check_measurement_cm(value)
        domain_allows = True
    except InvalidInput:
        domain_allows = False
    assert domain_allows is allowed


def test_sqlite_stores_nan_as_null_so_the_services_must_refuse_it(
    raw: sqlite3.Connection,
) -> None:
    raw.execute(
        "INSERT INTO sets (id, session_exercise_id, position, side, weight_kg, reps, kind, "
        "logged_at) VALUES (77, 1, 0, 'left', ?, 8, 'working', '2026-11-02 10:00:00')",
        (float("nan"),),
    )
    assert raw.execute("SELECT weight_kg FROM sets WHERE id = 77").fetchone() == (None,)
    assert set_problem(float("nan"), 8) is not None
