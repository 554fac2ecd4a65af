"""Personal records per side and per rep count, worked out by hand (Brzycki:
e1RM = w * 36 / (37 - r))."""

from __future__ import annotations

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.profile import Profile
from evenside.domain.records import new_record, side_records
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit
from evenside.services import library, records, workout
from evenside.services.store import Store
from evenside.storage import records_repo

SETS = [
    SetRecord(Side.LEFT, 20, 8),
    SetRecord(Side.LEFT, 22, 5),
    SetRecord(Side.LEFT, 30, 3, SetKind.WARM_UP),  # a warm-up never counts
    SetRecord(Side.LEFT, 25, 1),
    SetRecord(Side.RIGHT, 24, 8),
    SetRecord(Side.RIGHT, 26, 5),
    SetRecord(Side.RIGHT, 40, 0, SetKind.FAILURE),  # no rep: no record
    SetRecord(Side.BOTH, 60, 10),
]


def test_heaviest_weight_for_each_rep_count_per_side() -> None:
    found = side_records(SETS, Formula.BRZYCKI)
    assert list(found) == [Side.LEFT, Side.RIGHT, Side.BOTH]
    # Left: 25 x 1; 22 x 5 covers 3 and 5 reps; 20 x 8 covers 8; nothing of 10 or more.
    assert found[Side.LEFT].best_for_reps == {1: 25, 3: 22, 5: 22, 8: 20}
    # Right: 26 x 5 covers 1, 3 and 5; 24 x 8 covers 8.
    assert found[Side.RIGHT].best_for_reps == {1: 26, 3: 26, 5: 26, 8: 24}
    # Both sides together (a barbell lift): 60 x 10 covers 1 to 10, not 12.
    assert found[Side.BOTH].best_for_reps == {1: 60, 3: 60, 5: 60, 8: 60, 10: 60}


def test_best_e1rm_per_side() -> None:
    found = side_records(SETS, Formula.BRZYCKI)
    # Left: 20 x 8 -> 24.83, 22 x 5 -> 24.75, 25 x 1 -> 25: the single wins.
    assert found[Side.LEFT].best_e1rm == pytest.approx(25.0)
    # Right: 24 x 8 -> 24 * 36 / 29 = 29.79 beats 26 x 5 -> 29.25.
    assert found[Side.RIGHT].best_e1rm == pytest.approx(29.793, abs=1e-3)


def test_no_weighted_set_means_no_record() -> None:
    assert side_records([SetRecord(Side.LEFT, None, 12)], Formula.BRZYCKI) == {}


def _logged(store: Store, profile: Profile, sets: list[SetRecord]) -> tuple[int, list[int]]:
    session = workout.start_session(store, profile.id)
    exercise = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    se_id = workout.add_exercise(store, session.id, exercise)
    return exercise, [workout.log_set(store, se_id, s).id for s in sets]


def test_the_aggregate_gives_what_every_set_read_one_by_one_gives(
    store: Store, profile: Profile
) -> None:
    exercise, _ = _logged(store, profile, SETS)
    with store.transaction() as tx:
        bests = records_repo.side_bests(
            tx, profile.id, exercise, exclude_set_id=-1, formula=Formula.BRZYCKI
        )
    assert bests[Side.LEFT].best_for_reps == {1: 25, 3: 22, 5: 22, 8: 20}
    assert bests[Side.RIGHT].best_for_reps == {1: 26, 3: 26, 5: 26, 8: 24}
    assert bests[Side.RIGHT].best_e1rm == pytest.approx(29.793, abs=1e-3)  # 24 * 36 / 29


def test_a_set_that_beats_its_side_is_announced_in_words(store: Store, profile: Profile) -> None:
    exercise, ids = _logged(
        store, profile, [SetRecord(Side.LEFT, 20, 8), SetRecord(Side.LEFT, 22, 8)]
    )
    beaten = records.beaten_by(
        store, profile.id, exercise, ids[1], SetRecord(Side.LEFT, 22, 8), formula=Formula.BRZYCKI
    )
    assert beaten is not None
    assert beaten.describe(Unit.KG) == "New record: L 22 kg x 8 (was 20 kg x 8)"
    # 22 kg = 48.502 lb -> 48.5; 20 kg = 44.092 lb -> 44 (to the 0.5 lb step)
    assert beaten.describe(Unit.LB) == "New record: L 48.5 lb x 8 (was 44 lb x 8)"


def test_the_first_set_of_a_side_has_nothing_to_beat(store: Store, profile: Profile) -> None:
    exercise, ids = _logged(store, profile, [SetRecord(Side.LEFT, 20, 8)])
    assert (
        records.beaten_by(
            store,
            profile.id,
            exercise,
            ids[0],
            SetRecord(Side.LEFT, 20, 8),
            formula=Formula.BRZYCKI,
        )
        is None
    )


