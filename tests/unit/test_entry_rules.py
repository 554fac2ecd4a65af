"""What the set entry accepts and refuses, field by field, with the message the user sees.

Every limit is written out here (1000 kg, 1000 reps, RPE 5-10 in halves, RIR 0-5, 1 s to
24 h) rather than imported, so a changed limit shows up as a failing test.
"""

from __future__ import annotations

import pytest

from evenside.domain.entry import SetInput, decimal, parse_duration, parse_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit


def _parse(
    entry: SetInput,
    *,
    kind: SetKind = SetKind.WORKING,
    unit: Unit = Unit.KG,
    basis: LoadBasis = LoadBasis.PER_HAND,
) -> SetRecord:
    return parse_set(entry, side=Side.LEFT, kind=kind, unit=unit, load_basis=basis)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5.0", 5.0), (" 22,5 ", 22.5), ("", None), ("   ", None), ("0", 0.0)],
)
def test_decimal_reads_points_and_commas(text: str, expected: float | None) -> None:
    assert decimal(text) == expected


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "-inf", "1e999"])
def test_decimal_refuses_text_and_non_finite_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        decimal(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45", 45), ("1:30", 90), ("0:01:30", 90), ("1:00:00", 3600), ("", None), ("2.6", 3)],
)
def test_duration_in_seconds_or_minutes_and_seconds(text: str, seconds: int | None) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["a:30", "1:2:3:4", "-5", "1:-30"])
def test_duration_that_is_not_a_time_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"Time must be seconds, or m:ss\."):
        parse_duration(text)


def test_a_plain_working_set() -> None:
    record = _parse(SetInput(weight="22,5", reps="8", rpe="8.5"))
    assert (record.side, record.weight_kg, record.reps, record.rpe) == (Side.LEFT, 22.5, 8, 8.5)
    assert record.kind is SetKind.WORKING


def test_pounds_are_stored_as_kilograms() -> None:
    # 100 lb x 0.45359237 = 45.359237 kg
    assert _parse(SetInput(weight="100", reps="5"), unit=Unit.LB).weight_kg == pytest.approx(
        45.359237
    )


def test_rir_is_kept_as_typed() -> None:
    record = _parse(SetInput(weight="20", reps="8", rir="2"))
    assert (record.rpe, record.rir) == (None, 2.0)


def test_agreeing_rpe_and_rir_are_both_kept() -> None:
    record = _parse(SetInput(weight="20", reps="8", rpe="8", rir="2"))  # 10 - 2 = 8
    assert (record.rpe, record.rir) == (8.0, 2.0)


@pytest.mark.parametrize(
    ("entry", "message", "field"),
    [
        (SetInput(weight="heavy", reps="8"), "Weight must be a number.", "weight"),
        (SetInput(weight="-1", reps="8"), "Weight must be 0 to 1000 kg.", "weight"),
        (SetInput(weight="1000.5", reps="8"), "Weight must be 0 to 1000 kg.", "weight"),
        (SetInput(weight="20", reps="eight"), "Reps must be a number.", "reps"),
        (SetInput(weight="20", reps="8.5"), "Reps must be a whole number.", "reps"),
        (SetInput(weight="20", reps="1001"), "Reps must be 0 to 1000.", "reps"),
        (SetInput(weight="20", reps="-1"), "Reps must be 0 to 1000.", "reps"),
        (
            SetInput(weight="20", reps="0"),
            "0 reps is only for a failed attempt (set kind: failure).",
            "reps",
        ),
        (SetInput(weight="20", reps=""), "Enter the reps.", "reps"),
        (SetInput(weight="", reps="8"), "Enter the weight.", "weight"),
        (SetInput(weight="20", reps="8", rpe="4.5"), "RPE must be 5 to 10 in halves", "rpe"),
        (SetInput(weight="20", reps="8", rpe="10.5"), "RPE must be 5 to 10 in halves", "rpe"),
        (SetInput(weight="20", reps="8", rpe="7.25"), "RPE must be 5 to 10 in halves", "rpe"),
        (SetInput(weight="20", reps="8", rpe="hard"), "RPE must be a number.", "rpe"),
        (SetInput(weight="20", reps="8", rir="6"), "RIR must be 0 to 5 in halves.", "rir"),
        (SetInput(weight="20", reps="8", rir="1.25"), "RIR must be 0 to 5 in halves.", "rir"),
        (
            SetInput(weight="20", reps="8", rpe="9", rir="2"),  # RIR 2 is RPE 8, not 9
            "Give RPE or RIR, not two that disagree.",
            "rir",
        ),
        (
            SetInput(weight="20", reps="8", duration="0"),
            "Time must be 1 s to 24 hours.",
            "duration",
        ),
        (
            SetInput(weight="20", reps="8", duration="24:00:01"),
            "Time must be 1 s to 24 hours.",
            "duration",
        ),
    ],
)
def test_refusals_name_the_field_and_say_why(entry: SetInput, message: str, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        _parse(entry)
    assert str(refused.value).startswith(message)
    assert refused.value.field == field


def test_the_pound_limit_is_1000_kg_in_pounds() -> None:
    # 1000 kg / 0.45359237 = 2204.62 lb: 2204 lb is allowed, 2205 lb is not.
    assert _parse(SetInput(weight="2204", reps="1"), unit=Unit.LB).weight_kg == pytest.approx(
        999.72, abs=0.01
    )
    with pytest.raises(InvalidInput, match="Weight must be 0 to"):
        _parse(SetInput(weight="2205", reps="1"), unit=Unit.LB)


def test_zero_reps_is_a_failed_attempt() -> None:
    assert _parse(SetInput(weight="100", reps="0"), kind=SetKind.FAILURE).reps == 0


def test_a_hold_needs_a_time_and_no_weight() -> None:
    record = _parse(SetInput(duration="1:15"), basis=LoadBasis.TIME)
    assert (record.weight_kg, record.reps, record.duration_seconds) == (None, None, 75)
    with pytest.raises(InvalidInput, match="Enter how long you held it."):
        _parse(SetInput(weight="10"), basis=LoadBasis.TIME)


def test_bodyweight_work_needs_no_added_weight() -> None:
    record = _parse(SetInput(reps="12"), basis=LoadBasis.BODYWEIGHT_PLUS)
    assert (record.weight_kg, record.reps) == (None, 12)
