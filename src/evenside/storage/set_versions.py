"""An edit of a set saved only if the set still holds the values the editor loaded: the
UPDATE's WHERE clause compares every edited column with them (no version column needed),
so a second writer's edit never silently overwrites the first's."""

from __future__ import annotations

from sqlalchemy import and_, update
from sqlalchemy.orm import Session

from evenside.domain.training import SetRecord
from evenside.storage.models import SetRow


def update_if_unchanged(tx: Session, set_id: int, loaded: SetRecord, record: SetRecord) -> bool:
    """Store ``record`` over set ``set_id`` if it still holds ``loaded``: True if stored."""
    same = and_(
        SetRow.id == set_id,
        SetRow.side == loaded.side.value,
        SetRow.weight_kg.is_not_distinct_from(loaded.weight_kg),
        SetRow.reps.is_not_distinct_from(loaded.reps),
        SetRow.duration_seconds.is_not_distinct_from(loaded.duration_seconds),
        SetRow.rpe.is_not_distinct_from(loaded.rpe),
        SetRow.rir.is_not_distinct_from(loaded.rir),
        SetRow.kind == loaded.kind.value,
    )
    result = tx.execute(
        update(SetRow)
        .where(same)
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
