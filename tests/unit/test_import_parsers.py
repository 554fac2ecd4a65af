"""Parsing real export layouts (hand-made fixtures): every row accounted for, each quirk."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport, split_side
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import KG_PER_LB, Unit
from evenside.interchange.importers import parse_file, parse_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def load(name: str, **kwargs: object) -> ParsedImport:
    return parse_file(FIXTURES / name, **kwargs)  # type: ignore[arg-type]


def sets_of(
    parsed: ParsedImport, exercise: str
) -> list[tuple[Side, float | None, int | None, SetKind]]:
    return [
        (s.side, None if s.weight_kg is None else round(s.weight_kg, 6), s.reps, s.kind)
        for session in parsed.sessions
        for e in session.exercises
        if e.name == exercise
        for s in e.sets
    ]


def accounted(parsed: ParsedImport) -> bool:
    return parsed.rows_imported + len(parsed.skipped) == parsed.rows_read


@pytest.mark.parametrize(
    "name",
    [p.name for p in sorted(FIXTURES.glob("*.csv"))],
)
def test_every_row_is_accounted_for(name: str) -> None:
    parsed = load(name, unit=Unit.KG)
    assert accounted(parsed), (parsed.rows_read, parsed.rows_imported, parsed.skipped)
    assert parsed.sessions


def test_strong_oldest_layout_and_left_right_pair() -> None:
    parsed = load("strong_v1_oldest.csv", unit=Unit.KG)
    assert parsed.format == "strong"
    [session] = parsed.sessions
    assert session.started_at == datetime(2024, 3, 4, 18, 0) and session.ended_at is None
    assert [e.name for e in session.exercises] == ["Squat (Barbell)", "Bulgarian Split Squat"]
    assert sets_of(parsed, "Bulgarian Split Squat") == [
        (Side.LEFT, 20.0, 8, SetKind.WORKING),
        (Side.RIGHT, 22.0, 8, SetKind.WORKING),
    ]
    assert sets_of(parsed, "Squat (Barbell)")[0][0] is Side.BOTH


def test_strong_needs_a_unit_when_the_file_has_none() -> None:
    with pytest.raises(InvalidInput, match="does not say kg or lb"):
        load("strong_v1_oldest.csv")
    in_pounds = load("strong_v1_oldest.csv", unit=Unit.LB)
    assert sets_of(in_pounds, "Squat (Barbell)")[0][1] == pytest.approx(100 * KG_PER_LB)


def test_strong_quirks() -> None:
    parsed = load("strong_v2_quirks.csv", unit=Unit.KG)
    upper, short = parsed.sessions
    assert upper.name == "Upper" and upper.notes == "Felt strong.\nLeft shoulder a bit tight."
    assert (upper.ended_at - upper.started_at).total_seconds() == 82 * 60  # type: ignore[operator]
    assert (short.ended_at - short.started_at).total_seconds() == 31 * 60  # type: ignore[operator]
    row = sets_of(parsed, "One Arm Dumbbell Row")  # spaces trimmed; "one arm": each side
    assert row[0] == (Side.LEFT, 10.0, 10, SetKind.WARM_UP)
    assert row[2] == (Side.LEFT, 150.0, 5, SetKind.WORKING)  # float noise rounded, "5.0" reps
    assert row[4][1] == pytest.approx(15 * KG_PER_LB)  # a pound weight stored in kg
    assert [s[0] for s in row] == [Side.LEFT, Side.RIGHT] * 3
    assert sets_of(parsed, "Pull Up") == [
        (Side.BOTH, None, 8, SetKind.WORKING),  # empty weight: bodyweight
        (Side.BOTH, 0.0, 5, SetKind.DROP),
        (Side.BOTH, 0.0, 3, SetKind.FAILURE),
    ]
    plank = [s for e in upper.exercises if e.name == "Plank" for s in e.sets]
    assert plank[0].duration_seconds == 45 and plank[0].reps is None
    rpe = [s.rpe for e in upper.exercises for s in e.sets if s.rpe is not None]
    assert rpe == [8.5, 8.5]
    reasons = {s.line: s.reason for s in parsed.skipped}
    assert reasons[6] == "rest timer row, not a set"
    assert reasons[16] == "note row, not a set"
    assert reasons[20] == "weight but no reps"
    assert reasons[22] == 'unreadable number "nope"'


def test_strong_newest_layout_single_arm_and_markers() -> None:
    parsed = load("strong_v3_newest.csv", unit=Unit.KG)
    press = sets_of(parsed, "Overhead Press (Dumbbell) (Single Arm)")
    assert [s[0] for s in press] == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT]
    assert [s[3] for s in sets_of(parsed, "Triceps Pushdown")] == [SetKind.WARM_UP, SetKind.FAILURE]


def test_strong_german_with_bom_and_crlf() -> None:
    parsed = load("strong_german_crlf.csv", unit=Unit.KG)
    assert parsed.format == "strong"
    assert sets_of(parsed, "Ausfallschritt") == [
        (Side.LEFT, 12.0, 10, SetKind.WORKING),
        (Side.RIGHT, 14.0, 10, SetKind.WORKING),
    ]
    assert [s.reason for s in parsed.skipped] == ["rest timer row, not a set"]


def test_strong_french() -> None:
    parsed = load("strong_french.csv", unit=Unit.KG)
    assert parsed.sessions[0].name == "Haut du corps"
    assert len(sets_of(parsed, "Développé couché")) == 2


def test_strong_semicolon_with_per_row_units() -> None:
    parsed = load("strong_semicolon_units.csv")  # no unit needed: the rows say
    rdl = sets_of(parsed, "Single Leg Romanian Deadlift")
    assert rdl[0][1] == 24.0 and rdl[2][1] == pytest.approx(50 * KG_PER_LB)
    calf = sets_of(parsed, "Calf Raise")
    assert calf[0][1] is None and calf[1][1] == 22.5  # comma decimal


def test_strong_quoted_semicolon_with_units_in_the_header() -> None:
    parsed = load("strong_quoted_semicolon.csv")
    [session] = parsed.sessions
    assert (session.ended_at - session.started_at).total_seconds() == 3720  # type: ignore[operator]
    assert sets_of(parsed, "Lat Pulldown (Cable)")[1] == (Side.BOTH, 57.5, 9, SetKind.WORKING)
    assert [s[0] for s in sets_of(parsed, "Unilateral Cable Row")] == [Side.LEFT, Side.RIGHT]


def test_hevy_kg_newest_first_set_types_supersets_and_multiline_text() -> None:
    parsed = load("hevy_kg.csv")
    assert parsed.format == "hevy"
    upper, legs = parsed.sessions  # sorted oldest first
    assert upper.started_at == datetime(2026, 4, 7, 10, 14) and legs.name == "Legs 🦵"
    assert upper.notes == "Good session\nsecond line"
    row = next(e for e in upper.exercises if e.name == "Bent Over Row (Barbell)")
    assert [s.kind for s in row.sets] == [SetKind.DROP, SetKind.FAILURE]
    assert "Superset 0" in row.notes
    plank = next(e for e in legs.exercises if e.name == "Side Plank")
    assert plank.sets[0].duration_seconds == 45


def test_hevy_pounds_and_12_hour_times() -> None:
    parsed = load("hevy_lb.csv")
    [session] = parsed.sessions
    assert session.started_at == datetime(2026, 6, 11, 13, 1)
    assert session.ended_at == datetime(2026, 6, 11, 14, 5)
    assert sets_of(parsed, "Bench Press (Barbell)")[0][1] == pytest.approx(135 * KG_PER_LB)
    assert [s.reason for s in parsed.skipped] == ["cardio or empty set (no reps)"]


def test_fitnotes_units_cardio_and_unquoted_comma() -> None:
    parsed = load("fitnotes_units.csv")
    assert parsed.format == "fitnotes"
    first, second = parsed.sessions
    assert first.started_at == datetime(2023, 11, 2, 12, 0)
    assert [e.name for e in first.exercises] == [
        "Overhead Press (Each Side, Dumbbells)",
        "Flat Barbell Bench Press",
    ]
    press = sets_of(parsed, "Overhead Press (Each Side, Dumbbells)")
    assert [s[0] for s in press] == [Side.LEFT, Side.RIGHT]
    assert sets_of(parsed, "Flat Barbell Bench Press")[0][1] == pytest.approx(135 * KG_PER_LB)
    assert [(s.line, s.reason) for s in parsed.skipped] == [
        (4, "cardio row (distance or time only)")
    ]
    assert second.exercises[0].name == "One Arm Dumbbell Row"


def test_fitnotes_old_layout() -> None:
    parsed = load("fitnotes_old.csv")
    assert sets_of(parsed, "Single Leg Press")[0][1] == pytest.approx(90 * KG_PER_LB)


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
