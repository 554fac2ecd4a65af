"""Finishing a session names the sides that beat every earlier session. On a file those
earlier bests are kept by the database itself (``session_bests``, triggers on the sets),
so the verdict must follow every way a set can change: logged, edited, deleted, put back,
moved to another exercise or session time, whole sessions deleted, and writes from
another SQLite tool. Each case is what a user would see in the summary."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit
from evenside.services import library, session_summary, transfer, workout
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _session(
    store: Store, clock: FakeClock, profile: Profile, sets: list[SetRecord]
) -> tuple[int, list[int]]:
    """A finished session of one-arm rows a day after the last: its id and its sets' ids."""
    clock.advance(days=1)
    started = workout.start_session(store, profile.id)
    entry = workout.add_exercise(store, started.id, _exercise(store, ROW))
    ids = [workout.log_set(store, entry, record).id for record in sets]
    workout.finish_session(store, started.id)
    return started.id, ids


def _records_today(store: Store, clock: FakeClock, profile: Profile) -> tuple[Side, ...]:
    """Today's session (L 31 kg x 8, R 30 kg x 8): the sides the summary calls records."""
    clock.advance(days=1)
    today = workout.start_session(store, profile.id)
    entry = workout.add_exercise(store, today.id, _exercise(store, ROW))
    workout.log_set(store, entry, SetRecord(Side.LEFT, 31.0, 8))
    workout.log_set(store, entry, SetRecord(Side.RIGHT, 30.0, 8))
    workout.finish_session(store, today.id)
    summary = session_summary.summarise(store, today.id).exercises[0]
    # Taken back, so the next call measures against the same earlier history.
    workout.delete_session(store, today.id)
    return summary.records


@pytest.fixture
def earlier(store: Store, clock: FakeClock, profile: Profile) -> list[int]:
    # L 30 x 8 and R 32 x 8 last time; a heavier left warm-up never counts.
    return _session(
        store,
        clock,
        profile,
        [
            SetRecord(Side.LEFT, 30.0, 8),
            SetRecord(Side.LEFT, 40.0, 8, SetKind.WARM_UP),
            SetRecord(Side.RIGHT, 32.0, 8),
        ],
    )[1]


def test_a_heavier_set_than_last_time_is_a_record(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int]
) -> None:
    assert _records_today(store, clock, profile) == (Side.LEFT,)


def test_an_earlier_set_edited_heavier_takes_the_record_away_and_back(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int]
) -> None:
    workout.update_set(store, earlier[0], SetRecord(Side.LEFT, 33.0, 8))
    assert _records_today(store, clock, profile) == ()
    workout.update_set(store, earlier[0], SetRecord(Side.LEFT, 29.0, 8))
    assert _records_today(store, clock, profile) == (Side.LEFT,)
    # Brzycki e1RM: today's 31 x 8 is 31 * 36 / 29 = 38.48 kg; 33 x 5 is 33 * 36 / 32 =
    # 37.13 kg (still a record today), 35 x 5 is 35 * 36 / 32 = 39.38 kg (not one).
    workout.update_set(store, earlier[0], SetRecord(Side.LEFT, 33.0, 5))
    assert _records_today(store, clock, profile) == (Side.LEFT,)
    workout.update_set(store, earlier[0], SetRecord(Side.LEFT, 35.0, 5))
    assert _records_today(store, clock, profile) == ()


def test_a_warm_up_made_a_working_set_counts(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int]
) -> None:
    workout.update_set(store, earlier[1], SetRecord(Side.LEFT, 40.0, 8))
    assert _records_today(store, clock, profile) == ()


def test_a_deleted_set_no_longer_holds_the_record_and_undo_puts_it_back(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int]
) -> None:
    # Without its 30 kg the left side has no earlier set (the warm-up never counts), and a
    # first time is no record.
    deleted = workout.delete_set(store, earlier[0])
    assert _records_today(store, clock, profile) == ()
    workout.restore_set(store, deleted.session_exercise_id, deleted.logged)
    assert _records_today(store, clock, profile) == (Side.LEFT,)


def test_a_deleted_earlier_session_leaves_nothing_to_beat(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int]
) -> None:
    session_id, _ = _session(store, clock, profile, [SetRecord(Side.LEFT, 35.0, 8)])
    assert _records_today(store, clock, profile) == ()
    workout.delete_session(store, session_id)
    assert _records_today(store, clock, profile) == (Side.LEFT,)


def _raw(db_path: Path, sql: str) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(sql)
    connection.close()


def test_writes_from_another_sqlite_tool_are_followed(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int], db_path: Path
) -> None:
    _raw(db_path, f"UPDATE sets SET weight_kg = 36 WHERE id = {earlier[0]}")
    assert _records_today(store, clock, profile) == ()
    _raw(db_path, f"UPDATE sets SET weight_kg = 25 WHERE id = {earlier[0]}")
    assert _records_today(store, clock, profile) == (Side.LEFT,)
    _raw(db_path, f"DELETE FROM sets WHERE id = {earlier[0]}")
    assert _records_today(store, clock, profile) == ()
    for kg, records in ((29.0, (Side.LEFT,)), (31.5, ())):
        _raw(
            db_path,
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, "
            f"logged_at) SELECT session_exercise_id, {int(kg)}, 'left', {kg}, 8, 'working', "
            f"logged_at FROM sets WHERE id = {earlier[2]}",
        )
        assert _records_today(store, clock, profile) == records


