"""Assessments: the guided per-side tests a trainer runs first (the baseline) and again every
few weeks (the re-tests), what each measures per side, its entry rule, and how a result
counts as evidence for the weak-side verdict.

A strength test is scored as a session whose effort is known: reps to technical failure at
a fixed load is a set to failure on each side, a top set is rated with an RPE per side, a
timed hold is held to failure. A range-of-motion check is not strength: it is kept and
charted, with the tighter side noted, but says nothing about which side is weaker.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from evenside.domain.e1rm import MAX_REPS_FOR_ESTIMATE, MIN_RPE
from evenside.domain.entry import MAX_DURATION_SECONDS, MAX_REPS, MAX_WEIGHT_KG
from evenside.domain.errors import InvalidInput
from evenside.domain.evidence import AssessmentResult, ScoreBasis, session_score
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.verdict_words import day_text

DEFAULT_RETEST_WEEKS = 4
MAX_RETEST_WEEKS = 26
MAX_RANGE = 360.0  # degrees (or centimetres) of a range-of-motion check
MAX_TEST_NAME = 80
MAX_NOTES = 500
RUN_IT = " Run it on the Assessments page."  # said where the page is not in view


class AssessmentKind(StrEnum):
    REPS_TO_FAILURE = "reps to failure"
    TOP_SET = "top set with RPE"
    HOLD = "timed hold"
    RANGE_OF_MOTION = "range of motion"

    @property
    def measures(self) -> str:
        """What the left and right values are, in the user's words."""
        return {
            AssessmentKind.REPS_TO_FAILURE: "reps to technical failure at the load",
            AssessmentKind.TOP_SET: "RPE of the top set at the load and reps",
            AssessmentKind.HOLD: "seconds held",
            AssessmentKind.RANGE_OF_MOTION: "range reached (degrees or cm)",
        }[self]

    @property
    def unit(self) -> str:
        return {
            AssessmentKind.REPS_TO_FAILURE: "reps",
            AssessmentKind.TOP_SET: "RPE",
            AssessmentKind.HOLD: "s",
            AssessmentKind.RANGE_OF_MOTION: "° or cm",
        }[self]

    @property
    def uses_load(self) -> bool:
        return self in (AssessmentKind.REPS_TO_FAILURE, AssessmentKind.TOP_SET)

    @property
    def is_strength(self) -> bool:
        """Whether a result is evidence for the weak-side verdict."""
        return self is not AssessmentKind.RANGE_OF_MOTION


@dataclass(frozen=True)
class Assessment:
    """One test, both sides. ``name`` is the exercise's name, or the named check (a
    range-of-motion test need not be an exercise of the library)."""

    kind: AssessmentKind
    day: date
    left: float
    right: float
    exercise_id: int | None = None
    name: str = ""
    load_kg: float | None = None
    reps: int | None = None
    tighter: Side | None = None
    notes: str = ""
    id: int | None = None

    @property
    def test_key(self) -> tuple[AssessmentKind, int | None, str]:
        """The same test, run again, has the same key (a baseline and its re-tests)."""
        return (self.kind, self.exercise_id, "" if self.exercise_id else self.name.lower())


def _finite(value: float | None, field: str, label: str) -> float:
    if value is None:
        raise InvalidInput(f"Enter the {label}.", field)
    if not math.isfinite(value):
        raise InvalidInput(f"The {label} must be a number.", field)
    return float(value)


def _side_value(kind: AssessmentKind, value: float | None, field: str) -> float:
    label = f"{field} side's {kind.unit}"
    number = _finite(value, field, label)
    if kind is AssessmentKind.TOP_SET:
        if not MIN_RPE <= number <= 10 or number * 2 != int(number * 2):
            raise InvalidInput("RPE is 6 to 10, in half steps (the RPE table's reach).", field)
    elif kind is AssessmentKind.RANGE_OF_MOTION:
        if not 0 < number <= MAX_RANGE:
            raise InvalidInput(f"A range is above 0 and at most {MAX_RANGE:g}.", field)
    else:
        top = MAX_REPS if kind is AssessmentKind.REPS_TO_FAILURE else MAX_DURATION_SECONDS
        whole = "Reps" if kind is AssessmentKind.REPS_TO_FAILURE else "Seconds"
        if number != int(number) or not 0 <= number <= top:
            raise InvalidInput(f"{whole} are whole numbers from 0 to {top}.", field)
    return number


