"""The Library's "Names from imports": each app's exercise names and where they went, and
remapping one, which moves its imported sets to the new exercise (and back on undo)."""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.errors import InvalidInput, NotFound
from evenside.domain.name_mapping import StoredMapping
from evenside.services.store import Store
from evenside.storage import import_repo, library_repo

USER_REASON = "chosen in the Library"


@dataclass(frozen=True)
class Remap:
    """What a remap did, to undo it."""

    mapping_id: int
    previous_exercise_id: int
    previous_reason: str
    previous_decided_by: str
    entries: tuple[int, ...]  # the session entries moved


def names_from_imports(store: Store) -> list[StoredMapping]:
    with store.transaction() as tx:
        return import_repo.stored_mappings(tx)


def remap(store: Store, mapping_id: int, exercise_id: int) -> Remap:
    """Send an imported name to ``exercise_id`` from now on, and move the sets it brought
    in to that exercise. Later imports keep this choice."""
    with store.transaction() as tx:
        current = import_repo.mapping_by_id(tx, mapping_id)
        if current is None:
            raise NotFound("That imported name is no longer listed.")
        target = library_repo.get_exercise(tx, exercise_id)
        if target.id == current.exercise_id:
            raise InvalidInput(f'"{current.source_name}" already goes to {target.name}.')
        entries = import_repo.move_sets(
            tx, current.source_app, current.source_name, current.exercise_id, target.id
        )
        import_repo.mark_unrecorded_sides(
            tx, entries, target.laterality.per_side and target.kind != "cardio"
        )
        import_repo.set_mapping_target(
            tx, mapping_id, target.id, reason=USER_REASON, decided_by="user", now=store.now()
        )
    return Remap(
        mapping_id, current.exercise_id, current.reason, current.decided_by, tuple(entries)
    )


def undo_remap(store: Store, done: Remap) -> None:
    """Put the name's sets and mapping back where they were before ``remap``."""
    with store.transaction() as tx:
        previous = library_repo.get_exercise(tx, done.previous_exercise_id)
        import_repo.move_entries(tx, list(done.entries), previous.id)
        import_repo.mark_unrecorded_sides(
            tx, list(done.entries), previous.laterality.per_side and previous.kind != "cardio"
        )
        import_repo.set_mapping_target(
            tx,
            done.mapping_id,
            previous.id,
            reason=done.previous_reason,
            decided_by=done.previous_decided_by,
            now=store.now(),
        )
