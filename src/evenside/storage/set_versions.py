"""An edit of a set saved only if the set still holds the values the editor loaded: the
UPDATE's WHERE clause compares every edited column with them (no version column needed),
so a second writer's edit never silently overwrites the first's. A deletion is checked the
same way: a set changed since it was shown is not deleted unseen."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, delete, update
from sqlalchemy.orm import Session

from evenside.domain.training import LoggedSet, SetRecord
from evenside.storage import session_repo
from evenside.storage.models import SetRow


def _holds(set_id: int, loaded: SetRecord) -> ColumnElement[bool]:
    return and_(
        SetRow.id == set_id,
        SetRow.side == loaded.side.value,
        SetRow.weight_kg.is_not_distinct_from(loaded.weight_kg),
        SetRow.reps.is_not_distinct_from(loaded.reps),
        SetRow.duration_seconds.is_not_distinct_from(loaded.duration_seconds),
        SetRow.rpe.is_not_distinct_from(loaded.rpe),
        SetRow.rir.is_not_distinct_from(loaded.rir),
        SetRow.kind == loaded.kind.value,
    )


def update_if_unchanged(tx: Session, set_id: int, loaded: SetRecord, record: SetRecord) -> bool:
    """Store ``record`` over set ``set_id`` if it still holds ``loaded``: True if stored."""
    result = tx.execute(
        update(SetRow)
        .where(_holds(set_id, loaded))
        .values(
            side=record.side.value,
            weight_kg=record.weight_kg,
            reps=record.reps,
            duration_seconds=record.duration_seconds,
            rpe=record.rpe,
            rir=record.rir,
            kind=record.kind.value,
            volume_override=record.volume_override,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def delete_if_unchanged(
    tx: Session, set_id: int, loaded: SetRecord
) -> tuple[int, LoggedSet] | None:
    """Delete set ``set_id`` if it still holds ``loaded``: its exercise row id and the set
    as stored (to put it back), or None when it was changed. NotFound when it is gone."""
    stored = session_repo.get_set(tx, set_id)
    row = tx.get(SetRow, set_id)
    assert row is not None
    session_exercise_id = row.session_exercise_id
    result = tx.execute(
        delete(SetRow).where(_holds(set_id, loaded)).execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return None
    return session_exercise_id, stored
