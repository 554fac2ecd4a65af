"""An exercise's personal records, per side (for its history)."""

from __future__ import annotations

from datetime import datetime

from evenside.domain.e1rm import Formula
from evenside.domain.records import SideRecords, side_records
from evenside.domain.sides import Side
from evenside.services.store import Store
from evenside.storage import history_repo

_NO_SESSION = -1


def exercise_records(
    store: Store, profile_id: int, exercise_id: int, formula: Formula
) -> dict[Side, SideRecords]:
    with store.transaction() as tx:
        sets = history_repo.all_exercise_sets_before(
            tx, profile_id, exercise_id, datetime.max, _NO_SESSION
        )
    return side_records(sets, formula)