def test_sets_without_recorded_sides_make_no_record(store: Store, profile: Profile) -> None:
    unrecorded = SetRecord(Side.BOTH, 50, 8, sides_unrecorded=True)
    exercise, ids = _logged(store, profile, [SetRecord(Side.BOTH, 20, 8), unrecorded])
    # 50 kg x 8 from a file that never said the side beats nothing, and counts as no best
    found = records.beaten_by(
        store, profile.id, exercise, ids[1], unrecorded, formula=Formula.BRZYCKI
    )
    assert found is None
    with store.transaction() as tx:
        bests = records_repo.side_bests(
            tx, profile.id, exercise, exclude_set_id=-1, formula=Formula.BRZYCKI
        )
    assert bests[Side.BOTH].best_for_reps == {1: 20, 3: 20, 5: 20, 8: 20}


def test_more_reps_at_a_heavier_weight_names_the_rep_count_beaten() -> None:
    previous = side_records([SetRecord(Side.RIGHT, 30, 8)], Formula.BRZYCKI)[Side.RIGHT]
    found = new_record(previous, SetRecord(Side.RIGHT, 32, 9), Formula.BRZYCKI)
    assert found is not None
    assert found.describe(Unit.KG) == ("New record: R 32 kg x 9, best for 8 reps (was 30 kg x 8)")


def test_a_better_estimate_at_a_lighter_weight_is_an_e1rm_record() -> None:
    previous = side_records([SetRecord(Side.BOTH, 100, 5)], Formula.BRZYCKI)[Side.BOTH]
    # 100 x 5 -> 100 * 36 / 32 = 112.5; 95 x 8 -> 95 * 36 / 29 = 117.93
    found = new_record(previous, SetRecord(Side.BOTH, 95, 8), Formula.BRZYCKI)
    assert found is not None
    assert found.describe(Unit.KG) == (
        "New record: both estimated 1RM 117.9 kg from 95 kg x 8 (was 112.5 kg)"
    )
    assert new_record(previous, SetRecord(Side.BOTH, 90, 6), Formula.BRZYCKI) is None


def test_fewer_reps_at_a_heavier_weight_quotes_the_set_that_held_the_record(
    store: Store, profile: Profile
) -> None:
    earlier = [SetRecord(Side.LEFT, 14, 10), SetRecord(Side.LEFT, 12, 3)]
    exercise, ids = _logged(store, profile, [*earlier, SetRecord(Side.LEFT, 16, 3)])
    # 14 x 10 holds the 3-rep best too (10 reps cover 3): 12 x 3 is lighter.
    with store.transaction() as tx:
        bests = records_repo.side_bests(
            tx, profile.id, exercise, exclude_set_id=ids[2], formula=Formula.BRZYCKI
        )
    assert bests[Side.LEFT].best_for_reps == {1: 14, 3: 14, 5: 14, 8: 14, 10: 14}
    assert bests[Side.LEFT].held_by_reps == {1: 10, 3: 10, 5: 10, 8: 10, 10: 10}
    beaten = records.beaten_by(
        store, profile.id, exercise, ids[2], SetRecord(Side.LEFT, 16, 3), formula=Formula.BRZYCKI
    )
    assert beaten is not None
    assert beaten.describe(Unit.KG) == "New record: L 16 kg x 3 (was 14 kg x 10)"
    # Read set by set, the same: and 14 x 3 after 14 x 10 is no record.
    previous = side_records(earlier, Formula.BRZYCKI)[Side.LEFT]
    assert previous.held_by_reps[3] == 10
    assert new_record(previous, SetRecord(Side.LEFT, 14, 3), Formula.BRZYCKI) is None


def test_sets_whose_sides_were_not_recorded_are_in_no_sides_records() -> None:
    # History's records of an imported one-arm row: L 14 x 10 and R 16 x 10 with sides,
    # two sets of 30 x 10 from rows that never said the side: no "both" row from them.
    found = side_records(
        [
            SetRecord(Side.LEFT, 14, 10),
            SetRecord(Side.RIGHT, 16, 10),
            SetRecord(Side.BOTH, 30, 10, sides_unrecorded=True),
            SetRecord(Side.BOTH, 30, 10, sides_unrecorded=True),
        ],
        Formula.BRZYCKI,
    )
    assert list(found) == [Side.LEFT, Side.RIGHT]
    assert found[Side.RIGHT].best_for_reps == {1: 16, 3: 16, 5: 16, 8: 16, 10: 16}
