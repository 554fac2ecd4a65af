"""Editing or deleting a logged set when others may edit it too (a studio server): the
change is made only over the values the editor showed; otherwise ``EditConflict`` carries
both values and the person chooses. On one laptop it behaves as ``workout.update_set`` and
``workout.delete_set``."""

from __future__ import annotations

from dataclasses import replace

from evenside.domain.changes import Changes
from evenside.domain.conflicts import EditConflict
from evenside.domain.entry import check_set
from evenside.domain.errors import NotFound
from evenside.domain.training import SetRecord
from evenside.services.store import Store
from evenside.services.workout import DeletedSet
from evenside.storage import session_repo, set_versions

__all__ = ["EditConflict", "delete_set", "keep_mine", "update_set"]

SET_CHANGED = Changes(sets=True)


def update_set(store: Store, set_id: int, loaded: SetRecord, record: SetRecord) -> Changes:
    """Save ``record`` over set ``set_id`` if it still holds ``loaded`` (what the editor
    showed); raises ``EditConflict`` with both values when someone changed it meanwhile."""
    check_set(record)
    with store.transaction() as tx:
        kept = replace(
            record,
            logged_at=loaded.logged_at,
            volume_override=loaded.volume_override or record.volume_override,
        )
        if set_versions.update_if_unchanged(tx, set_id, loaded, kept):
            return SET_CHANGED
        try:
            theirs: SetRecord | None = session_repo.get_set(tx, set_id).record
        except NotFound:
            theirs = None
    raise EditConflict(set_id, record, theirs)


def delete_set(store: Store, set_id: int, loaded: SetRecord) -> DeletedSet:
    """Delete set ``set_id`` if it still holds ``loaded``; raises ``EditConflict`` (yours:
    delete it) with their values when it was changed meanwhile, ``NotFound`` when someone
    deleted it already."""
    with store.transaction() as tx:
        try:
            deleted = set_versions.delete_if_unchanged(tx, set_id, loaded)
        except NotFound:
            raise NotFound("That set was already deleted elsewhere.") from None
        if deleted is not None:
            return DeletedSet(*deleted, SET_CHANGED)
        theirs = session_repo.get_set(tx, set_id).record
    raise EditConflict(set_id, None, theirs)


def keep_mine(store: Store, conflict: EditConflict) -> Changes:
    """Save this editor's values over the other edit (or delete the set), now that the
    person chose so (still refused if the set changed yet again)."""
    if conflict.theirs is None:
        raise NotFound("That set was deleted elsewhere; nothing to keep it over.")
    if conflict.mine is None:
        return delete_set(store, conflict.set_id, conflict.theirs).changes
    return update_set(store, conflict.set_id, conflict.theirs, conflict.mine)
