"""Parsing Hevy, FitNotes and JEFIT exports (hand-made fixtures after each app's own
columns): kg and lb, 12- and 24-hour times, supersets, holds, cardio, "(Each Side)",
JEFIT's multi-section file with packed and per-set logs, and its body measurements."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import MeasurementDraft
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.importers import detect_file, parse_text
from import_checks import FIXTURES, draft, load, sets_in, sets_of


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """JEFIT writes times as Unix seconds, read on the user's clock: tests read them in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_hevy_kg_newest_first_set_types_supersets_and_multiline_text() -> None:
    parsed = load("hevy_kg.csv")
    assert parsed.format == "hevy" and parsed.layout == "Hevy, kilograms and km"
    upper, legs = parsed.sessions  # sorted oldest first
    assert upper.started_at == datetime(2026, 4, 7, 10, 14) and legs.name == "Legs 🦵"
    assert upper.notes == "Good session\nsecond line"
    row = draft(parsed, "Bent Over Row (Barbell)")
    assert [(s.kind, s.rpe, s.order) for s in row.sets] == [
        (SetKind.DROP, None, 1),
        (SetKind.FAILURE, 9.5, 2),
    ]
    assert row.superset == 0 and draft(parsed, "Bench Press (Barbell)").superset == 0
    assert row.notes == ""  # no "Superset 0" text any more: the grouping is kept as such
    assert draft(parsed, "Bulgarian Split Squat (Dumbbell)").notes == "left first!"
    [plank] = sets_in(parsed, "Side Plank")
    assert plank.duration_seconds == 45 and not draft(parsed, "Side Plank").cardio


def test_hevy_pounds_12_hour_times_and_treadmill() -> None:
    parsed = load("hevy_lb.csv")
    assert parsed.layout == "Hevy, pounds and miles"
    [session] = parsed.sessions
    assert session.started_at == datetime(2026, 6, 11, 13, 1)
    assert session.ended_at == datetime(2026, 6, 11, 14, 5)
    assert sets_of(parsed, "Bench Press (Barbell)")[0][1] == pytest.approx(61.234970)  # 135 lb
    assert draft(parsed, "Single Arm Lateral Raise").unilateral
    assert sets_of(parsed, "Single Arm Lateral Raise")[0][0] is Side.BOTH
    [walk] = sets_in(parsed, "Treadmill")  # was skipped as cardio; now kept
    assert draft(parsed, "Treadmill").cardio
    assert walk.distance_m == pytest.approx(1931.213)  # 1.2 miles
    assert walk.duration_seconds == 600
    assert parsed.skipped == []


def test_hevy_12_hour_across_midnight_supersets_holds_and_walking() -> None:
    parsed = load("hevy_12h_lb_supersets.csv")
    morning, late = parsed.sessions
    assert morning.started_at == datetime(2026, 6, 8, 6, 5) and morning.notes == "short one"
    assert late.started_at == datetime(2026, 6, 9, 23, 48)
    assert late.ended_at == datetime(2026, 6, 10, 0, 41)
    incline = draft(parsed, "Incline Bench Press (Dumbbell)")
    assert incline.superset == 1 and draft(parsed, "Face Pull").superset == 1
    assert draft(parsed, "Single Arm Cable Row").superset is None
    assert incline.notes == "elbows in"
    assert [(s.kind, s.reps, s.rpe, s.order) for s in incline.sets] == [
        (SetKind.WARM_UP, 12, None, 1),
        (SetKind.WORKING, 10, 8.0, 2),
        (SetKind.DROP, 12, None, 3),
    ]
    assert [round(s.weight_kg or 0, 3) for s in incline.sets] == [13.608, 24.948, 18.144]
    [hang] = sets_in(parsed, "Dead Hang")
    assert (hang.kind, hang.duration_seconds, hang.reps) == (SetKind.FAILURE, 75, None)
    assert not draft(parsed, "Dead Hang").cardio
    [walk] = sets_in(parsed, "Walking")  # 25 minutes of walking: cardio, never lunges
    assert draft(parsed, "Walking").cardio
    assert (walk.duration_seconds, walk.distance_m) == (1500, pytest.approx(2414.016))
    assert [(s.line, s.reason) for s in parsed.skipped] == [(9, "empty set")]


