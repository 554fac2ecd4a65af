"""Parsing real Strong layouts (hand-made fixtures after Strong's own headers): every row
accounted for, each quirk, each language; and files that cannot be read."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import split_side
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.importers import parse_file, parse_text
from import_checks import FIXTURES, accounted, draft, load, sets_in, sets_of


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """JEFIT writes times as Unix seconds, read on the user's clock: tests read them in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("name", [p.name for p in sorted(FIXTURES.glob("*.csv"))])
def test_every_row_is_accounted_for(name: str) -> None:
    parsed = load(name, unit=Unit.KG)
    assert accounted(parsed), (parsed.rows_read, parsed.rows_imported, parsed.skipped)
    assert parsed.sessions
    assert parsed.layout  # detection names what it recognised


def test_strong_oldest_layout_and_left_right_pair() -> None:
    parsed = load("strong_v1_oldest.csv", unit=Unit.KG)
    assert parsed.format == "strong"
    assert parsed.layout == "Strong, English headers, oldest layout (no Duration, no RPE)"
    [session] = parsed.sessions
    assert session.started_at == datetime(2024, 3, 4, 18, 0) and session.ended_at is None
    assert [e.name for e in session.exercises] == ["Squat (Barbell)", "Bulgarian Split Squat"]
    assert sets_of(parsed, "Bulgarian Split Squat") == [
        (Side.LEFT, 20.0, 8, SetKind.WORKING),
        (Side.RIGHT, 22.0, 8, SetKind.WORKING),
    ]
    assert sets_of(parsed, "Squat (Barbell)")[0][0] is Side.BOTH
    assert [s.order for s in sets_in(parsed, "Squat (Barbell)")] == [1, 2]


def test_strong_needs_a_unit_when_the_file_has_none() -> None:
    with pytest.raises(InvalidInput, match="does not say kg or lb"):
        load("strong_v1_oldest.csv")
    in_pounds = load("strong_v1_oldest.csv", unit=Unit.LB)
    assert sets_of(in_pounds, "Squat (Barbell)")[0][1] == pytest.approx(45.359237)  # 100 lb
    assert in_pounds.unit_note == "weights read as lb; distances read as miles"


def test_strong_quirks() -> None:
    parsed = load("strong_v2_quirks.csv", unit=Unit.KG)
    assert parsed.layout == "Strong, English headers, Duration and RPE layout"
    upper, short = parsed.sessions
    assert upper.name == "Upper" and upper.notes == "Felt strong.\nLeft shoulder a bit tight."
    assert (upper.ended_at - upper.started_at).total_seconds() == 82 * 60  # type: ignore[operator]
    assert (short.ended_at - short.started_at).total_seconds() == 31 * 60  # type: ignore[operator]
    assert short.notes == "Bench Press (Barbell): failed to lock out"  # from a skipped row
    # spaces trimmed; "one arm" says one side at a time but not which: one set, side BOTH
    assert draft(parsed, "One Arm Dumbbell Row").unilateral
    assert sets_of(parsed, "One Arm Dumbbell Row") == [
        (Side.BOTH, 10.0, 10, SetKind.WARM_UP),
        (Side.BOTH, 150.0, 5, SetKind.WORKING),  # float noise rounded, "5.0" reps
        (Side.BOTH, 6.803886, 12, SetKind.WORKING),  # 15 lb, stored in kg
    ]
    row = sets_in(parsed, "One Arm Dumbbell Row")
    assert [s.notes for s in row] == ["", "slow eccentric", ""]
    assert [s.rpe for s in row] == [None, 8.5, None]
    assert [s.order for s in row] == [None, 1, 2]  # a warm-up has a letter, not a number
    assert sets_of(parsed, "Pull Up") == [
        (Side.BOTH, None, 8, SetKind.WORKING),  # empty weight: bodyweight
        (Side.BOTH, 0.0, 5, SetKind.DROP),
        (Side.BOTH, 0.0, 3, SetKind.FAILURE),
    ]
    assert draft(parsed, "Pull Up").notes == "remember chalk"  # the note row, kept
    [plank] = sets_in(parsed, "Plank")
    assert (plank.duration_seconds, plank.reps) == (45, None)
    assert not draft(parsed, "Plank").cardio  # a hold, not cardio
    assert {s.line: s.reason for s in parsed.skipped} == {
        6: "rest timer row (90 s rest), not a set",
        20: "weight but no reps or time (its note kept on the workout)",
        22: 'unreadable number "nope"',
    }
    assert [(s.line, s.reason) for s in parsed.kept_as_notes] == [
        (16, "note row, kept as the exercise's note")
    ]


