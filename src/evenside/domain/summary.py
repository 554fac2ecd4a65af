"""Per-exercise figures for a session: per-side volume, best e1RM, asymmetry, records.

Warm-up sets are kept out of every figure here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from evenside.domain.asymmetry import Asymmetry, percentage_difference
from evenside.domain.e1rm import Formula, estimate_one_rep_max
from evenside.domain.evidence import ScoreBasis, session_score
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.volume_rule import VolumeMeasure, set_work, volume_measure


def volume_unit(load_basis: LoadBasis) -> str:
    """What volume counts for an exercise when no set says otherwise: kg x reps, reps
    (bodyweight work), or seconds (holds). A session's own sets decide (``volume_measure``):
    loaded work done entirely at 0 kg counts reps."""
    if load_basis is LoadBasis.TIME:
        return "s"
    if load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return "reps"
    return "kg"


def strength(
    weight_kg: float | None,
    reps: int | None,
    duration_seconds: int | None,
    load_basis: LoadBasis,
    formula: Formula,
) -> float | None:
    """What "stronger" means for one set: e1RM, or reps / seconds for bodyweight and timed work."""
    if load_basis is LoadBasis.TIME:
        return None if duration_seconds is None else float(duration_seconds)
    if reps is None or reps == 0:
        return None
    if load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return float(reps)
    return estimate_one_rep_max(weight_kg or 0.0, reps, formula)


def set_strength(s: SetRecord, load_basis: LoadBasis, formula: Formula) -> float | None:
    return strength(s.weight_kg, s.reps, s.duration_seconds, load_basis, formula)


def strength_metric(load_basis: LoadBasis) -> str:
    if load_basis is LoadBasis.TIME:
        return "hold time"
    if load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return "reps"
    return "e1RM"


@dataclass(frozen=True)
class SideFigures:
    volume: float = 0.0
    reps: int = 0
    sets: int = 0
    best: float | None = None  # best e1RM (or reps / seconds)
    overrides: int = 0  # sets logged past the other side's volume with "log anyway"


def side_figures(
    sets: Iterable[SetRecord],
    load_basis: LoadBasis,
    formula: Formula,
    measure: VolumeMeasure | None = None,
    body_load: float | None = None,
) -> dict[Side, SideFigures]:
    """Volume (in ``measure``, by default what the sets themselves call for), reps, sets,
    best and logged-anyway sets per side; warm-ups count nothing."""
    records = list(sets)
    measure = measure or volume_measure(load_basis, records, body_load)
    figures: dict[Side, SideFigures] = {}
    for s in records:
        if not s.kind.counts:
            continue
        current = figures.get(s.side, SideFigures())
        strength = set_strength(s, load_basis, formula)
        best = current.best
        if strength is not None:
            best = strength if best is None else max(best, strength)
        figures[s.side] = SideFigures(
            current.volume + set_work(s, measure, load_basis, body_load),
            current.reps + (s.reps or 0),
            current.sets + 1,
            best,
            current.overrides + s.volume_override,
        )
    return figures


@dataclass(frozen=True)
class ExerciseSummary:
    name: str
    per_side: bool
    volume_unit: str  # "kg" (kg x reps), "reps" or "s": what the volume rule counted
    left: SideFigures
    right: SideFigures
    both: SideFigures
    asymmetry: Asymmetry | None
    previous_asymmetry: Asymmetry | None
    strong_side_extra_volume: float  # how much more volume the capped side did (0 if none)
    strong_side: Side | None  # the side the volume rule held to the other's volume
    records: tuple[Side, ...]  # sides whose best beat every earlier session
    stretched: bool | None  # None: the stretch is still pending
    # One-sided work whose sets carry no evidence (matched, no effort): no asymmetry shown.
    measured: bool = True
    verdict: str = ""  # the exercise's plain weak-side sentence
    best_unit: str = "kg"  # e1RM in kg, reps (bodyweight work) or seconds (holds)

    @property
    def asymmetry_change(self) -> float | None:
        """Percentage points against the previous session; negative means the gap closed.
        ``None`` when either session has no gap to compare or the weaker side changed."""
        now, before = self.asymmetry, self.previous_asymmetry
        if now is None or before is None or self.flipped:
            return None
        return now.percent - before.percent

    @property
    def flipped(self) -> bool:
        """The other side was weaker last time."""
        now, before = self.asymmetry, self.previous_asymmetry
        return (
            now is not None
            and before is not None
            and now.weaker is not None
            and before.weaker is not None
            and now.weaker is not before.weaker
        )


def best_unit(load_basis: LoadBasis) -> str:
    return {LoadBasis.TIME: "s", LoadBasis.BODYWEIGHT_PLUS: "reps"}.get(load_basis, "kg")


def summarise_exercise(
    name: str,
    per_side: bool,
    sets: Sequence[SetRecord],
    load_basis: LoadBasis,
    formula: Formula,
    *,
    previous_sets: Sequence[SetRecord] = (),
    best_before: dict[Side, float] | None = None,
    weak: Side | None = None,
    stretched: bool | None = None,
    score_basis: ScoreBasis | None = None,
    verdict: str = "",
    body_load: float | None = None,
) -> ExerciseSummary:
    """One exercise's figures; ``weak`` is the side the volume rule protected (from the
    measurement verdict, else the non-dominant side), never the side logged first."""
    measure = volume_measure(load_basis, sets, body_load)
    figures = side_figures(sets, load_basis, formula, measure, body_load)
    left = figures.get(Side.LEFT, SideFigures())
    right = figures.get(Side.RIGHT, SideFigures())
    both = figures.get(Side.BOTH, SideFigures())
    basis = score_basis or ScoreBasis(load_basis, formula)
    asymmetry = _evidence_gap(sets, basis) if per_side else None
    previous_asymmetry = _evidence_gap(previous_sets, basis) if per_side else None
    strong = weak.opposite() if per_side and weak in (Side.LEFT, Side.RIGHT) else None
    extra = 0.0
    if strong is not None:
        mine, other = (right, left) if strong is Side.RIGHT else (left, right)
        extra = max(0.0, mine.volume - other.volume)
    records: list[Side] = []
    for side, fig in ((Side.LEFT, left), (Side.RIGHT, right), (Side.BOTH, both)):
        before = (best_before or {}).get(side)
        if fig.best is not None and before is not None and fig.best > before + 1e-9:
            records.append(side)
    return ExerciseSummary(
        name,
        per_side,
        measure.value,
        left,
        right,
        both,
        asymmetry,
        previous_asymmetry,
        extra,
        strong,
        tuple(records),
        stretched,
        measured=not per_side or asymmetry is not None or not (left.sets and right.sets),
        verdict=verdict,
        best_unit=best_unit(load_basis),
    )


def _evidence_gap(sets: Sequence[SetRecord], basis: ScoreBasis) -> Asymmetry | None:
    """The session's gap between sides when its sets carry evidence, else ``None``."""
    score = session_score(date.min, sets, basis)
    return None if score is None else percentage_difference(score.left, score.right)