def test_fitnotes_units_cardio_comments_and_unquoted_comma() -> None:
    parsed = load("fitnotes_units.csv")
    assert parsed.format == "fitnotes"
    assert parsed.layout == "FitNotes, a unit on every row, with comments"
    first, second = parsed.sessions
    assert first.started_at == datetime(2023, 11, 2, 12, 0)
    assert [e.name for e in first.exercises] == [
        "Overhead Press (Each Side, Dumbbells)",
        "Flat Barbell Bench Press",
        "Running (Treadmill)",
    ]
    assert draft(parsed, "Overhead Press (Each Side, Dumbbells)").unilateral
    assert sets_of(parsed, "Overhead Press (Each Side, Dumbbells)") == [
        (Side.BOTH, 12.5, 10, SetKind.WORKING)
    ]
    [bench] = sets_in(parsed, "Flat Barbell Bench Press")
    assert bench.weight_kg == pytest.approx(61.234970) and bench.notes == "paused reps"
    [run] = sets_in(parsed, "Running (Treadmill)")
    assert (run.distance_m, run.duration_seconds) == (2500.0, 561)  # 2.5 km in 0:09:21
    assert draft(parsed, "Running (Treadmill)").cardio
    assert parsed.skipped == []
    assert second.exercises[0].name == "One Arm Dumbbell Row"


def test_fitnotes_old_layout() -> None:
    parsed = load("fitnotes_old.csv")
    assert parsed.layout == "FitNotes, older layout (pounds in the header)"
    assert sets_of(parsed, "Single Leg Press")[0][1] == pytest.approx(40.823313)  # 90 lb


def test_fitnotes_each_side_holds_and_a_day_of_only_cardio() -> None:
    parsed = load("fitnotes_each_side_cardio.csv")
    one_sided = {e.name: e.unilateral for s in parsed.sessions for e in s.exercises}
    assert one_sided == {
        "Barbell Squat (Each Side)": False,  # plates per side of the bar
        "Dumbbell Lunge (Each Side)": True,
        "Cable Kickback (Each Side)": True,
        "Leg Press (Each Side)": False,  # plate-loaded
        "Plank": False,
        "Single Leg Calf Raise (Each Side)": True,  # "single leg" says so anyway
        "Running (Outdoor)": False,
        "Cycling": False,
    }
    [squat] = sets_in(parsed, "Barbell Squat (Each Side)")
    assert (squat.side, squat.weight_kg, squat.notes) == (Side.BOTH, 20.0, "plates per side")
    [plank] = sets_in(parsed, "Plank")  # a hold with only a time: kept, not cardio
    assert (plank.duration_seconds, plank.reps, plank.weight_kg) == (90, None, None)
    assert not draft(parsed, "Plank").cardio
    legs, cardio_day, _comment_only = parsed.sessions
    assert cardio_day.started_at == datetime(2024, 2, 7, 12, 0)  # a day of only cardio, kept
    [run] = sets_in(parsed, "Running (Outdoor)")
    assert (run.distance_m, run.duration_seconds, run.notes) == (5200.0, 1665, "easy pace")
    [ride] = sets_in(parsed, "Cycling")
    assert (ride.duration_seconds, ride.distance_m) == (1800, None)
    assert all(e.cardio for e in cardio_day.exercises)
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (10, "empty row"),
        (11, "empty row (its comment kept on the day)"),
    ]
    assert parsed.sessions[-1].notes == "Leg Press (Each Side): seat 5 - machine broken"


def test_jefit_per_set_logs_preferred_pounds_and_profile() -> None:
    parsed = load("jefit_per_set_lb.csv")  # no --unit: SETTING says lbs
    assert parsed.format == "jefit"
    assert parsed.layout == (
        "JEFIT multi-section export, per-set logs (packed logs where an exercise has none), pounds"
    )
    first, second = parsed.sessions
    assert (first.started_at, first.ended_at) == (
        datetime(2024, 3, 4, 18, 0),
        datetime(2024, 3, 4, 19, 5),
    )
    assert second.ended_at == datetime(2024, 3, 6, 8, 10)  # no endtime: start + total_time
    bench = sets_in(parsed, "Barbell Bench Press")  # its per-set logs, not "135x10,185x5,185x5"
    assert [(s.kind, s.reps, s.rpe, s.order, s.line) for s in bench] == [
        (SetKind.WARM_UP, 10, None, 1, 33),
        (SetKind.WORKING, 5, 8.0, 2, 34),
        (SetKind.FAILURE, 4, 10.0, 3, 35),
    ]
    assert [round(s.weight_kg or 0, 3) for s in bench] == [43.091, 83.915, 83.915]
    assert sets_of(parsed, "Dumbbell Single Arm Row") == [
        (Side.BOTH, 22.679619, 12, SetKind.WORKING),  # packed "50.0x12", pounds
        (Side.BOTH, 22.679619, 12, SetKind.WORKING),
    ]
    [run] = sets_in(parsed, "Treadmill Running")
    assert (run.duration_seconds, run.distance_m, run.weight_kg) == (
        1200,
        pytest.approx(3218.688),  # 2.0 miles
        None,
    )
    assert draft(parsed, "Treadmill Running").cardio
    squat = sets_in(parsed, "Barbell Squat")
    assert [(round(s.weight_kg or 0, 2), s.reps) for s in squat] == [
        (102.06, 5),
        (102.06, 5),
        (111.13, 3),
    ]
    assert sets_of(parsed, "Lateral Raise") == [(Side.LEFT, 6.803886, 12, SetKind.WORKING)]
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (37, "a set of an exercise log the file does not have")
    ]
    day = date(2024, 3, 1)
    assert parsed.measurements == [  # inches to cm; 0 means not measured
        MeasurementDraft(8, day, "chest", Side.BOTH, 101.6),
        MeasurementDraft(8, day, "arms", Side.BOTH, 39.37),
        MeasurementDraft(8, day, "waist", Side.BOTH, 83.82),
        MeasurementDraft(8, day, "thighs", Side.BOTH, 58.42),
    ]


