"""One validation gate: every service that writes a set or a measurement refuses values the
entry form refuses (NaN, infinities, negatives, text, fractional reps, RPE 99, a negative
time, 1e300), raises InvalidInput and writes nothing. Counted through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from evenside.domain.entry import SetInput, parse_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import LoggedSet, SetKind, SetRecord
from evenside.domain.units import Unit
from evenside.services import library, progress, workout
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

GOOD = SetRecord(Side.LEFT, 20.0, 8)

# Each is one way a set got past the old services; all are refused now.
BAD_SETS = {
    "nan-weight": SetRecord(Side.LEFT, float("nan"), 8),
    "inf-weight": SetRecord(Side.LEFT, float("inf"), 8),
    "minus-inf-weight": SetRecord(Side.LEFT, float("-inf"), 8),
    "negative-weight": SetRecord(Side.LEFT, -5.0, 8),
    "huge-weight": SetRecord(Side.LEFT, 1e300, 8),
    "over-1000-kg": SetRecord(Side.LEFT, 1000.5, 8),
    "text-weight": SetRecord(Side.LEFT, "heavy", 8),  # type: ignore[arg-type]
    "fractional-reps": SetRecord(Side.LEFT, 20.0, 8.5),  # type: ignore[arg-type]
    "text-reps": SetRecord(Side.LEFT, 20.0, "8"),  # type: ignore[arg-type]
    "negative-reps": SetRecord(Side.LEFT, 20.0, -1),
    "1001-reps": SetRecord(Side.LEFT, 20.0, 1001),
    "rpe-99": SetRecord(Side.LEFT, 20.0, 8, rpe=99.0),
    "rpe-nan": SetRecord(Side.LEFT, 20.0, 8, rpe=float("nan")),
    "rpe-quarter": SetRecord(Side.LEFT, 20.0, 8, rpe=7.25),
    "rir-7": SetRecord(Side.LEFT, 20.0, 8, rir=7.0),
    "negative-duration": SetRecord(Side.LEFT, None, None, duration_seconds=-30),
    "zero-duration": SetRecord(Side.LEFT, None, None, duration_seconds=0),
    "over-a-day": SetRecord(Side.LEFT, None, None, duration_seconds=86401),
    "unknown-side": SetRecord("middle", 20.0, 8),  # type: ignore[arg-type]
}


def _bad(name: str) -> SetRecord:
    return BAD_SETS[name]


@pytest.fixture
def exercise_row(store: Store, profile: Profile) -> tuple[int, int]:
    """A session with one exercise and one good set logged: (session id, exercise row id)."""
    curl = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell curl")
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, curl)
    workout.log_set(store, se_id, GOOD)
    return session.id, se_id


def _stored(store: Store, session_id: int) -> list[tuple[object, ...]]:
    current = workout.get_session(store, session_id)
    return [
        (s.side, s.record.weight_kg, s.record.reps, s.record.rpe, s.record.duration_seconds)
        for e in current.exercises
        for s in e.sets
    ]


@pytest.mark.parametrize("name", BAD_SETS)
def test_log_set_refuses_and_stores_nothing(
    store: Store, exercise_row: tuple[int, int], name: str
) -> None:
    session_id, se_id = exercise_row
    with pytest.raises(InvalidInput, match="Not saved"):
        workout.log_set(store, se_id, _bad(name))
    assert _stored(store, session_id) == [(Side.LEFT, 20.0, 8, None, None)]


@pytest.mark.parametrize("name", BAD_SETS)
def test_update_set_refuses_and_keeps_the_stored_values(
    store: Store, exercise_row: tuple[int, int], name: str
) -> None:
    session_id, _ = exercise_row
    set_id = workout.get_session(store, session_id).exercises[0].sets[0].id
    with pytest.raises(InvalidInput, match="Not saved"):
        workout.update_set(store, set_id, _bad(name))
    assert _stored(store, session_id) == [(Side.LEFT, 20.0, 8, None, None)]


@pytest.mark.parametrize("name", ["nan-weight", "inf-weight", "fractional-reps", "rpe-99"])
def test_restore_set_refuses_a_bad_set(
    store: Store, exercise_row: tuple[int, int], name: str
) -> None:
    session_id, _ = exercise_row
    deleted = workout.delete_set(
        store, workout.get_session(store, session_id).exercises[0].sets[0].id
    )
    with pytest.raises(InvalidInput, match="Not saved"):
        workout.restore_set(
            store, deleted.session_exercise_id, replace(deleted.logged, record=_bad(name))
        )
    assert _stored(store, session_id) == []


@pytest.mark.parametrize("name", ["negative-weight", "text-reps", "negative-duration", "rir-7"])
def test_restore_exercise_refuses_if_any_set_is_bad(
    store: Store, exercise_row: tuple[int, int], name: str
) -> None:
    session_id, se_id = exercise_row
    removed = workout.remove_exercise(store, se_id)
    extra = LoggedSet(id=9999, position=1, record=_bad(name))
    tampered = replace(removed, stored=replace(removed.stored, sets=(*removed.stored.sets, extra)))
    with pytest.raises(InvalidInput, match="Not saved"):
        workout.restore_exercise(store, tampered)
    assert workout.get_session(store, session_id).exercises == ()


@pytest.mark.parametrize("name", ["huge-weight", "minus-inf-weight", "1001-reps", "over-a-day"])
def test_restore_session_refuses_if_any_set_is_bad(
    store: Store, profile: Profile, exercise_row: tuple[int, int], name: str
) -> None:
    session_id, _ = exercise_row
    snapshot = workout.delete_session(store, session_id).stored
    exercise = snapshot.exercises[0]
    bad_set = replace(exercise.sets[0], record=_bad(name))
    tampered = replace(snapshot, exercises=(replace(exercise, sets=(*exercise.sets, bad_set)),))
    with pytest.raises(InvalidInput, match="Not saved"):
        workout.restore_session(store, tampered)
    assert workout.history(store, profile.id) == []


def test_the_good_snapshot_still_restores(
    store: Store, profile: Profile, exercise_row: tuple[int, int]
) -> None:
    snapshot = workout.delete_session(store, exercise_row[0]).stored
    workout.restore_session(store, snapshot)
    assert _stored(store, exercise_row[0]) == [(Side.LEFT, 20.0, 8, None, None)]


@pytest.mark.parametrize(
    "record",
    [
        SetRecord(Side.LEFT, 0.0, 0, SetKind.FAILURE),
        SetRecord(Side.RIGHT, 1000.0, 1000),
        SetRecord(Side.BOTH, None, None, duration_seconds=1),
        SetRecord(Side.BOTH, None, None, duration_seconds=86400),
        SetRecord(Side.LEFT, 20.0, 8, rpe=5.0, rir=5.0),
        SetRecord(Side.LEFT, 20.0, 8, rpe=10.0, rir=0.0),
        SetRecord(Side.LEFT, 20.0, 8, rpe=7.5, rir=2.5),
    ],
    ids=["zero", "top-of-range", "1-s", "24-h", "rpe-5", "rpe-10", "halves"],
)
def test_the_edges_of_the_rule_are_stored(
    store: Store, exercise_row: tuple[int, int], record: SetRecord
) -> None:
    session_id, se_id = exercise_row
    logged = workout.log_set(store, se_id, record)
    assert len(_stored(store, session_id)) == 2
    assert workout.get_session(store, session_id).exercises[0].sets[1].record == replace(
        record, logged_at=logged.logged.record.logged_at
    )


def test_the_heaviest_weight_typed_in_pounds_is_stored_as_1000_kg(
    store: Store, exercise_row: tuple[int, int]
) -> None:
    # 1000 kg is 2204.6226218487757 lb; the product rounds to 1000.0000000000001 kg.
    record = parse_set(
        SetInput(weight="2204.6226218487757", reps="1"),
        side=Side.LEFT,
        kind=SetKind.WORKING,
        unit=Unit.LB,
        load_basis=LoadBasis.PER_HAND,
    )
    assert record.weight_kg == 1000.0
    workout.log_set(store, exercise_row[1], record)
    assert _stored(store, exercise_row[0])[1] == (Side.LEFT, 1000.0, 1, None, None)


BAD_MEASUREMENTS = [
    float("nan"),
    float("inf"),
    float("-inf"),
    -1.0,
    0.0,
    300.5,
    1e300,
    "40",
]


@pytest.mark.parametrize("value", BAD_MEASUREMENTS, ids=repr)
@pytest.mark.parametrize("side", ["left", "right"])
def test_a_measurement_out_of_the_rule_is_refused_and_nothing_stored(
    store: Store, profile: Profile, clock: FakeClock, value: object, side: str
) -> None:
    good = 35.5
    values = {"left": good, "right": good} | {side: value}
    with pytest.raises(InvalidInput) as refused:
        progress.add_measurement(
            store,
            profile.id,
            "Upper arm",
            left=values["left"],  # type: ignore[arg-type]
            right=values["right"],  # type: ignore[arg-type]
            day=date(2026, 11, 2),
        )
    assert refused.value.field == side  # the page puts the cursor where the typo is
    assert progress.measurements(store, profile.id, "Upper arm") == []


def test_a_measurement_at_the_edges_is_stored(store: Store, profile: Profile) -> None:
    progress.add_measurement(
        store, profile.id, "Thigh", left=0.1, right=300.0, day=date(2026, 11, 2)
    )
    stored = progress.measurements(store, profile.id, "Thigh")
    assert sorted((m.side, m.value_cm) for m in stored) == [(Side.LEFT, 0.1), (Side.RIGHT, 300.0)]