def test_an_earlier_session_moved_after_today_or_to_another_exercise_stops_counting(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int], db_path: Path
) -> None:
    # Another, lighter session stays before today whatever happens: L and R 20 x 8.
    _session(store, clock, profile, [SetRecord(Side.LEFT, 20.0, 8), SetRecord(Side.RIGHT, 20.0, 8)])
    _raw(db_path, f"UPDATE sets SET weight_kg = 36 WHERE id = {earlier[0]}")
    assert _records_today(store, clock, profile) == ()
    entry = f"(SELECT session_exercise_id FROM sets WHERE id = {earlier[0]})"
    session = f"(SELECT session_id FROM session_exercises WHERE id = {entry})"
    _raw(
        db_path,
        f"UPDATE sessions SET started_at = '2030-01-01 09:00:00.000000' WHERE id = {session}",
    )
    assert _records_today(store, clock, profile) == (Side.LEFT, Side.RIGHT)
    _raw(
        db_path,
        f"UPDATE sessions SET started_at = '2026-11-01 09:00:00.000000' WHERE id = {session}",
    )
    assert _records_today(store, clock, profile) == ()
    bench = _exercise(store, "Bench press")
    _raw(db_path, f"UPDATE session_exercises SET exercise_id = {bench} WHERE id = {entry}")
    assert _records_today(store, clock, profile) == (Side.LEFT, Side.RIGHT)


# The rule, restated: per entry, side (sets whose sides were not recorded apart, as 'none')
# and rep count, the heaviest load (no weight counts as 0 kg) and the longest hold.
AGGREGATE = """
SELECT x.session_exercise_id, CASE WHEN x.sides_unrecorded THEN 'none' ELSE x.side END,
       coalesce(x.reps, -1), max(coalesce(x.weight_kg, 0)), max(x.duration_seconds)
FROM sets x WHERE x.kind <> 'warm-up'
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""


def _kept_and_worked_out(
    db_path: Path,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], int]:
    """The table as the triggers keep it, the same worked out from the sets by the rule
    (AGGREGATE), and the rows left in the bulk writes' pause table."""
    connection = sqlite3.connect(db_path)
    kept = connection.execute(
        "SELECT session_exercise_id, side, reps, best_kg, best_seconds FROM session_bests "
        "ORDER BY 1, 2, 3"
    ).fetchall()
    expected = connection.execute(AGGREGATE).fetchall()
    paused = connection.execute("SELECT count(*) FROM session_bests_paused").fetchone()[0]
    connection.close()
    return kept, expected, int(paused)


def test_the_kept_bests_equal_the_sets_after_every_kind_of_write(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int], db_path: Path
) -> None:
    _, more = _session(
        store,
        clock,
        profile,
        [
            SetRecord(Side.LEFT, 20.0, 10),
            SetRecord(Side.LEFT, 22.5, 10),
            SetRecord(Side.RIGHT, 18.0, 12),
        ],
    )
    workout.update_set(store, more[1], SetRecord(Side.LEFT, 21.0, 10))
    workout.delete_set(store, more[0])
    _raw(
        db_path,
        "UPDATE sets SET weight_kg = NULL, reps = NULL, duration_seconds = 40 "
        f"WHERE id = {more[2]}",
    )
    kept, expected, _ = _kept_and_worked_out(db_path)
    assert kept == expected
    # Written out: the first session L 30 x 8 and R 32 x 8; the second L 21 x 10 and a
    # right hold of 40 s without reps or weight.
    assert [row[1:] for row in kept] == [
        ("left", 8, 30.0, None),
        ("right", 8, 32.0, None),
        ("left", 10, 21.0, None),
        ("right", -1, 0.0, 40),
    ]


FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def test_an_import_and_a_reimport_of_a_longer_file_keep_the_bests_equal_to_the_sets(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    # A bulk write pauses the insert trigger in its own transaction and works the new
    # entries out at the end; sets added to entries already stored go through the trigger.
    lines = (FIXTURES / "strong_german_crlf.csv").read_bytes().splitlines(keepends=True)
    shorter = tmp_path / "shorter.csv"
    shorter.write_bytes(b"".join(lines[:7]))  # the header and the first three rows
    for path in (shorter, FIXTURES / "strong_german_crlf.csv"):
        parsed = transfer.read_import(path, unit=Unit.KG)
        mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
        transfer.commit_import(store, profile.id, parsed, mapping)
    kept, expected, paused = _kept_and_worked_out(db_path)
    assert len(kept) >= 4 and kept == expected
    assert paused == 0


def test_a_set_whose_sides_were_not_recorded_is_nobodys_best(
    store: Store, clock: FakeClock, profile: Profile, earlier: list[int], db_path: Path
) -> None:
    # 60 kg x 8 from a file that never said the side: apart from L and R, and from "both".
    _, ids = _session(store, clock, profile, [SetRecord(Side.BOTH, 60.0, 8, sides_unrecorded=True)])
    assert _records_today(store, clock, profile) == (Side.LEFT,)
    kept, expected, _ = _kept_and_worked_out(db_path)
    assert kept == expected
    assert [row[1:] for row in kept if row[1] in ("both", "none")] == [("none", 8, 60.0, None)]
    # Said again to be plain two-sided work (an import name mapped to another exercise):
    # the row follows the mark.
    _raw(db_path, f"UPDATE sets SET sides_unrecorded = 0 WHERE id = {ids[0]}")
    kept, expected, _ = _kept_and_worked_out(db_path)
    assert kept == expected
    assert [row[1:] for row in kept if row[1] in ("both", "none")] == [("both", 8, 60.0, None)]
