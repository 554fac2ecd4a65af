"""Sessions written in bulk (an import, demo data) take their ids from the server's
counters on PostgreSQL, so the session a trainer starts next, or rows added by a merge, never
collide with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store
from fakes import FakeClock

pytestmark = pytest.mark.postgres
FILE = Path(__file__).parents[1] / "fixtures" / "imports" / "strong_v3_newest.csv"


def test_after_an_import_on_a_server_a_new_session_is_logged(
    postgres_url: str, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(postgres_url, clock=clock)
    try:
        alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    finally:
        store.close()
    assert main(["--db", postgres_url, "import", str(FILE), "--profile", "Alex"]) == 0
    # The file holds 1 session of 5 sets.
    assert "added 1 new session and 5 sets" in capsys.readouterr().out
    store = open_store(postgres_url, clock=clock)
    try:
        row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
        session = workout.start_session(store, alex.id).session.id
        entry = workout.add_exercise(store, session, row)
        workout.log_set(store, entry, SetRecord(Side.LEFT, 20, 8))
        # The imported session and this one.
        assert len(workout.history(store, alex.id)) == 2
    finally:
        store.close()
