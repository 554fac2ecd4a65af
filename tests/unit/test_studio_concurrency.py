"""Two laptops on one studio server at the same time (threads, each with its own
connection to the throwaway test server): every set each logs to the same client's
exercise is stored exactly once, and the same waiting set sent by two laptops at once is
stored once."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, sync, workout
from evenside.services.store import Store, open_store

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")

PER_LAPTOP = 25


def _row_exercise(url: str) -> int:
    store = open_store(url)
    try:
        alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
        row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
        session = workout.start_session(store, alex.id)
        return workout.add_exercise(store, session.id, row)
    finally:
        store.close()


def _stored(url: str) -> list[tuple[float | None, int | None]]:
    store = open_store(url)
    try:
        alex = profiles.list_profiles(store)[0]
        session = workout.active_session(store, alex.id)
        assert session is not None
        return sorted((s.record.weight_kg, s.record.reps) for s in session.exercises[0].sets)
    finally:
        store.close()


def _together(*work: object) -> None:
    """Run each callable on its own thread, all released at the same moment."""
    start = threading.Barrier(len(work))
    errors: list[BaseException] = []

    def run(job: object) -> None:
        start.wait()
        try:
            job()  # type: ignore[operator]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_two_laptops_logging_to_one_client_lose_and_duplicate_nothing(postgres_url: str) -> None:
    se_id = _row_exercise(postgres_url)
    gym, desk = open_store(postgres_url), open_store(postgres_url)

    def log(store: Store, weight: float) -> None:
        for reps in range(1, PER_LAPTOP + 1):
            workout.log_set(store, se_id, SetRecord(Side.LEFT, weight, reps))

    try:
        _together(lambda: log(gym, 20.0), lambda: log(desk, 30.0))
    finally:
        gym.close()
        desk.close()
    # Each laptop's 25 sets (20 kg from the gym, 30 kg from the desk), once each.
    expected = [(20.0, reps) for reps in range(1, 26)] + [(30.0, reps) for reps in range(1, 26)]
    assert _stored(postgres_url) == expected


def test_the_same_waiting_set_sent_by_two_laptops_at_once_is_stored_once(
    postgres_url: str, tmp_path: Path
) -> None:
    se_id = _row_exercise(postgres_url)
    gym, desk = open_store(postgres_url), open_store(postgres_url)
    outbox = sync.open_outbox(gym, 1, tmp_path)
    assert outbox is not None
    from evenside.storage import outbox as outbox_store

    queued = outbox.put(se_id, SetRecord(Side.LEFT, 22.5, 8, logged_at=datetime(2026, 3, 2, 18)))
    added: list[bool] = []

    def send(store: Store) -> None:
        with store.transaction() as tx:
            added.append(outbox_store.send(tx, queued))

    try:
        _together(lambda: send(gym), lambda: send(desk))
    finally:
        outbox.close()
        gym.close()
        desk.close()
    assert sorted(added) == [False, True]
    assert _stored(postgres_url) == [(22.5, 8)]
