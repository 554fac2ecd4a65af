"""The command-line walk-through in a fresh folder: init, import of each app's export with
--db after the command, --json, a re-import of a longer file that adds only the new sets,
an export that round-trips, and the unit check."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from evenside.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
HEAD = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
WEEK_1 = [
    "2025-05-05 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,8",
    "2025-05-05 18:00:00,Legs,1h,Squat (Barbell),2,100,5,0,0,8.5",
    "2025-05-05 18:00:00,Legs,1h,Leg Press,1,180,10,0,0,",
]
WEEK_2 = [
    "2025-05-12 18:00:00,Legs,1h,Squat (Barbell),1,102.5,5,0,0,8",
]


def _file(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text(HEAD + "".join(r + "\n" for r in rows), "utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _sets(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT s.started_at, e.name, t.weight_kg, t.reps FROM sets t"
            " JOIN session_exercises se ON se.id = t.session_exercise_id"
            " JOIN sessions s ON s.id = se.session_id JOIN exercises e ON e.id = se.exercise_id"
            " ORDER BY s.started_at, se.position, t.position"
        ).fetchall()


def test_walk_through_init_import_reimport_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "fresh" / "evenside.sqlite3"
    status, out, _ = run(capsys, "init", "--db", str(db), "--profile", "Ana", "--unit", "kg")
    assert status == 0 and 'profile "Ana"' in out and db.exists()

    first = _file(tmp_path, "strong-1.csv", WEEK_1)
    status, out, _ = run(capsys, "import", str(first), "--db", str(db), "--unit", "kg", "--json")
    summary = json.loads(out)
    assert status == 0
    assert {k: summary[k] for k in ("format", "rows_read", "sessions", "sets", "skipped")} == {
        "format": "strong",
        "rows_read": 3,
        "sessions": 1,
        "sets": 3,
        "skipped": [],
    }
    assert summary["unit"] == "kg"
    for key in ("layout", "sides_unrecorded", "mapped", "created", "unit_note"):
        assert key in summary

    # A corrected, longer export: one set that was missing, and a new week.
    longer = _file(
        tmp_path,
        "strong-2.csv",
        [*WEEK_1, "2025-05-05 18:00:00,Legs,1h,Squat (Barbell),3,100,4,0,0,9", *WEEK_2],
    )
    status, out, _ = run(
        capsys, "import", str(longer), "--dry-run", "--unit", "kg", "--json", "--db", str(db)
    )
    preview = json.loads(out)
    assert (preview["sessions"], preview["sets"], preview["sets_already_there"]) == (1, 2, 3)
    assert len(_sets(db)) == 3  # the dry run wrote nothing
    status, out, _ = run(capsys, "import", str(longer), "--unit", "kg", "--json", "--db", str(db))
    result = json.loads(out)
    assert (result["sessions"], result["sessions_extended"], result["sets"]) == (1, 1, 2)
    squats = [(w, r) for _at, name, w, r in _sets(db) if name == "Back squat" or "Squat" in name]
    assert squats == [(100.0, 5), (100.0, 5), (100.0, 4), (102.5, 5)]

    status, out, _ = run(capsys, "import", str(longer), "--unit", "kg", "--json", "--db", str(db))
    again = json.loads(out)
    assert (again["sessions"], again["sets"], again["sets_already_there"]) == (0, 0, 5)

    exported = tmp_path / "out.csv"
    status, out, _ = run(capsys, "export", str(exported), "--db", str(db))
    assert status == 0 and "5 sets" in out
    copy = tmp_path / "copy" / "evenside.sqlite3"
    run(capsys, "init", "--db", str(copy))
    status, out, _ = run(capsys, "import", str(exported), "--db", str(copy), "--json")
    assert json.loads(out)["sets"] == 5
    assert _sets(copy) == _sets(db)
    exported_again = tmp_path / "out-again.csv"
    run(capsys, "export", str(exported_again), "--db", str(copy))
    assert _body(exported_again) == _body(exported)


def _body(path: Path) -> list[list[str]]:
    """The rows without the session keys (a re-import keeps the first file's key)."""
    import csv

    with path.open(encoding="utf-8") as f:
        return [row[1:] for row in csv.reader(f)]


@pytest.mark.parametrize(
    "fixture", ["hevy_kg.csv", "fitnotes_units.csv", "strong_semicolon_units.csv"]
)
def test_each_app_imports_with_db_after_the_command_one_set_per_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str
) -> None:
    db = tmp_path / "e.sqlite3"
    run(capsys, "init", "--db", str(db))
    status, out, err = run(capsys, "import", str(FIXTURES / fixture), "--db", str(db), "--json")
    summary = json.loads(out)
    assert (status, err) == (0, "")
    # Every row not skipped is one set: a one-sided row is never doubled into left and right.
    assert summary["sets"] == summary["rows_read"] - len(summary["skipped"]) > 0
    assert len(_sets(db)) == summary["sets"]


def test_a_pounds_file_read_as_kg_is_refused_without_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "u.sqlite3"
    run(capsys, "init", "--db", str(db), "--unit", "kg")
    pounds = _file(
        tmp_path,
        "pounds.csv",
        [f"2025-05-0{d} 18:00:00,A,1h,Bench Press (Barbell),1,{w},5,0,0," for d, w in
         [(1, 135), (2, 185), (3, 225), (4, 225), (5, 135), (6, 95)]],
    )  # fmt: skip
    status, out, err = run(capsys, "import", str(pounds), "--db", str(db))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "look like pounds" in err and "--unit lb" in err
    assert _sets(db) == []
    status, out, _ = run(capsys, "import", str(pounds), "--db", str(db), "--unit", "lb", "--json")
    assert status == 0 and json.loads(out)["unit"] == "lb"
    assert [w for *_x, w, _r in _sets(db)][:1] == [pytest.approx(135 * 0.45359237)]


