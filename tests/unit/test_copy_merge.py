"""`evenside copy --merge`: a laptop's history goes into a database that already holds part
of it. What the target lacks is added, nothing is duplicated, a set edited in the target is
kept and reported, and merging again adds nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.library import ExerciseSpec, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import Store, open_store
from fakes import FakeClock

ROW = "One-arm dumbbell row"
DAY1, DAY2, DAY3 = datetime(2026, 11, 2, 18), datetime(2026, 11, 4, 18), datetime(2026, 11, 6, 18)
DESK_DAY = datetime(2026, 11, 5, 7)


def _exercise(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _custom(store: Store, name: str) -> int:
    spec = ExerciseSpec(name, Laterality.UNILATERAL, LoadBasis.TOTAL, (MuscleGroup.GLUTES,))
    return library.add_custom_exercise(store, spec).exercise.id


def _day(store: Store, clock: FakeClock, when: datetime, sets: dict[str, list[SetRecord]]) -> None:
    clock.moment = when
    alex = next(p for p in profiles.list_profiles(store) if p.name == "Alex")
    session = workout.start_session(store, alex.id).session.id
    for name, records in sets.items():
        entry = workout.add_exercise(store, session, _exercise(store, name))
        for record in records:
            workout.log_set(store, entry, record)
    workout.finish_session(store, session)


def _pair(left: float, right: float) -> list[SetRecord]:
    return [SetRecord(Side.LEFT, left, 8), SetRecord(Side.RIGHT, right, 8)]


def _laptop(path: Path, clock: FakeClock) -> None:
    """Alex's three days of rows (the third with a custom exercise) and Sam, no sessions."""
    store = open_store(path, clock=clock)
    try:
        profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
        profiles.create_profile(store, "Sam", Side.LEFT, Unit.LB)
        _custom(store, "Hip airplane")
        _day(store, clock, DAY1, {ROW: _pair(20, 22.5)})
        _day(store, clock, DAY2, {ROW: _pair(21, 22.5)})
        _day(store, clock, DAY3, {ROW: _pair(22, 22.5), "Hip airplane": [_pair(0, 0)[0]]})
    finally:
        store.close()


def _desk(location: Path | str, clock: FakeClock) -> None:
    """The same first two days, day 2's right set edited to 25 kg, and a day of its own; a
    custom exercise of its own made first, so "Hip airplane" gets another id here."""
    store = open_store(location, clock=clock)
    try:
        profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
        _custom(store, "Sled push")
        _day(store, clock, DAY1, {ROW: _pair(20, 22.5)})
        _day(store, clock, DAY2, {ROW: _pair(21, 22.5)})
        _day(store, clock, DESK_DAY, {ROW: _pair(21, 23)})
        edited = workout.history(store, 1)
        day2 = next(s for s in edited if s.started_at == DAY2)
        right = workout.get_session(store, day2.id).exercises[0].sets[1]
        workout.update_set(store, right.id, SetRecord(Side.RIGHT, 25, 8))
    finally:
        store.close()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}


def _sets(location: Path | str) -> list[tuple[str, str, float | None, int | None]]:
    """Alex's sets as a person reads them: day, side, kilograms, reps."""
    store = open_store(location)
    try:
        found = []
        for listing in workout.history(store, 1):
            session = workout.get_session(store, listing.id)
            for entry in session.exercises:
                for logged in entry.sets:
                    record = logged.record
                    day = session.started_at.strftime("%m-%d")
                    found.append((day, record.side.value, record.weight_kg, record.reps))
        return sorted(found)
    finally:
        store.close()


def _merge(source: Path | str, target: Path | str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["copy", str(source), str(target), "--merge"]) == 0
    return capsys.readouterr().out


def _check_first_merge(out: str) -> None:
    lines = out.splitlines()
    # 2 profiles on the laptop, Alex already at the desk: Sam added.
    assert "  profiles: 1 / 1 / 0" in lines
    # The library's 96 exercises are on both sides; "Hip airplane" is new to the desk.
    assert "  exercises: 1 / 96 / 0" in lines
    # Days 1 and 2 are at the desk already (same client, same start); day 3 is not.
    assert "  sessions: 1 / 2 / 0" in lines
    # Day 3's two exercises are new; days 1 and 2 have their one each.
    assert "  session_exercises: 2 / 2 / 0" in lines
    # Day 1's 2 sets and day 2's left set match; day 2's right set differs (22.5 on the
    # laptop, 25 at the desk); day 3's 2 + 1 sets are new.
    assert "  sets: 3 / 3 / 1" in lines
    assert (
        "  Alex, 2026-11-04 18:00, One-arm dumbbell row, set 2: "
        "target right 25 kg x 8; source right 22.5 kg x 8"
    ) in lines