def checked(a: Assessment) -> Assessment:
    """The entry rule for an assessment, whatever its source: finite numbers in range, a
    load where the test has one, a name where it has no exercise. Returns it tidied."""
    name = " ".join(a.name.split())
    if a.exercise_id is None and (a.kind.is_strength or not name):
        what = "an exercise" if a.kind.is_strength else "a name for the check"
        raise InvalidInput(f"Choose {what}.", "exercise")
    if len(name) > MAX_TEST_NAME:
        raise InvalidInput(f"A name is at most {MAX_TEST_NAME} characters.", "exercise")
    left = _side_value(a.kind, a.left, "left")
    right = _side_value(a.kind, a.right, "right")
    if a.kind in (AssessmentKind.REPS_TO_FAILURE, AssessmentKind.HOLD) and not left + right:
        raise InvalidInput("At least one side must score above 0.", "left")
    load, reps = None, None
    if a.kind.uses_load:
        load = _finite(a.load_kg, "load", "load")
        if not 0 <= load <= MAX_WEIGHT_KG:
            raise InvalidInput(f"The load is 0 to {MAX_WEIGHT_KG:g} kg.", "load")
    if a.kind is AssessmentKind.TOP_SET:
        count = _finite(None if a.reps is None else float(a.reps), "reps", "reps of the top set")
        if count != int(count) or not 1 <= count <= MAX_REPS_FOR_ESTIMATE:
            raise InvalidInput(
                f"A top set is 1 to {MAX_REPS_FOR_ESTIMATE} reps (the RPE table's reach).",
                "reps",
            )
        reps = int(count)
    tighter = a.tighter if a.kind is AssessmentKind.RANGE_OF_MOTION else None
    if tighter is Side.BOTH:
        raise InvalidInput("The tighter side is left or right.", "tighter")
    if len(a.notes) > MAX_NOTES:
        raise InvalidInput(f"Notes are at most {MAX_NOTES} characters.", "notes")
    return replace(a, name=name, left=left, right=right, load_kg=load, reps=reps, tighter=tighter)


def check_retest_weeks(weeks: int) -> int:
    if not 1 <= weeks <= MAX_RETEST_WEEKS:
        raise InvalidInput(f"Re-test every 1 to {MAX_RETEST_WEEKS} weeks.", "retest_weeks")
    return weeks


def _sets(a: Assessment) -> tuple[SetRecord, ...]:
    """The test as the sets it stands for: one per side, effort known."""
    sides = ((Side.LEFT, a.left), (Side.RIGHT, a.right))
    if a.kind is AssessmentKind.REPS_TO_FAILURE:
        return tuple(SetRecord(s, a.load_kg, int(v), SetKind.FAILURE) for s, v in sides)
    if a.kind is AssessmentKind.TOP_SET:
        return tuple(SetRecord(s, a.load_kg, a.reps, rpe=v) for s, v in sides)
    return tuple(
        SetRecord(s, None, None, SetKind.FAILURE, duration_seconds=int(v)) for s, v in sides
    )


def assessment_result(a: Assessment, basis: ScoreBasis) -> AssessmentResult | None:
    """The test as evidence, scored by the rules of a session with known effort (e1RM
    through the RPE table, reps at the load beyond it, seconds for a hold); ``None`` for a
    range-of-motion check, or when the score needs a body mass that is not known."""
    if not a.kind.is_strength or a.exercise_id is None:
        return None
    if a.kind is AssessmentKind.HOLD:
        basis = replace(basis, load_basis=LoadBasis.TIME)
    score = session_score(a.day, _sets(a), basis)
    if score is None:
        return None
    return AssessmentResult(a.day, a.exercise_id, score.left, score.right, score.kind, score.method)


@dataclass(frozen=True)
class AssessmentSeries:
    """One test's baseline and its re-tests, oldest first, and when the next is due."""

    name: str
    kind: AssessmentKind
    results: tuple[Assessment, ...]
    next_due: date

    @property
    def baseline(self) -> Assessment:
        return self.results[0]


def assessment_series(assessments: Iterable[Assessment], weeks: int) -> list[AssessmentSeries]:
    """Group results by test (same kind and exercise, or same named check): the first is
    the baseline, the rest re-tests; the next is due ``weeks`` after the latest."""
    grouped: dict[tuple[AssessmentKind, int | None, str], list[Assessment]] = {}
    for a in sorted(assessments, key=lambda a: (a.day, a.id or 0)):
        grouped.setdefault(a.test_key, []).append(a)
    histories = [
        AssessmentSeries(
            rows[0].name, rows[0].kind, tuple(rows), rows[-1].day + timedelta(weeks=weeks)
        )
        for rows in grouped.values()
    ]
    return sorted(histories, key=lambda h: (h.name.lower(), h.kind.value))


def due_retests(histories: Sequence[AssessmentSeries], today: date) -> list[AssessmentSeries]:
    """The tests whose re-test day has come, the longest overdue first."""
    return sorted((h for h in histories if h.next_due <= today), key=lambda h: h.next_due)


def retest_reminder(due: Sequence[AssessmentSeries], today: date) -> str:
    """One line naming the re-tests that are due (longest overdue first), or ""."""
    if not due:
        return ""
    names = ", ".join(f"{s.name} ({s.kind.value})" for s in due[:3])
    more = f" and {len(due) - 3} more" if len(due) > 3 else ""
    since = day_text(due[0].next_due, today)
    return f"Re-test due since {since}: {names}{more}.{RUN_IT}"
