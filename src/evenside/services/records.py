"""An exercise's personal records, per side (for its history)."""

from __future__ import annotations

from datetime import datetime

from evenside.domain.e1rm import Formula
from evenside.domain.records import NewRecord, SideRecords, new_record, side_records
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.services.store import Store
from evenside.storage import history_repo, records_repo

_NO_SESSION = -1


def exercise_records(
    store: Store, profile_id: int, exercise_id: int, formula: Formula
) -> dict[Side, SideRecords]:
    with store.transaction() as tx:
        sets = history_repo.all_exercise_sets_before(
            tx, profile_id, exercise_id, datetime.max, _NO_SESSION
        )
    return side_records(sets, formula)


def beaten_by(
    store: Store,
    profile_id: int,
    exercise_id: int,
    set_id: int,
    record: SetRecord,
    *,
    formula: Formula,
) -> NewRecord | None:
    """The record the set just logged (``set_id``) beat on its side, if any: compared with
    one aggregate of the exercise's other sets, never by reading them all."""
    if record.sides_unrecorded or not record.kind.counts or not record.weight_kg:
        return None
    with store.transaction() as tx:
        bests = records_repo.side_bests(
            tx, profile_id, exercise_id, exclude_set_id=set_id, formula=formula
        )
    return new_record(bests.get(record.side), record, formula)
