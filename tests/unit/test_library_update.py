"""The corrected library reaches an existing file, and per-side muscle credit follows it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from evenside.domain.library import ExerciseSpec, Laterality, LibraryData, LoadBasis
from evenside.domain.muscles import MuscleGroup
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.interchange.library_file import read_library
from evenside.resources_locator import resource
from evenside.services import library, progress, workout
from evenside.services.store import Store, open_store
from evenside.storage import library_repo
from fakes import FakeClock

SHIPPED = read_library(resource("library"))


def _id(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store, include_archived=True) if e.name == name)


def _older_library() -> LibraryData:
    """The library as an earlier Evenside shipped it: per-hand carries, no one-leg back
    extension."""
    exercises = tuple(
        replace(e, load_basis=LoadBasis.PER_HAND, opposite_side=())
        if e.key == "suitcase-carry"
        else e
        for e in SHIPPED.exercises
        if e.key != "single-leg-back-extension"
    )
    return replace(SHIPPED, version=2001, exercises=exercises)


def test_an_older_file_gets_the_corrections_and_keeps_the_users_own(
    db_path: Path, clock: FakeClock
) -> None:
    store = open_store(db_path, clock=clock)
    with store.transaction() as tx:
        library_repo.sync_library(tx, _older_library())
    carry = _id(store, "Suitcase carry")
    assert library.get_exercise(store, carry).load_basis is LoadBasis.PER_HAND
    library.set_rest(store, carry, 45)
    custom = library.add_custom_exercise(
        store,
        ExerciseSpec("Landmine row", Laterality.UNILATERAL, LoadBasis.TOTAL, (MuscleGroup.LATS,)),
    ).exercise
    store.close()

    reopened = open_store(db_path, clock=clock)
    try:
        updated = library.get_exercise(reopened, carry)  # same row, corrected in place
        assert updated.load_basis is LoadBasis.TIME
        assert updated.rest_seconds == 45
        names = {e.name for e in library.all_exercises(reopened)}
        assert {"Single-leg back extension", "Landmine row"} <= names
        assert library.get_exercise(reopened, custom.id).custom
    finally:
        reopened.close()


def test_a_suitcase_carry_in_the_left_hand_works_the_right_obliques(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    session = workout.start_session(store, profile.id)
    carry = workout.add_exercise(store, session.id, _id(store, "Suitcase carry"))
    plank = workout.add_exercise(store, session.id, _id(store, "Side plank"))
    for _ in range(3):  # three carries in the left hand
        workout.log_set(store, carry, SetRecord(Side.LEFT, None, None, duration_seconds=40))
    # one side plank on the left forearm: the left obliques hold it up
    workout.log_set(store, plank, SetRecord(Side.LEFT, None, None, duration_seconds=30))
    workout.finish_session(store, session.id)
    week = progress.opposing_balance(store, profile.id)[-1]
    obliques = next(b for b in week.pairs if b.pair.key == "obliques_left_right")
    # Left obliques: the side plank's 1 set. Right obliques: the 3 left-hand carries.
    assert (obliques.first_sets, obliques.second_sets) == (1.0, 3.0)