def test_merge_adds_what_the_target_lacks_and_keeps_its_edits(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desk = tmp_path / "laptop.sqlite3", tmp_path / "desk.sqlite3"
    _laptop(laptop, clock)
    _desk(desk, clock)
    laptop_before = _dump(laptop)
    _check_first_merge(_merge(laptop, desk, capsys))
    # The desk's 6 sets, then day 3's 2 row sets and the hip airplane set; 25 kg stays.
    assert _sets(desk) == [
        ("11-02", "left", 20, 8), ("11-02", "right", 22.5, 8),
        ("11-04", "left", 21, 8), ("11-04", "right", 25, 8),
        ("11-05", "left", 21, 8), ("11-05", "right", 23, 8),
        ("11-06", "left", 0, 8), ("11-06", "left", 22, 8), ("11-06", "right", 22.5, 8),
    ]  # fmt: skip
    assert _dump(laptop) == laptop_before  # the source is only read
    store = open_store(desk)
    try:
        assert sorted(p.name for p in profiles.list_profiles(store)) == ["Alex", "Sam"]
    finally:
        store.close()


def test_merging_twice_adds_nothing_the_second_time(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desk = tmp_path / "laptop.sqlite3", tmp_path / "desk.sqlite3"
    _laptop(laptop, clock)
    _desk(desk, clock)
    _merge(laptop, desk, capsys)
    after_first = _dump(desk)
    out = _merge(laptop, desk, capsys)
    assert _dump(desk) == after_first
    lines = out.splitlines()
    assert ": 0 rows copied, " in lines[0]
    # Now all 3 sessions and 6 of the 7 sets are there; day 2's right set still differs.
    assert "  sessions: 0 / 3 / 0" in lines
    assert "  sets: 0 / 6 / 1" in lines
    assert "  profiles: 0 / 2 / 0" in lines


def test_a_merge_the_target_refuses_changes_nothing(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desk = tmp_path / "laptop.sqlite3", tmp_path / "desk.sqlite3"
    _laptop(laptop, clock)
    _desk(desk, clock)
    with sqlite3.connect(desk) as connection:  # the desk refuses new sets, after sessions
        connection.execute(
            "CREATE TRIGGER no_sets BEFORE INSERT ON sets BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
    before = _dump(desk)
    assert main(["copy", str(laptop), str(desk), "--merge"]) == 2
    err = capsys.readouterr().err
    assert err == f"evenside: {desk} refused the merge (no); nothing was copied.\n"
    assert _dump(desk) == before
    assert main(["copy", str(tmp_path / "none.sqlite3"), str(desk), "--merge"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert _dump(desk) == before


@pytest.mark.postgres
def test_merge_to_a_server_and_back(
    tmp_path: Path, postgres_url: str, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, back = tmp_path / "laptop.sqlite3", tmp_path / "back.sqlite3"
    _laptop(laptop, clock)
    _desk(postgres_url, clock)
    _check_first_merge(_merge(laptop, postgres_url, capsys))
    assert "  sets: 0 / 6 / 1" in _merge(laptop, postgres_url, capsys).splitlines()
    # Back to a laptop that has days 1 and 2 as the laptop logged them: the server adds its
    # own day (Nov 5) and reports its 25 kg edit against the file's 22.5 kg.
    _laptop(back, clock)
    lines = _merge(postgres_url, back, capsys).splitlines()
    # Server: day 1 2 sets, day 2 2, Nov 5 2, day 3 3 = 9; the file has days 1-3 (7 sets):
    # 6 match, day 2's right set conflicts, Nov 5's 2 are new.
    assert "  sets: 2 / 6 / 1" in lines
    assert "  sessions: 1 / 3 / 0" in lines
    assert (
        "  Alex, 2026-11-04 18:00, One-arm dumbbell row, set 2: "
        "target right 22.5 kg x 8; source right 25 kg x 8"
    ) in lines
    assert ("11-05", "right", 23, 8) in _sets(back)
    assert len(_sets(back)) == 9
