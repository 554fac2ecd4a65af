"""The path a trainer team's trial hit, on the throwaway server with real trainer roles:
Anna logs her client's sets at the gym, the Wi-Fi drops and she logs on into her outbox;
Ben, with whom the client is shared, removes that exercise from the session at the desk
before Anna's laptop is back. Her waiting sets of it are set aside, kept on her laptop, and
do not hold up the set logged after them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_outbox import server_down  # noqa: F401 - the fixture
from test_studio_rls import Studio, studio  # noqa: F401 - the fixture

from evenside.cli import main
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import library, profiles, sync, workout
from evenside.services.store import open_store
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")

SPLIT, ROW = "Bulgarian split squat", "One-arm dumbbell row"


def _logged(url: str, session_id: int) -> list[tuple[str, Side, float | None, int | None]]:
    """The session's sets as a trainer at ``url`` sees them: exercise, side, kg, reps."""
    store = open_store(url)
    try:
        session = workout.get_session(store, session_id)
        names = {e.id: e.name for e in library.all_exercises(store)}
        return [
            (names[e.exercise_id], s.record.side, s.record.weight_kg, s.record.reps)
            for e in session.exercises
            for s in e.sets
        ]
    finally:
        store.close()


def test_sets_of_an_exercise_a_shared_trainer_removed_are_set_aside_not_lost_nor_blocking(
    studio: Studio,  # noqa: F811
    server_down: Cluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    head, anna_url, ben_url = (studio.url_for(t) for t in ("head_coach", "anna", "ben"))
    assert main(["--db", head, "studio", "share", "Alice", "ben"]) == 0
    anna = open_store(anna_url)
    alice = next(p.id for p in profiles.list_profiles(anna) if p.name == "Alice")
    named = {e.name: e.id for e in library.all_exercises(anna)}
    session = workout.start_session(anna, alice)
    split = workout.add_exercise(anna, session.id, named[SPLIT])
    outbox = sync.open_outbox(anna, alice, tmp_path / "anna-laptop")
    assert outbox is not None

    def log(entry: int, name: str, record: SetRecord) -> object:
        return sync.log_or_queue(anna, outbox, entry, record, exercise=name,
                                 exercise_id=named[name])  # fmt: skip

    assert isinstance(log(split, SPLIT, SetRecord(Side.LEFT, 30, 5)), workout.SetLogged)
    row = workout.add_exercise(anna, session.id, named[ROW])  # both on the page before...
    server_down.pause()  # ...the gym's Wi-Fi drops
    offline = [
        log(split, SPLIT, SetRecord(Side.RIGHT, 32.5, 5)),
        log(split, SPLIT, SetRecord(Side.LEFT, 30, 4)),
        log(row, ROW, SetRecord(Side.LEFT, 20, 8)),  # another exercise, after them
    ]
    assert all(isinstance(q, sync.Queued) for q in offline)
    assert outbox.count() == 3
    server_down.resume()

    # At the desk, before Anna's laptop sends: Ben, who sees Alice, removes the split squat
    # (and with it the one set the server has of it).
    ben = open_store(ben_url)
    workout.remove_exercise(ben, split)
    ben.close()

    result = sync.send_waiting(anna, outbox)
    # 3 waiting: the 2 split squat sets set aside, the row set behind them sent.
    assert (result.sent, result.set_aside, result.waiting, result.problem) == (1, 2, 0, "")
    assert [group.words for group in sync.not_sent(outbox)] == [
        "2 sets of Bulgarian split squat could not be sent: the exercise was removed from "
        "the session on another laptop."
    ]
    kept = [(k.queued.record.side, k.queued.record.weight_kg, k.queued.record.reps)
            for k in outbox.aside()]  # fmt: skip
    assert kept == [(Side.RIGHT, 32.5, 5), (Side.LEFT, 30, 4)]
    assert _logged(ben_url, session.id) == [(ROW, Side.LEFT, 20.0, 8)]  # what Ben sees too

    # Not lost: Anna puts them back into the session, the split squat added again.
    assert sync.put_back(anna, outbox, session.id) == 2
    assert outbox.aside_count() == 0 and outbox.count() == 0
    assert _logged(anna_url, session.id) == [
        (ROW, Side.LEFT, 20.0, 8),
        (SPLIT, Side.RIGHT, 32.5, 5),
        (SPLIT, Side.LEFT, 30.0, 4),
    ]
    outbox.close()
    anna.close()
