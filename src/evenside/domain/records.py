"""Personal records per side: the heaviest weight lifted for 1, 3, 5, 8, 10 and 12 reps
(a set of more reps counts for fewer: 100 kg x 5 is also a 3-rep record), and the best
estimated one-rep max. Each side on its own; bilateral work under "both", never as a side.
Warm-ups never count; sets without a weight (bodyweight alone) or without reps have none."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from evenside.domain.e1rm import Formula, estimate_one_rep_max
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord

REP_COUNTS = (1, 3, 5, 8, 10, 12)


@dataclass(frozen=True)
class SideRecords:
    side: Side
    # reps -> heaviest kg lifted for at least that many reps (absent: never done)
    best_for_reps: dict[int, float] = field(default_factory=dict)
    best_e1rm: float | None = None

    @property
    def empty(self) -> bool:
        return not self.best_for_reps and self.best_e1rm is None


def side_records(sets: Iterable[SetRecord], formula: Formula) -> dict[Side, SideRecords]:
    """Records of each side that has any, in the order left, right, both."""
    best: dict[Side, dict[int, float]] = {}
    e1rm: dict[Side, float] = {}
    for record in sets:
        if not record.kind.counts or not record.weight_kg or not record.reps:
            continue
        weight, reps, side = record.weight_kg, record.reps, record.side
        mine = best.setdefault(side, {})
        for count in REP_COUNTS:
            if reps >= count and weight > mine.get(count, 0.0):
                mine[count] = weight
        estimate = estimate_one_rep_max(weight, reps, formula)
        if estimate is not None and estimate > e1rm.get(side, 0.0):
            e1rm[side] = estimate
    return {
        side: SideRecords(side, best[side], e1rm.get(side))
        for side in (Side.LEFT, Side.RIGHT, Side.BOTH)
        if side in best
    }
