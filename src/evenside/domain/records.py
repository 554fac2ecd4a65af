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
    # reps -> the reps of the set that holds that record (14 kg x 10 holds 3 reps too)
    held_by_reps: dict[int, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.best_for_reps and self.best_e1rm is None


def rep_bests(lifts: Iterable[tuple[float, int]]) -> tuple[dict[int, float], dict[int, int]]:
    """From (kg, reps) lifts: the heaviest kg for at least each rep count, and the reps of
    the lift holding it (at equal weight, the one of more reps)."""
    best: dict[int, float] = {}
    held: dict[int, int] = {}
    for weight, reps in lifts:
        for count in REP_COUNTS:
            if reps >= count and (weight, reps) > (best.get(count, 0.0), held.get(count, 0)):
                best[count], held[count] = weight, reps
    return best, held


def side_records(sets: Iterable[SetRecord], formula: Formula) -> dict[Side, SideRecords]:
    """Records of each side that has any, in the order left, right, both."""
    lifts: dict[Side, list[tuple[float, int]]] = {}
    e1rm: dict[Side, float] = {}
    for record in sets:
        if not record.kind.counts or not record.weight_kg or not record.reps:
            continue
        if record.sides_unrecorded:  # a one-sided set of unknown side: nobody's record
            continue
        weight, reps, side = record.weight_kg, record.reps, record.side
        lifts.setdefault(side, []).append((weight, reps))
        estimate = estimate_one_rep_max(weight, reps, formula)
        if estimate is not None and estimate > e1rm.get(side, 0.0):
            e1rm[side] = estimate
    out: dict[Side, SideRecords] = {}
    for side in (Side.LEFT, Side.RIGHT, Side.BOTH):
        if side in lifts:
            best, held = rep_bests(lifts[side])
            out[side] = SideRecords(side, best, e1rm.get(side), held)
    return out


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
    was_reps: int | None = None  # the reps of the set that held the record beaten

    def describe(self, unit: Unit) -> str:
        """ "New record: L 22 kg x 8 (was 20 kg x 8)", the "was" the set that held the record
        (16 kg x 3 beats 14 kg x 10: "was 14 kg x 10"); bilateral work says "both"."""
        who = "both" if self.side is Side.BOTH else self.side.letter
        lifted = f"{format_weight(self.weight_kg, unit)} x {self.reps}"
        if self.e1rm is not None:
            now = format_weight(self.e1rm, unit, decimals=1)
            was = format_weight(self.was_kg, unit, decimals=1)
            return f"New record: {who} estimated 1RM {now} from {lifted} (was {was})"
        was_reps = self.was_reps if self.was_reps is not None else self.reps_for
        was = f"{format_weight(self.was_kg, unit)} x {was_reps}"
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
        was, held = previous.best_for_reps[count], previous.held_by_reps.get(count)
        return NewRecord(record.side, weight, reps, count, was, was_reps=held)
    estimate = estimate_one_rep_max(weight, reps, formula)
    best = previous.best_e1rm
    if estimate is not None and best is not None and estimate > best + _BEATEN_BY:
        return NewRecord(record.side, weight, reps, None, best, estimate)
    return None