def test_strong_newest_layout_single_arm_markers_and_running() -> None:
    parsed = load("strong_v3_newest.csv", unit=Unit.KG)
    assert parsed.layout == "Strong, English headers, newest layout (no Notes columns)"
    press = sets_of(parsed, "Overhead Press (Dumbbell) (Single Arm)")
    assert [s[0] for s in press] == [Side.BOTH, Side.BOTH]
    kinds = [s[3] for s in sets_of(parsed, "Triceps Pushdown")]
    assert kinds == [SetKind.WARM_UP, SetKind.FAILURE]
    running = draft(parsed, "Running (Outdoor)")
    assert running.cardio
    [run] = running.sets
    assert (run.distance_m, run.duration_seconds) == (5200.0, 1620)
    assert (run.weight_kg, run.reps) == (None, None)  # Strong's zeros on a cardio row
    assert parsed.unit_note == "weights read as kg; distances read as km"


def test_strong_german_as_strong_writes_it() -> None:
    parsed = load("strong_german_crlf.csv", unit=Unit.KG)  # byte-order mark, CRLF
    assert parsed.format == "strong"
    assert parsed.layout == "Strong, German headers, Duration and RPE layout"
    [session] = parsed.sessions
    assert session.name == "Beine" and session.notes == "Knie ok.\nLinks zuerst."
    assert session.ended_at == datetime(2025, 5, 2, 18, 20)  # 17:15 + "1h 5m"
    assert sets_of(parsed, "Ausfallschritt") == [
        (Side.LEFT, 12.0, 10, SetKind.WORKING),
        (Side.RIGHT, 14.0, 10, SetKind.WORKING),
    ]
    squat = sets_in(parsed, "Kniebeuge (Langhantel)")
    assert [(s.weight_kg, s.reps, s.kind, s.rpe) for s in squat] == [
        (40.0, 10, SetKind.WARM_UP, None),  # "40,0": a decimal comma
        (82.5, 5, SetKind.WORKING, 8.5),
    ]
    assert squat[1].notes == "langsam runter"
    assert draft(parsed, "Kniebeuge (Langhantel)").notes == "Gürtel vergessen"
    [rowing] = sets_in(parsed, "Rudern (Maschine)")
    assert (rowing.distance_m, rowing.duration_seconds) == (2000.0, 480)  # "2,0" km
    assert draft(parsed, "Rudern (Maschine)").cardio
    [hold] = sets_in(parsed, "Unterarmstütz")
    assert hold.duration_seconds == 60 and not draft(parsed, "Unterarmstütz").cardio
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (4, "rest timer row (60 s rest), not a set")
    ]
    assert [s.line for s in parsed.kept_as_notes] == [12]


def test_strong_german_semicolons_and_decimal_commas() -> None:
    parsed = load("strong_german_semicolon.csv", unit=Unit.KG)
    assert parsed.layout == "Strong, German headers, semicolon-separated, Duration and RPE layout"
    press = sets_in(parsed, "Schulterdrücken (Kurzhantel)")
    assert [(s.side, s.weight_kg, s.reps, s.rpe) for s in press] == [
        (Side.RIGHT, 17.5, 8, 7.5),
        (Side.LEFT, 15.0, 8, 8.0),
    ]
    assert [s.kind for s in sets_in(parsed, "Klimmzug")] == [SetKind.WORKING, SetKind.FAILURE]
    assert [s.reason for s in parsed.skipped] == ["rest timer row (90 s rest), not a set"]


def test_strong_french() -> None:
    parsed = load("strong_french.csv", unit=Unit.KG)
    assert parsed.layout == "Strong, French headers, Duration and RPE layout"
    assert parsed.sessions[0].name == "Haut du corps"
    bench = sets_in(parsed, "Développé couché")
    assert [(s.weight_kg, s.reps, s.rpe, s.notes) for s in bench] == [
        (60.0, 8, None, ""),
        (62.5, 6, 9.5, "dernière difficile"),
    ]
    assert draft(parsed, "Développé couché").notes == "coudes serrés"
    assert sets_of(parsed, "Rowing unilatéral (Haltère)") == [
        (Side.LEFT, 22.5, 10, SetKind.WORKING),
        (Side.RIGHT, 22.5, 9, SetKind.WORKING),
    ]
    [bike] = sets_in(parsed, "Vélo d'appartement")
    assert (bike.distance_m, bike.duration_seconds) == (5500.0, 900)
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (3, "rest timer row (120 s rest), not a set")
    ]
    assert [s.line for s in parsed.kept_as_notes] == [5]


def test_strong_semicolon_with_per_row_units() -> None:
    parsed = load("strong_semicolon_units.csv")  # no unit needed: the rows say
    assert parsed.layout == "Strong, English headers, semicolon-separated, a unit on every row"
    assert parsed.unit_note == ""
    rdl = sets_of(parsed, "Single Leg Romanian Deadlift")
    assert rdl == [
        (Side.BOTH, 24.0, 10, SetKind.WORKING),
        (Side.BOTH, 22.679619, 10, SetKind.WORKING),  # 50 lb
    ]
    calf = sets_of(parsed, "Calf Raise")
    assert calf[0][1] is None and calf[1][1] == 22.5  # comma decimal


