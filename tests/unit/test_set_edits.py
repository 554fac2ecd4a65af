"""Two editors of the same set: the second save is refused with both values (never a
silent overwrite), and the person then keeps theirs or takes the other. Runs on an SQLite
file and on the PostgreSQL test server."""

from __future__ import annotations

import pytest

from evenside.domain.conflicts import EditConflict
from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, set_edits, workout
from evenside.services.store import Store

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL


def _one_set(store: Store) -> tuple[int, int]:
    alex = profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    session = workout.start_session(store, alex.id)
    se_id = workout.add_exercise(store, session.id, row)
    return session.id, workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8)).id


def _stored(store: Store, session_id: int) -> tuple[float | None, int | None]:
    (logged,) = workout.get_session(store, session_id).exercises[0].sets
    return logged.record.weight_kg, logged.record.reps


def test_an_edit_over_the_values_loaded_is_saved(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    set_edits.update_set(store, set_id, loaded, SetRecord(Side.LEFT, 20, 10))
    assert _stored(store, session_id) == (20.0, 10)


def test_the_second_editor_is_told_both_values_and_nothing_is_overwritten(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    # The desk corrects the weight; the gym laptop, which loaded 20 kg x 8, corrects the reps.
    set_edits.update_set(store, set_id, loaded, SetRecord(Side.LEFT, 22.5, 8))
    with pytest.raises(EditConflict) as refused:
        set_edits.update_set(store, set_id, loaded, SetRecord(Side.LEFT, 20, 10))
    assert str(refused.value) == (
        "This set was changed elsewhere since you opened it. "
        "Yours: L 20 kg x 10 (working). Theirs: L 22.5 kg x 8 (working)."
    )
    assert _stored(store, session_id) == (22.5, 8)  # the first edit stands
    set_edits.keep_mine(store, refused.value)  # the person chose "keep mine"
    assert _stored(store, session_id) == (20.0, 10)


def test_an_edit_of_a_set_deleted_elsewhere_is_refused(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    workout.delete_set(store, set_id)
    with pytest.raises(EditConflict, match="deleted elsewhere"):
        set_edits.update_set(store, set_id, loaded, SetRecord(Side.LEFT, 20, 10))


def test_a_delete_of_the_set_as_shown_deletes_it_and_can_put_it_back(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    deleted = set_edits.delete_set(store, set_id, loaded)
    assert workout.get_session(store, session_id).exercises[0].sets == ()
    workout.restore_set(store, deleted.session_exercise_id, deleted.logged)  # Ctrl+Z
    assert _stored(store, session_id) == (20.0, 8)


def test_a_delete_of_a_set_changed_elsewhere_asks_and_deletes_nothing(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    set_edits.update_set(store, set_id, loaded, SetRecord(Side.LEFT, 22.5, 8))  # the desk
    with pytest.raises(EditConflict) as refused:
        set_edits.delete_set(store, set_id, loaded)
    assert str(refused.value) == (
        "This set was changed elsewhere since you opened it. "
        "Yours: delete it. Theirs: L 22.5 kg x 8 (working)."
    )
    assert _stored(store, session_id) == (22.5, 8)
    set_edits.keep_mine(store, refused.value)  # "keep mine": delete it after all
    assert workout.get_session(store, session_id).exercises[0].sets == ()


def test_a_delete_of_a_set_deleted_elsewhere_says_so(store: Store) -> None:
    session_id, set_id = _one_set(store)
    loaded = workout.get_session(store, session_id).exercises[0].sets[0].record
    workout.delete_set(store, set_id)
    with pytest.raises(NotFound, match="already deleted elsewhere"):
        set_edits.delete_set(store, set_id, loaded)
