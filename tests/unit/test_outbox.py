"""The offline outbox on a studio server: the server stops mid-session, sets are logged,
the app is closed (as after a kill: nothing but the outbox file survives), the server comes
back, and every set arrives exactly once, in the order it was logged. Runs on the
throwaway test server."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.errors import ServerUnreachable
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, sync, workout
from evenside.services.store import Store, open_store
from evenside.storage.outbox import Outbox, outbox_path
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")


@pytest.fixture
def server_down(postgres: Cluster) -> Iterator[Cluster]:
    """Lets a test stop the server; it is running again after the test whatever happens."""
    yield postgres
    with contextlib.suppress(subprocess.CalledProcessError):  # already running
        postgres.resume()


def _sets_on_server(url: str, se_id: int) -> list[tuple[str, float | None, int | None]]:
    store = open_store(url)
    try:
        with store.transaction() as tx:
            from sqlalchemy import text

            rows = tx.execute(
                text(
                    "SELECT side, weight_kg, reps FROM sets WHERE session_exercise_id = :se "
                    "ORDER BY position"
                ),
                {"se": se_id},
            ).all()
    finally:
        store.close()
    return [(str(side), weight, reps) for side, weight, reps in rows]


def test_sets_logged_while_the_server_is_down_arrive_once_after_a_restart(
    postgres_url: str, server_down: Cluster, tmp_path: Path
) -> None:
    store = open_store(postgres_url)
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, alex.id)
    se_id = workout.add_exercise(store, session.id, row)
    outbox = sync.open_outbox(store, alex.id, tmp_path)
    assert outbox is not None
    first = sync.log_or_queue(store, outbox, se_id, SetRecord(Side.LEFT, 20, 8))
    assert isinstance(first, workout.SetLogged)  # the server is up: stored at once

    server_down.pause()  # the Wi-Fi drops mid-session
    queued = [
        sync.log_or_queue(store, outbox, se_id, SetRecord(Side.RIGHT, 22.5, 8)),
        sync.log_or_queue(store, outbox, se_id, SetRecord(Side.LEFT, 20, 7)),
        sync.log_or_queue(store, outbox, se_id, SetRecord(Side.RIGHT, 22.5, 6)),
    ]
    assert all(isinstance(q, sync.Queued) for q in queued)
    assert outbox.count() == 3
    assert sync.send_waiting(store, outbox).waiting == 3  # still down: nothing is lost
    server = store.server
    assert server is not None
    # The app is killed: the store and the outbox are gone without a goodbye.
    outbox.close()
    store.close()

    # Started again while the server is still away: a clear refusal, the outbox untouched.
    with pytest.raises(ServerUnreachable):
        open_store(postgres_url)
    kept = Outbox(outbox_path(tmp_path, server, alex.id))
    assert kept.count() == 3
    kept.close()

    server_down.resume()
    store = open_store(postgres_url)  # the app starts again and reads its outbox
    outbox = sync.open_outbox(store, alex.id, tmp_path)
    assert outbox is not None
    assert outbox.count() == 3
    result = sync.send_waiting(store, outbox)
    assert (result.sent, result.already_there, result.waiting) == (3, 0, 0)
    again = sync.send_waiting(store, outbox)
    assert (again.sent, again.waiting) == (0, 0)
    outbox.close()
    store.close()
    assert _sets_on_server(postgres_url, se_id) == [
        ("left", 20.0, 8),
        ("right", 22.5, 8),
        ("left", 20.0, 7),
        ("right", 22.5, 6),
    ]


def test_a_set_sent_before_a_crash_is_not_added_again(postgres_url: str, tmp_path: Path) -> None:
    """The send committed on the server but the app died before crossing it off its outbox:
    the resend finds the set by its key and adds nothing."""
    store = open_store(postgres_url)
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, alex.id)
    se_id = workout.add_exercise(store, session.id, row)
    outbox = sync.open_outbox(store, alex.id, tmp_path)
    assert outbox is not None
    queued = outbox.put(se_id, SetRecord(Side.LEFT, 20, 8, logged_at=datetime(2026, 3, 2, 18, 5)))
    from evenside.storage import outbox as outbox_store

    with store.transaction() as tx:
        assert outbox_store.send(tx, queued)  # on the server; the app dies here
    result = sync.send_waiting(store, outbox)
    assert (result.sent, result.already_there, result.waiting) == (0, 1, 0)
    outbox.close()
    store.close()
    assert _sets_on_server(postgres_url, se_id) == [("left", 20.0, 8)]


def test_sets_whose_exercise_was_removed_are_set_aside_and_the_rest_are_sent(
    postgres_url: str, tmp_path: Path
) -> None:
    store = open_store(postgres_url)
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    named = {e.name: e.id for e in library.all_exercises(store)}
    session = workout.start_session(store, alex.id)
    split = workout.add_exercise(store, session.id, named["Bulgarian split squat"])
    row = workout.add_exercise(store, session.id, named["One-arm dumbbell row"])
    outbox = sync.open_outbox(store, alex.id, tmp_path)
    assert outbox is not None
    at = datetime(2026, 3, 2, 18, 5)
    for record in (SetRecord(Side.LEFT, 30, 4), SetRecord(Side.RIGHT, 32.5, 3)):
        stamped = replace(record, logged_at=at)
        outbox.put(split, stamped, "Bulgarian split squat", named["Bulgarian split squat"])
    outbox.put(row, SetRecord(Side.LEFT, 20, 8, logged_at=at), "One-arm dumbbell row")
    workout.remove_exercise(store, split)  # at the desk, while the gym laptop was offline
    result = sync.send_waiting(store, outbox)
    assert (result.sent, result.set_aside, result.waiting) == (1, 2, 0)
    assert [group.words for group in sync.not_sent(outbox)] == [
        "2 sets of Bulgarian split squat could not be sent: the exercise was removed from "
        "the session on another laptop."
    ]
    outbox.close()  # kept on this laptop, also after a restart
    outbox = Outbox(outbox_path(tmp_path, postgres_url, alex.id))
    kept = [(k.queued.record.side, k.queued.record.weight_kg, k.queued.record.reps)
            for k in outbox.aside()]  # fmt: skip
    assert kept == [(Side.LEFT, 30, 4), (Side.RIGHT, 32.5, 3)]
    assert sync.send_waiting(store, outbox).sent == 0  # not tried again

    assert sync.put_back(store, outbox, session.id) == 2  # the exercise added again
    assert outbox.aside_count() == 0
    again = workout.get_session(store, session.id).exercises
    assert [e.exercise_id for e in again] == [named["One-arm dumbbell row"],
                                              named["Bulgarian split squat"]]  # fmt: skip
    assert _sets_on_server(postgres_url, again[1].id) == [("left", 30.0, 4), ("right", 32.5, 3)]
    outbox.close()
    store.close()


def _alex_row(store: Store) -> tuple[int, int]:
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, alex.id)
    return alex.id, workout.add_exercise(store, session.id, row)


def test_the_outbox_is_the_servers_whatever_options_its_address_carries() -> None:
    plain = "postgresql+psycopg://anna@gym.example:5432/studio_team"
    same = [
        "postgresql+psycopg://anna:***@gym.example:5432/studio_team?sslmode=require",
        "postgresql+psycopg://anna:pw@gym.example/studio_team?connect_timeout=3",
        "postgresql://anna@gym.example:5432/studio_team?application_name=x&sslmode=verify-full",
    ]
    other = [
        "postgresql+psycopg://ben@gym.example:5432/studio_team",  # another trainer
        "postgresql+psycopg://anna@gym.example:5433/studio_team",  # another port
        "postgresql+psycopg://anna@desk.example:5432/studio_team",  # another host
        "postgresql+psycopg://anna@gym.example:5432/other_team",  # another database
    ]
    folder = Path("/laptop")
    kept = outbox_path(folder, plain, 1)
    assert [outbox_path(folder, url, 1) for url in same] == [kept] * 3
    assert all(outbox_path(folder, url, 1) != kept for url in other)
    socket = "postgresql+psycopg://anna@/studio_team?host=/run/pg"
    assert outbox_path(folder, socket + "&sslmode=require", 1) == outbox_path(folder, socket, 1)
    assert outbox_path(folder, socket, 1) != outbox_path(folder, socket + "x", 1)


def test_a_set_kept_under_one_spelling_of_the_address_is_sent_under_another(
    postgres_url: str, tmp_path: Path
) -> None:
    with_options = postgres_url + "&sslmode=prefer&connect_timeout=9"
    store = open_store(with_options)
    alex, se_id = _alex_row(store)
    outbox = sync.open_outbox(store, alex, tmp_path)
    assert outbox is not None
    outbox.put(se_id, SetRecord(Side.LEFT, 30, 4, logged_at=datetime(2026, 3, 2, 18, 5)))
    outbox.close()
    store.close()

    store = open_store(postgres_url)  # the window opened without the options
    assert sync.waiting_for_server(postgres_url, tmp_path) == 1
    outbox = sync.open_outbox(store, alex, tmp_path)
    assert outbox is not None
    assert outbox.count() == 1
    assert sync.send_waiting(store, outbox).sent == 1
    outbox.close()
    store.close()
    assert _sets_on_server(postgres_url, se_id) == [("left", 30.0, 4)]


def test_an_outbox_filed_by_an_older_evenside_is_still_sent(
    postgres_url: str, tmp_path: Path
) -> None:
    """Older outbox files are named by the exact address text (one with its "about" table
    naming the server, one from before that table): both are read and sent, in order."""
    import hashlib
    import sqlite3

    store = open_store(postgres_url)
    alex, se_id = _alex_row(store)
    server = store.server
    assert server is not None
    spelled = server + "&sslmode=prefer"

    def legacy(address: str) -> Path:  # the older name: sha1 of "<address>|<profile>"
        digest = hashlib.sha1(f"{address}|{alex}".encode(), usedforsecurity=False)
        return tmp_path / "outbox" / f"{digest.hexdigest()[:16]}.sqlite"

    older = Outbox(legacy(spelled), spelled, alex)
    older.put(se_id, SetRecord(Side.LEFT, 30, 4, logged_at=datetime(2026, 3, 2, 18, 5)))
    older.close()
    oldest = Outbox(legacy(server))
    oldest.put(se_id, SetRecord(Side.RIGHT, 32.5, 3, logged_at=datetime(2026, 3, 2, 18, 6)))
    oldest.close()
    with sqlite3.connect(legacy(server)) as db:  # as before the "about" table
        db.execute("DROP TABLE about")

    outbox = sync.open_outbox(store, alex, tmp_path)
    assert outbox is not None
    assert outbox.count() == 2
    assert sync.send_waiting(store, outbox).sent == 2
    outbox.close()
    store.close()
    assert sorted(_sets_on_server(postgres_url, se_id)) == [("left", 30.0, 4), ("right", 32.5, 3)]
