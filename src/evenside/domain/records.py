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
from evenside.domain.units import Unit, format_weight

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


_BEATEN_BY = 1e-9  # float noise of a kg <-> lb trip is no record


@dataclass(frozen=True)
class NewRecord:
    """A set that beat its side's best: for ``reps_for`` reps, else its estimated 1RM."""

    side: Side
    weight_kg: float
    reps: int
    reps_for: int | None  # the rep count whose heaviest weight it beat
    was_kg: float  # the weight (or e1RM) it beat
    e1rm: float | None = None  # set when the record is the estimated 1RM

    def describe(self, unit: Unit) -> str:
        """ "New record: L 22 kg x 8 (was 20 kg x 8)"; bilateral work says "both"."""
        who = "both" if self.side is Side.BOTH else self.side.letter
        lifted = f"{format_weight(self.weight_kg, unit)} x {self.reps}"
        if self.e1rm is not None:
            now = format_weight(self.e1rm, unit, decimals=1)
            was = format_weight(self.was_kg, unit, decimals=1)
            return f"New record: {who} estimated 1RM {now} from {lifted} (was {was})"
        was = f"{format_weight(self.was_kg, unit)} x {self.reps_for}"
        if self.reps_for != self.reps:
            return f"New record: {who} {lifted}, best for {self.reps_for} reps (was {was})"
        return f"New record: {who} {lifted} (was {was})"


def new_record(
    previous: SideRecords | None, record: SetRecord, formula: Formula
) -> NewRecord | None:
    """What ``record`` beat of its side's ``previous`` records, or None. A side with no
    earlier set has nothing to beat; a set whose sides were not recorded makes no record."""
    if previous is None or previous.empty or record.sides_unrecorded:
        return None
    if not record.kind.counts or not record.weight_kg or not record.reps:
        return None
    weight, reps = record.weight_kg, record.reps
    beaten = [
        count
        for count in REP_COUNTS
        if count <= reps
        and count in previous.best_for_reps
        and weight > previous.best_for_reps[count] + _BEATEN_BY
    ]
    if beaten:
        count = beaten[-1]  # the rep count closest to what was done
        return NewRecord(record.side, weight, reps, count, previous.best_for_reps[count])
    estimate = estimate_one_rep_max(weight, reps, formula)
    best = previous.best_e1rm
    if estimate is not None and best is not None and estimate > best + _BEATEN_BY:
        return NewRecord(record.side, weight, reps, None, best, estimate)
    return None
