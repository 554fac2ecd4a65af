"""The first change after the studio server comes back: the kept connection that logs,
edits and deletes sets died with the server, and is opened afresh once, so the change is
stored instead of refused (or sent to the outbox) while the server is up. Runs on the
throwaway test server, stopped and started again as a gym's server would be."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import Store, open_store
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")


@pytest.fixture
def server_down(postgres: Cluster) -> Iterator[Cluster]:
    yield postgres
    with contextlib.suppress(subprocess.CalledProcessError):  # already running
        postgres.resume()


def _session(store: Store) -> tuple[int, int]:
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, alex.id)
    return session.id, workout.add_exercise(store, session.id, row)


def _sides(store: Store, session_id: int) -> list[tuple[str, float | None, int | None]]:
    sets = workout.get_session(store, session_id).exercises[0].sets
    return [(s.side.value, s.record.weight_kg, s.record.reps) for s in sets]


def test_the_first_set_and_undo_after_the_server_restarts_are_stored(
    postgres_url: str, server_down: Cluster
) -> None:
    store = open_store(postgres_url)
    try:
        session_id, se_id = _session(store)
        workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8))  # the kept connection
        server_down.pause()
        server_down.resume()  # every connection of before is gone
        second = workout.log_set(store, se_id, SetRecord(Side.RIGHT, 22.5, 8))
        assert _sides(store, session_id) == [("left", 20.0, 8), ("right", 22.5, 8)]
        server_down.pause()
        server_down.resume()
        workout.delete_set(store, second.logged.id)  # Ctrl+Z of that set
        assert _sides(store, session_id) == [("left", 20.0, 8)]
    finally:
        store.close()


def test_a_refused_set_is_not_tried_twice(postgres_url: str) -> None:
    store = open_store(postgres_url)
    inserts: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO SETS"):
            inserts.append(statement)

    try:
        _, se_id = _session(store)
        workout.remove_exercise(store, se_id)
        event.listen(store.database.engine, "before_cursor_execute", seen)
        with pytest.raises(NotFound):
            workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8))
        assert len(inserts) == 1  # the constraint refused it once: no second try
    finally:
        store.close()