def test_strong_quoted_semicolon_with_units_in_the_header() -> None:
    parsed = load("strong_quoted_semicolon.csv")
    assert parsed.layout == (
        "Strong, English headers, semicolon-separated, "
        "units in the header (Workout #, Duration in seconds)"
    )
    [session] = parsed.sessions
    assert (session.ended_at - session.started_at).total_seconds() == 3720  # type: ignore[operator]
    assert sets_of(parsed, "Lat Pulldown (Cable)")[1] == (Side.BOTH, 57.5, 9, SetKind.WORKING)
    assert [s[0] for s in sets_of(parsed, "Unilateral Cable Row")] == [Side.BOTH]
    [rowing] = sets_in(parsed, "Rowing (Machine)")  # distance in metres, kept
    assert (rowing.distance_m, rowing.duration_seconds, rowing.notes) == (2000.0, 480, "steady")


def test_forcing_strong_on_a_header_it_cannot_read_refuses_on_line_1() -> None:
    text = "When,What,How much\n2024-01-01,Squat,100\n"
    with pytest.raises(InvalidInput, match="^Line 1: this is not a Strong header"):
        parse_text(text, format="strong", unit=Unit.KG)


def test_a_row_of_empty_cells_is_skipped_with_its_line() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2024-01-01 10:00:00,A,Squat,1,100,5\n"
        ",,,,,\n"
    )
    parsed = parse_text(text, unit=Unit.KG)
    assert [(s.line, s.reason) for s in parsed.skipped] == [(3, "empty row")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lunge (Left)", ("Lunge", Side.LEFT, True)),
        ("Lunge [right]", ("Lunge", Side.RIGHT, True)),
        ("Single Leg RDL", ("Single Leg RDL", None, True)),
        ("One-Arm Row", ("One-Arm Row", None, True)),
        ("Curl (Each Side)", ("Curl (Each Side)", None, True)),
        ("Unilateral Press", ("Unilateral Press", None, True)),
        ("Back Squat", ("Back Squat", None, False)),
    ],
)
def test_unilateral_names(name: str, expected: tuple[str, Side | None, bool]) -> None:
    assert split_side(name) == expected


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02\xff" * 100, "not a text file"),
        (b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n", None),
        (
            b"Date\tWorkout Name\tExercise Name\tSet Order\n2024-01-01\tA\tB\t1\n",
            "Line 1: not a Strong",
        ),
        (
            b"Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
            b'2024-01-01 10:00:00,"A,B,1,2,3\n',
            "Line 2: the file is cut off",
        ),
    ],
    ids=["empty", "binary", "header-only", "wrong-delimiter", "truncated-quote"],
)
def test_malformed_files_give_a_clear_report(
    tmp_path: Path, content: bytes, words: str | None
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    if words is None:
        parsed = parse_file(path, unit=Unit.KG)
        assert parsed.rows_read == 0 and parsed.sessions == []
        return
    with pytest.raises(InvalidInput, match=words):
        parse_file(path, unit=Unit.KG)


def test_a_50_mb_file_is_refused_or_read_without_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    line = b"lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n"
    path.write_bytes(line * (50 * 1024 * 1024 // len(line)))
    with pytest.raises(InvalidInput, match="Line 1: not a Strong"):
        parse_file(path)


def test_format_can_be_forced_but_not_contradicted() -> None:
    text = (FIXTURES / "hevy_lb.csv").read_text("utf-8")
    with pytest.raises(InvalidInput, match="looks like a hevy export, not strong"):
        parse_text(text, format="strong")
    assert parse_text(text, format="hevy").format == "hevy"


def test_a_decimal_comma_without_quotes_is_a_skipped_row_not_a_shifted_one() -> None:
    text = (
        "Datum,Workout-Name,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.\n"
        "2025-05-02 17:15:00,Beine,Kniebeuge,1,82,5,5\n"
    )
    parsed = parse_text(text, unit=Unit.KG)
    assert parsed.sets == 0
    assert [(s.line, s.reason) for s in parsed.skipped] == [(2, "7 fields, the header has 6")]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h 22m", 82 * 60),
        ("45s", 45),
        ("3720", 3720),
        ("1 Std. 5 Min.", 65 * 60),
        ("1 Stunde", 3600),
        ("2 heures 3 min", 123 * 60),
        ("40 Sek.", 40),
    ],
)
def test_workout_lengths_as_strong_writes_them_in_each_language(text: str, seconds: int) -> None:
    row = f"2024-01-01 10:00:00,A,{text},Squat,1,100,5\n"
    parsed = parse_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n" + row, unit=Unit.KG
    )
    [session] = parsed.sessions
    assert (session.ended_at - session.started_at).total_seconds() == seconds  # type: ignore[operator]
