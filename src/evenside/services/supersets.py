"""Supersets while logging: put exercises of the session into one group, take a group apart,
and put the groups back as they were (undo)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from evenside.domain.changes import Changes, in_session
from evenside.domain.errors import InvalidInput
from evenside.domain.supersets import joined, members
from evenside.domain.training import SessionExercise
from evenside.services.store import Store
from evenside.storage import session_repo
from evenside.storage.database import DbSession


@dataclass(frozen=True)
class SupersetChange:
    """The groups before and after, by session exercise id: undo puts ``before`` back."""

    before: Mapping[int, int | None]
    after: Mapping[int, int | None]
    changes: Changes


def group(store: Store, session_exercise_ids: Sequence[int]) -> SupersetChange:
    """Two or more exercises of one session into one superset (joining any group they are
    already in)."""
    chosen = list(dict.fromkeys(session_exercise_ids))
    if len(chosen) < 2:
        raise InvalidInput("A superset needs two or more exercises.")
    with store.transaction() as tx:
        session_id = session_repo.session_of(tx, chosen[0])
        exercises = session_repo.get_session(tx, session_id).exercises
        if any(i not in {e.id for e in exercises} for i in chosen):
            raise InvalidInput("A superset's exercises must be in the same session.")
        after = joined(exercises, chosen)
        return _write(tx, session_id, exercises, after)


def group_with_next(store: Store, session_exercise_id: int) -> SupersetChange:
    """The exercise and the one after it (after its whole superset, if it is in one), or
    the one before it (before its superset) when it is the last: just added, say."""
    with store.transaction() as tx:
        session_id = session_repo.session_of(tx, session_exercise_id)
        exercises = session_repo.get_session(tx, session_id).exercises
    group_ids = [e.id for e in members(exercises, session_exercise_id)] or [session_exercise_id]
    at = [i for i, e in enumerate(exercises) if e.id in group_ids]
    if at[-1] + 1 < len(exercises):
        return group(store, [session_exercise_id, exercises[at[-1] + 1].id])
    if at[0] > 0:
        return group(store, [exercises[at[0] - 1].id, session_exercise_id])
    raise InvalidInput("There is no other exercise to superset this one with: add one first.")


def ungroup(store: Store, session_exercise_id: int) -> SupersetChange:
    """Take apart the superset the exercise is in (nothing changes when it is in none)."""
    with store.transaction() as tx:
        session_id = session_repo.session_of(tx, session_exercise_id)
        exercises = session_repo.get_session(tx, session_id).exercises
        after = {e.id: None for e in members(exercises, session_exercise_id)}
        if not after:
            raise InvalidInput("This exercise is not in a superset.")
        return _write(tx, session_id, exercises, after)


def put_groups(store: Store, groups: Mapping[int, int | None]) -> Changes:
    """Set each exercise's group as given (undo and redo of a change)."""
    with store.transaction() as tx:
        session_repo.set_superset_groups(tx, groups)
        session_id = session_repo.session_of(tx, next(iter(groups)))
    return in_session(session_id, exercises=True)


def _write(
    tx: DbSession,
    session_id: int,
    exercises: Sequence[SessionExercise],
    after: Mapping[int, int | None],
) -> SupersetChange:
    before = {e.id: e.superset_group for e in exercises if e.id in after}
    session_repo.set_superset_groups(tx, after)
    return SupersetChange(before, dict(after), in_session(session_id, exercises=True))