def test_a_file_with_rows_but_nothing_to_import_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "n.sqlite3"
    run(capsys, "init", "--db", str(db))
    empty = _file(tmp_path, "rest.csv", ["2025-05-05 18:00:00,A,1h,Squat (Barbell),1,abc,5,0,0,"])
    status, _out, err = run(capsys, "import", str(empty), "--db", str(db), "--unit", "kg")
    assert status != 0 and "nothing" in err and "Traceback" not in err


def test_a_dry_run_needs_no_database_and_matches_the_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _file(tmp_path, "s.csv", WEEK_1 + WEEK_2)
    db = tmp_path / "later.sqlite3"
    status, out, _ = run(
        capsys, "import", str(source), "--dry-run", "--unit", "kg", "--json", "--db", str(db)
    )
    preview = json.loads(out)
    assert status == 0 and not db.exists()
    run(capsys, "init", "--db", str(db))
    status, out, _ = run(capsys, "import", str(source), "--unit", "kg", "--json", "--db", str(db))
    done = json.loads(out)
    assert (preview["sessions"], preview["sets"]) == (done["sessions"], done["sets"]) == (2, 4)


def test_the_summary_fits_a_screen_and_names_the_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite3"
    shutil.rmtree(tmp_path / "none", ignore_errors=True)
    run(capsys, "--db", str(db), "init")
    source = _file(tmp_path, "s.csv", WEEK_1)
    status, out, _ = run(capsys, "--db", str(db), "import", str(source), "--unit", "kg")
    assert status == 0
    assert "read as kg" in out.splitlines()[0] or "kg" in out.splitlines()[0]
    assert "Squat (Barbell) -> Back squat (same movement, equipment and laterality" in out
    assert len(out.splitlines()) <= 24


def test_every_packed_jefit_set_is_stored_not_only_the_first_of_each_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "evenside.sqlite3"
    assert run(capsys, "init", "--db", str(db), "--profile", "Ana", "--unit", "kg")[0] == 0
    source = FIXTURES / "jefit_packed_kg.csv"
    status, out, _ = run(capsys, "import", str(source), "--db", str(db), "--json")
    assert status == 0
    # The file's packed logs: "10x12,12.5x10", "100x12,105x10", "0x20,0x15"; the cable
    # crunch row ("20x15,bad") is skipped whole, with its line.
    assert json.loads(out)["sets"] == 6
    assert [(name, weight, reps) for _, name, weight, reps in _sets(db)] == [
        ("Bulgarian split squat", 10.0, 12),  # one leg by nature: the library's
        ("Bulgarian split squat", 12.5, 10),
        ("Leg press", 100.0, 12),  # the library's machine leg press
        ("Leg press", 105.0, 10),
        ("Push-up", 0.0, 20),
        ("Push-up", 0.0, 15),
    ]
    status, out, _ = run(capsys, "import", str(source), "--db", str(db), "--json")
    assert status == 0 and json.loads(out)["sets"] == 0  # a re-import adds nothing


def _everything(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT s.started_at, e.name, e.kind, t.side, t.weight_kg, t.reps,"
            " t.duration_seconds, t.distance_m, t.notes, t.volume_override, t.sides_unrecorded"
            " FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id"
            " JOIN sessions s ON s.id = se.session_id JOIN exercises e ON e.id = se.exercise_id"
            " ORDER BY s.started_at, se.position, t.position"
        ).fetchall()


def test_our_csv_keeps_distance_notes_unrecorded_sides_and_log_anyway(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    for db in (first, second):
        assert run(capsys, "init", "--db", str(db), "--profile", "Ana", "--unit", "kg")[0] == 0
    source = FIXTURES / "fitnotes_each_side_cardio.csv"
    assert run(capsys, "import", str(source), "--db", str(first))[0] == 0
    with sqlite3.connect(first) as connection:  # one set logged past the volume rule
        connection.execute("UPDATE sets SET volume_override = 1 WHERE id = 1")
    before = _everything(first)
    assert any(row[7] is not None for row in before)  # a run's distance
    assert any(row[8] for row in before)  # a comment kept as the set's note
    assert any(row[10] for row in before)  # a one-sided row without a side
    exported = tmp_path / "all.csv"
    assert run(capsys, "export", str(exported), "--db", str(first))[0] == 0
    assert run(capsys, "import", str(exported), "--db", str(second))[0] == 0
    assert _everything(second) == before


def test_a_fitnotes_day_with_only_a_comment_keeps_the_comment_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite3"
    run(capsys, "init", "--db", str(db))
    day = tmp_path / "FitNotes_Export.csv"
    day.write_text(
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        "2024-03-02,Dumbbell Curl,Biceps,,,,,,,felt sick today\n",
        "utf-8",
    )
    status, out, err = run(capsys, "import", str(day), "--db", str(db))
    assert status == 0 and err == ""
    assert "line 2: skipped, empty row (its comment kept on the day)" in out
    with sqlite3.connect(db) as connection:
        notes = connection.execute("SELECT notes FROM sessions").fetchall()
    assert notes == [("Dumbbell Curl: felt sick today",)]
