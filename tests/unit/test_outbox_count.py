"""Counting the sets that wait on this laptop for one studio server, over all its profiles,
without knowing the profile ids: what the window says when it starts while the server is
away. Outbox files only; no server needed."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services import sync
from evenside.storage.outbox import SCHEMA, Outbox, outbox_path

GYM = "postgresql+psycopg://maria@/studio?host=/run/gym"
DESK = "postgresql+psycopg://maria@/studio?host=/run/desk"


def _queue(folder: Path, server: str, profile_id: int, count: int) -> None:
    outbox = Outbox(outbox_path(folder, server, profile_id), server, profile_id)
    for reps in range(count):
        outbox.put(7, SetRecord(Side.LEFT, 20, reps + 1, logged_at=datetime(2026, 12, 7, 6)))
    outbox.close()


def test_waiting_sets_are_counted_per_server_over_every_profile(tmp_path: Path) -> None:
    _queue(tmp_path, GYM, 1, 2)  # Alex at the gym
    _queue(tmp_path, GYM, 4, 3)  # Sam at the gym
    _queue(tmp_path, DESK, 1, 5)  # another server: not counted for the gym
    assert sync.waiting_for_server(GYM, tmp_path) == 5  # 2 + 3
    assert sync.waiting_for_server(DESK, tmp_path) == 5
    assert sync.waiting_for_server(GYM.replace("maria", "ben"), tmp_path) == 0


def test_a_password_given_one_time_and_not_the_next_is_the_same_server(tmp_path: Path) -> None:
    """The address an outbox names has its password masked when one was typed."""
    _queue(tmp_path, "postgresql+psycopg://maria:***@/studio?host=/run/gym", 2, 3)
    assert sync.waiting_for_server(GYM, tmp_path) == 3


def test_an_outbox_file_from_before_the_server_was_written_in_it_is_counted(
    tmp_path: Path,
) -> None:
    path = outbox_path(tmp_path, GYM, 12)
    path.parent.mkdir(parents=True)
    old = sqlite3.connect(path)
    old.execute(SCHEMA)
    old.executemany(
        "INSERT INTO outbox (set_uuid, session_exercise_id, record_json) VALUES (?, 7, '{}')",
        [("a",), ("b",)],
    )
    old.commit()
    old.close()
    assert sync.waiting_for_server(GYM, tmp_path) == 2
    assert sync.waiting_for_server(DESK, tmp_path) == 0
    # Still readable as an outbox, and it names its server once opened again.
    reopened = Outbox(path, GYM, 12)
    assert reopened.count() == 2
    reopened.close()
    assert sync.waiting_for_server(GYM, tmp_path) == 2


def test_nothing_waits_when_there_is_no_outbox_folder(tmp_path: Path) -> None:
    assert sync.waiting_for_server(GYM, tmp_path) == 0


def test_a_file_that_is_not_an_outbox_is_skipped(tmp_path: Path) -> None:
    _queue(tmp_path, GYM, 1, 1)
    (tmp_path / "outbox" / "0000000000000000.sqlite").write_bytes(b"not a database")
    assert sync.waiting_for_server(GYM, tmp_path) == 1
