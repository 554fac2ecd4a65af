"""Supersets while logging: grouping exercises of a session, taking a group apart, undo, the
round order, and the labels the screens and the sheet show."""

from __future__ import annotations

import pytest

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.supersets import grouped_names, labels, next_in_round, together
from evenside.services import library, supersets, workout
from evenside.services.store import Store


def _session(store: Store, profile: Profile, names: list[str]) -> list[int]:
    session = workout.start_session(store, profile.id)
    ids = {e.name: e.id for e in library.all_exercises(store)}
    return [workout.add_exercise(store, session.id, ids[n]) for n in names]


def _groups(store: Store, profile: Profile, se_ids: list[int]) -> list[int | None]:
    session = workout.active_session(store, profile.id)
    assert session is not None
    by_id = {e.id: e.superset_group for e in session.exercises}
    return [by_id[i] for i in se_ids]


def test_group_with_next_then_a_third_joins_and_ungroup_takes_all_apart(
    store: Store, profile: Profile
) -> None:
    squat, bench, row, curl = _session(
        store, profile, ["Back squat", "Bench press", "One-arm dumbbell row", "Barbell curl"]
    )
    first = supersets.group_with_next(store, squat)
    assert _groups(store, profile, [squat, bench, row, curl]) == [1, 1, None, None]
    # from the superset, "next" is the exercise after the whole group: the row
    supersets.group_with_next(store, bench)
    assert _groups(store, profile, [squat, bench, row, curl]) == [1, 1, 1, None]
    apart = supersets.ungroup(store, row)
    assert _groups(store, profile, [squat, bench, row, curl]) == [None, None, None, None]
    supersets.put_groups(store, apart.before)  # undo of the ungroup
    assert _groups(store, profile, [squat, bench, row, curl]) == [1, 1, 1, None]
    assert first.before == {squat: None, bench: None}


def test_chosen_exercises_and_what_is_refused(store: Store, profile: Profile) -> None:
    squat, bench, curl = _session(store, profile, ["Back squat", "Bench press", "Barbell curl"])
    supersets.group(store, [squat, curl])
    assert _groups(store, profile, [squat, bench, curl]) == [1, None, 1]
    with pytest.raises(InvalidInput, match="no other exercise"):
        supersets.group_with_next(store, curl)
    with pytest.raises(InvalidInput, match="not in a superset"):
        supersets.ungroup(store, bench)
    with pytest.raises(InvalidInput, match="two or more"):
        supersets.group(store, [bench])


def test_a_removed_exercise_comes_back_in_its_superset(store: Store, profile: Profile) -> None:
    squat, bench = _session(store, profile, ["Back squat", "Bench press"])
    supersets.group_with_next(store, squat)
    removed = workout.remove_exercise(store, bench)
    workout.restore_exercise(store, removed)
    assert _groups(store, profile, [squat, bench]) == [1, 1]


def test_labels_follow_first_appearance_and_a_lone_group_is_none() -> None:
    assert labels([5, 5, None, 2, 2, 9]) == {5: "Superset A", 2: "Superset B"}


def test_the_round_goes_through_the_group_and_rests_after_its_last(
    store: Store, profile: Profile
) -> None:
    squat, bench, curl = _session(store, profile, ["Back squat", "Bench press", "Barbell curl"])
    supersets.group(store, [squat, curl])
    active = workout.active_session(store, profile.id)
    assert active is not None
    exercises = active.exercises
    following, over = next_in_round(exercises, squat)
    assert (following.id if following else None, over) == (curl, False)
    following, over = next_in_round(exercises, curl)
    assert (following.id if following else None, over) == (squat, True)  # rest, then again
    assert next_in_round(exercises, bench) == (None, True)


def test_a_group_prints_together_and_lists_as_one_entry() -> None:
    # [curl, squat(1), row, bench(1)] -> squat's partner follows it: 0, 1, 3, 2
    assert together([None, 1, None, 1]) == [0, 1, 3, 2]
    assert grouped_names([("Back squat", 4), ("Barbell curl", None), ("Bench press", 4)]) == [
        "Superset A: Back squat + Bench press",
        "Barbell curl",
    ]
