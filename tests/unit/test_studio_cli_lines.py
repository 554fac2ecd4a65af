"""A trainer at the command line: told where the password is read from when the server
wants one, told in one line what only a head trainer may do, and able to merge a laptop's
history into the studio as their own clients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_studio_rls import PASSWORDS, Studio, studio  # noqa: F401 - the fixture

from evenside.cli import main
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store
from fakes import FakeClock

pytestmark = pytest.mark.postgres


def test_without_a_password_the_command_line_says_where_it_reads_it(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.setitem(sys.modules, "keyring", None)  # the keyring package is not installed
    assert main(["--db", studio.url_for("anna"), "report", "--profile", "Alice"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no password supplied. The command line reads the password from PGPASSFILE" in err
    assert "pip install 'evenside[studio]'" in err
    assert PASSWORDS["anna"] not in err


def test_what_only_a_head_trainer_may_do_is_one_line_for_a_trainer(
    studio: Studio,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", studio.url_for("anna"), "studio", "access"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("evenside: Only a head trainer can list who sees which client;")
    assert err.count("\n") == 1
    assert main(["--db", studio.url_for("anna"), "studio", "share", "Alice", "ben"]) == 2
    assert capsys.readouterr().err.startswith("evenside: Only a head trainer can share a client;")


def test_a_trainer_merges_a_laptop_history_into_the_studio_as_their_clients(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laptop = tmp_path / "laptop.sqlite3"
    store = open_store(laptop, clock=clock)
    try:
        carla = profiles.create_profile(store, "Carla", Side.LEFT, Unit.KG)
        row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
        session = workout.start_session(store, carla.id).session.id
        entry = workout.add_exercise(store, session, row)
        workout.log_set(store, entry, SetRecord(Side.LEFT, 12, 10))
    finally:
        store.close()
    anna = studio.url_for("anna")
    assert main(["copy", str(laptop), anna]) == 2  # the studio holds a history already
    assert "already holds a history" in capsys.readouterr().err
    assert main(["copy", str(laptop), anna, "--merge"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Carla, her session, its one exercise and its one set are new to the studio.
    for line in ("  profiles: 1 / 0 / 0", "  sessions: 1 / 0 / 0", "  sets: 1 / 0 / 0"):
        assert line in lines
    assert main(["copy", str(laptop), anna, "--merge"]) == 0
    assert "  sets: 0 / 1 / 0" in capsys.readouterr().out.splitlines()
    assert main(["--db", studio.url, "studio", "access"]) == 0
    assert "Carla: anna (owner)" in capsys.readouterr().out.splitlines()