def test_jefit_packed_logs_in_kilograms() -> None:
    parsed = load("jefit_packed_kg.csv")
    assert parsed.layout == "JEFIT multi-section export, packed set logs, kilograms"
    assert parsed.unit_note == ""
    workout, push_ups = parsed.sessions
    assert (workout.started_at, workout.ended_at) == (
        datetime(2023, 5, 2, 18, 0),  # from "starttimie", the export's own spelling
        datetime(2023, 5, 2, 19, 0),
    )
    assert sets_of(parsed, "Dumbbell Bulgarian Split Squat") == [
        (Side.BOTH, 10.0, 12, SetKind.WORKING),
        (Side.BOTH, 12.5, 10, SetKind.WORKING),
    ]
    assert [s.order for s in sets_in(parsed, "Machine Leg Press")] == [1, 2]
    assert push_ups.started_at == datetime(2023, 5, 3, 12, 0)  # no session: its day, noon
    assert sets_of(parsed, "Push-Up") == [
        (Side.BOTH, 0.0, 20, SetKind.WORKING),
        (Side.BOTH, 0.0, 15, SetKind.WORKING),
    ]
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (21, 'unreadable set "bad" (weight x reps)')
    ]
    assert parsed.measurements == [MeasurementDraft(8, date(2023, 5, 1), "arms", Side.BOTH, 29.5)]


def test_jefit_without_a_unit_needs_one_and_cannot_be_forced_as_another_format() -> None:
    text = (FIXTURES / "jefit_packed_kg.csv").read_text("utf-8").replace(",kg,1", ",,1")
    with pytest.raises(InvalidInput, match="does not say kg or lb"):
        parse_text(text)
    assert parse_text(text, unit=Unit.LB).unit_note == "weights read as lb"
    with pytest.raises(InvalidInput, match="^Line 1: this looks like a jefit export, not strong"):
        parse_text(text, format="strong", unit=Unit.KG)
    with pytest.raises(InvalidInput, match="^Line 1: this is not a JEFIT export"):
        parse_text("Date,Exercise,Category,Weight (kgs),Reps\n", format="jefit")


def test_forcing_hevy_or_fitnotes_on_another_header_refuses_on_line_1() -> None:
    text = "When,What,How much\n2024-01-01,Squat,100\n"
    with pytest.raises(InvalidInput, match="^Line 1: this is not a Hevy header"):
        parse_text(text, format="hevy")
    with pytest.raises(InvalidInput, match="^Line 1: this is not a FitNotes export"):
        parse_text(text, format="fitnotes")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("jefit_per_set_lb.csv", "jefit"),
        ("strong_german_crlf.csv", "strong"),
        ("hevy_12h_lb_supersets.csv", "hevy"),
        ("fitnotes_each_side_cardio.csv", "fitnotes"),
    ],
)
def test_the_whole_file_says_which_app_wrote_it(name: str, expected: str) -> None:
    assert detect_file(FIXTURES / name) == expected


def test_fitnotes_without_distance_and_time_columns() -> None:
    text = "Date,Exercise,Category,Weight (kgs),Reps\n2021-08-02,Deadlift,Back,140.0,3\n"
    parsed = parse_text(text)
    assert parsed.layout == "FitNotes, older layout (kg in the header), no distance or time columns"
    [deadlift] = sets_in(parsed, "Deadlift")
    assert (deadlift.weight_kg, deadlift.reps, deadlift.distance_m) == (140.0, 3, None)


def test_an_unknown_jefit_set_type_is_kept_as_a_working_set_saying_so() -> None:
    text = (FIXTURES / "jefit_per_set_lb.csv").read_text("utf-8").replace(",warm-up,", ",superset,")
    [first, *_] = sets_in(parse_text(text), "Barbell Bench Press")
    assert (first.kind, first.notes, first.reps) == (
        SetKind.WORKING,
        'JEFIT set type "superset"',
        10,
    )
