"""What an import refuses: values the set rule forbids are skipped rows with their line and
reason; files that cannot be read sensibly are one clear error; nothing is half-written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.errors import DatabaseLocked, InvalidInput
from evenside.domain.imports import ParsedImport, Skipped
from evenside.domain.profile import Profile
from evenside.domain.units import Unit
from evenside.interchange.importers import parse_file, parse_text
from evenside.services import transfer
from evenside.services.store import Store

STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)
FITNOTES = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
EVENSIDE = (
    "session_key,session_started_at,session_ended_at,session_name,session_notes,exercise,"
    "laterality,load_basis,exercise_position,first_side,stretch,exercise_notes,set_position,"
    "side,weight_kg,reps,duration_seconds,rpe,rir,kind,logged_at\n"
)


def evenside_row(
    position: str = "0",
    weight: str = "100.0",
    reps: str = "5",
    first_side: str = "",
    started: str = "2026-03-02T18:00:00",
    duration: str = "",
    rpe: str = "",
) -> str:
    return (
        f"s1,{started},2026-03-02T19:00:00,Legs,,Back squat,bilateral,total,{position},"
        f"{first_side},pending,,0,both,{weight},{reps},{duration},{rpe},,working,\n"
    )


def weights_and_reps(parsed: ParsedImport) -> list[tuple[float | None, int | None]]:
    return [(s.weight_kg, s.reps) for ses in parsed.sessions for e in ses.exercises for s in e.sets]


def test_strong_rows_breaking_the_set_rule_are_skipped_with_line_and_reason() -> None:
    day = "2026-03-02 18:00:00,Legs,1h 5m,Squat (Barbell)"
    text = STRONG + "\n".join(
        [
            f"{day},1,100,5,0,0,8",  # line 2: fine
            f"{day},2,-20,5,0,0,",  # line 3: negative weight
            f"{day},3,100,-5,0,0,",  # line 4: negative reps
            f"{day},4,1e300,5,0,0,",  # line 5: absurd weight
            f"{day},5,inf,5,0,0,",  # line 6
            f"{day},6,NaN,5,0,0,",  # line 7
            f"{day},7,100,5,0,0,99",  # line 8: RPE 99
            f"{day},8,100,5.5,0,0,",  # line 9: half a rep
            f"{day},9,102.5,3,0,0,9.5",  # line 10: fine
        ]
    )
    parsed = parse_text(text, unit=Unit.KG)
    assert weights_and_reps(parsed) == [(100.0, 5), (102.5, 3)]
    assert parsed.skipped == [
        Skipped(3, "the weight (kg) must be 0 to 1000"),
        Skipped(4, "reps must be 0 to 1000 reps"),
        Skipped(5, "the weight (kg) must be 0 to 1000"),
        Skipped(6, 'unreadable number "inf"'),
        Skipped(7, 'unreadable number "NaN"'),
        Skipped(8, "RPE must be 5 to 10 in halves"),
        Skipped(9, 'unreadable number "5.5"'),
    ]


def test_hevy_rows_breaking_the_set_rule_are_skipped() -> None:
    start = '"Legs","8 Apr 2026, 18:02","8 Apr 2026, 19:10","","Leg Press (Machine)","","",'
    text = HEVY + "\n".join(
        [
            start + '0,"normal",200,10,,,8',
            start + '1,"normal",-200,10,,,',
            start + '2,"normal",200,10,,,99',
            start + '3,"normal",200,9223372036854775808,,,',
        ]
    )
    parsed = parse_text(text)
    assert weights_and_reps(parsed) == [(200.0, 10)]
    assert parsed.skipped == [
        Skipped(3, "the weight (kg) must be 0 to 1000"),
        Skipped(4, "RPE must be 5 to 10 in halves"),
        Skipped(5, "reps must be 0 to 1000 reps"),
    ]


def test_fitnotes_rows_breaking_the_set_rule_are_skipped() -> None:
    text = FITNOTES + (
        "2023-11-02,Flat Barbell Bench Press,Chest,80.0,kgs,5,,,,\n"
        "2023-11-02,Flat Barbell Bench Press,Chest,-80.0,kgs,5,,,,\n"
        "2023-11-02,Flat Barbell Bench Press,Chest,1e308,lbs,5,,,,\n"
        "2023-11-02,Flat Barbell Bench Press,Chest,80.0,kgs,-1,,,,\n"
    )
    parsed = parse_text(text)
    assert weights_and_reps(parsed) == [(80.0, 5)]
    assert parsed.skipped == [
        Skipped(3, "the weight (kg) must be 0 to 1000"),
        Skipped(4, "the weight (kg) must be 0 to 1000"),
        Skipped(5, "reps must be 0 to 1000 reps"),
    ]


def test_a_file_forced_as_fitnotes_without_its_columns_is_one_clear_error() -> None:
    with pytest.raises(InvalidInput, match="Line 1: this is not a FitNotes export"):
        parse_text("Date,Exercise\n2026-01-01,Squat\n", format="fitnotes")


def test_evenside_rows_breaking_the_set_rule_are_skipped() -> None:
    text = EVENSIDE + "".join(
        [
            evenside_row(),
            evenside_row(weight="-20.0"),
            evenside_row(weight="inf"),
            evenside_row(weight="nan"),
            evenside_row(reps="9223372036854775808"),
            evenside_row(duration="9223372036854775808"),
            evenside_row(rpe="99.0"),
        ]
    )
    parsed = parse_text(text)
    assert weights_and_reps(parsed) == [(100.0, 5)]
    assert parsed.skipped == [
        Skipped(3, "the weight (kg) must be 0 to 1000"),
        Skipped(4, "the weight (kg) is not a number"),
        Skipped(5, "the weight (kg) is not a number"),
        Skipped(6, "reps must be 0 to 1000 reps"),
        Skipped(7, "the time must be 1 to 86400 seconds"),
        Skipped(8, "RPE must be 5 to 10 in halves"),
    ]


def test_a_huge_exercise_position_is_refused_at_once_not_padded_out(tmp_path: Path) -> None:
    path = tmp_path / "evenside.csv"
    path.write_text(EVENSIDE + evenside_row() + evenside_row(position="30000000"), "utf-8")
    started = time.monotonic()
    parsed = parse_file(path)
    assert time.monotonic() - started < 2
    assert [len(e.sets) for s in parsed.sessions for e in s.exercises] == [1]
    assert parsed.skipped == [Skipped(3, "exercise_position 30000000 is beyond the file's 2 rows")]


def test_a_negative_position_and_an_unknown_first_side_are_skipped_rows() -> None:
    text = EVENSIDE + evenside_row() + evenside_row(position="-1")
    text += evenside_row(position="1", first_side="middle")
    parsed = parse_text(text)
    assert weights_and_reps(parsed) == [(100.0, 5)]
    assert parsed.skipped == [
        Skipped(3, "unreadable value (exercise_position -1 is below 0)"),
        Skipped(4, "unreadable value ('middle' is not a valid Side)"),
    ]


def test_strong_durations_that_overflow_are_skipped_rows() -> None:
    text = STRONG + (
        "2026-03-02 18:00:00,Legs,1h 5m,Squat (Barbell),1,100,5,0,0,\n"
        "9999-12-31 23:00:00,Legs,2h,Squat (Barbell),1,100,5,0,0,\n"
        "2026-03-03 18:00:00,Legs,99999999999h,Squat (Barbell),1,100,5,0,0,\n"
    )
    parsed = parse_text(text, unit=Unit.KG)
    assert [s.started_at for s in parsed.sessions] == [datetime(2026, 3, 2, 18, 0)]
    assert parsed.skipped == [
        Skipped(3, "the workout would end after the year 9999"),
        Skipped(4, "the workout duration (359999999996400 s) is longer than a week"),
    ]


def test_mixing_times_with_and_without_a_time_zone_is_one_clear_error() -> None:
    strong = STRONG + (
        "2026-03-02 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,\n"
        "2026-03-04T18:00:00+02:00,Legs,1h,Squat (Barbell),1,100,5,0,0,\n"
    )
    with pytest.raises(InvalidInput, match="^Line 3: this time has time zone but line 2's had"):
        parse_text(strong, unit=Unit.KG)
    evenside = EVENSIDE + evenside_row(started="2026-03-02T18:00:00+01:00") + evenside_row()
    with pytest.raises(
        InvalidInput, match="^Line 2: one time has a time zone and another has none"
    ):
        parse_text(evenside)


def test_times_that_all_carry_a_zone_keep_their_wall_clock_time() -> None:
    text = STRONG + "2026-03-02T18:00:00+02:00,Legs,1h,Squat (Barbell),1,100,5,0,0,\n"
    [session] = parse_text(text, unit=Unit.KG).sessions
    assert session.started_at == datetime(2026, 3, 2, 18, 0)
    assert session.ended_at == datetime(2026, 3, 2, 19, 0)


def test_two_long_names_equal_after_the_cut_become_two_exercises(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    stem = "Cable Crossover " + "x" * 70  # 86 characters: cut to 80 they are equal
    path = tmp_path / "strong.csv"
    path.write_text(
        STRONG
        + f"2026-03-02 18:00:00,Push,1h,{stem} High,1,20,12,0,0,\n"
        + f"2026-03-02 18:00:00,Push,1h,{stem} Low,1,15,10,0,0,\n",
        "utf-8",
    )
    parsed = transfer.read_import(path, unit=Unit.KG)
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    result = transfer.commit_import(store, profile.id, parsed, mapping)
    assert (result.sets_added, result.exercises_created) == (2, 2)
    with sqlite3.connect(store.path) as connection:
        rows = connection.execute(
            "SELECT e.name, t.weight_kg FROM sets t JOIN session_exercises se"
            " ON se.id = t.session_exercise_id JOIN exercises e ON e.id = se.exercise_id"
            " ORDER BY t.weight_kg"
        ).fetchall()
    cut = ("Cable Crossover " + "x" * 64)[:80]
    assert rows == [("Cable Crossover " + "x" * 60 + " (2)", 15.0), (cut, 20.0)]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("", "No file given (or only a folder): name the CSV export to import."),
        ("folder", "is a folder; choose the CSV file inside it."),
        ("missing.csv", "No such file or directory."),
    ],
)
def test_a_path_that_is_not_a_file_is_one_line_and_exit_2(
    tmp_path: Path, store: Store, profile: Profile, given: str, message: str
) -> None:
    (tmp_path / "folder").mkdir()
    target = given if given == "" else str(tmp_path / given)
    result = subprocess.run(
        [sys.executable, "-m", "evenside", "--db", str(store.path), "import", target],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("evenside: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_kept_busy_gives_up_with_one_line_and_writes_nothing(
    store: Store, profile: Profile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG + "2026-03-02 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,\n")
    parsed = transfer.read_import(path, unit=Unit.KG)
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    monkeypatch.setattr(transfer, "LOCK_WAIT_SECONDS", 0.0)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock throughout
    try:
        with pytest.raises(DatabaseLocked, match="stayed busy .* nothing was imported"):
            transfer.commit_import(store, profile.id, parsed, mapping)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT count(*) FROM sessions").fetchone() == (0,)
