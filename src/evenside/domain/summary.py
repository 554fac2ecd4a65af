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


def volume_unit(load_basis: LoadBasis) -> str:
    """What volume counts for an exercise: kg x reps, reps (bodyweight work), or seconds."""
    if load_basis is LoadBasis.TIME:
        return "s"
    if load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return "reps"
    return "kg"


def set_volume(s: SetRecord, load_basis: LoadBasis) -> float:
    """kg x reps; reps for bodyweight work (added load or not); seconds for timed work."""
    unit = volume_unit(load_basis)
    if unit == "s":
        return float(s.duration_seconds or 0)
    if unit == "reps":
        return float(s.reps or 0)
    return (s.weight_kg or 0.0) * (s.reps or 0)


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


def side_figures(
    sets: Iterable[SetRecord], load_basis: LoadBasis, formula: Formula
) -> dict[Side, SideFigures]:
    figures: dict[Side, SideFigures] = {}
    for s in sets:
        if not s.kind.counts:
            continue
        current = figures.get(s.side, SideFigures())
        strength = set_strength(s, load_basis, formula)
        best = current.best
        if strength is not None:
            best = strength if best is None else max(best, strength)
        figures[s.side] = SideFigures(
            current.volume + set_volume(s, load_basis),
            current.reps + (s.reps or 0),
            current.sets + 1,
            best,
        )
    return figures


@dataclass(frozen=True)
class ExerciseSummary:
    name: str
    per_side: bool
    volume_unit: str  # "kg" (kg x reps), "reps" or "s"
    left: SideFigures
    right: SideFigures
    both: SideFigures
    asymmetry: Asymmetry | None
    previous_asymmetry: Asymmetry | None
    strong_side_extra_volume: float  # how much more volume the stronger side did (0 if none)
    strong_side: Side | None
    records: tuple[Side, ...]  # sides whose best beat every earlier session
    stretched: bool | None  # None: the stretch is still pending
    # One-sided work whose sets carry no evidence (matched, no effort): no asymmetry shown.
    measured: bool = True
    verdict: str = ""  # the exercise's plain weak-side sentence

    @property
    def asymmetry_change(self) -> float | None:
        """Percentage points against the previous session; negative means the gap closed."""
        if self.asymmetry is None or self.previous_asymmetry is None:
            return None
        return self.asymmetry.percent - self.previous_asymmetry.percent


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
) -> ExerciseSummary:
    figures = side_figures(sets, load_basis, formula)
    left = figures.get(Side.LEFT, SideFigures())
    right = figures.get(Side.RIGHT, SideFigures())
    both = figures.get(Side.BOTH, SideFigures())
    basis = score_basis or ScoreBasis(load_basis, formula)
    asymmetry = _evidence_gap(sets, basis) if per_side else None
    previous_asymmetry = _evidence_gap(previous_sets, basis) if per_side else None
    # The side that should not out-work the other is the stronger one: the one opposite the
    # weak side the session started with, else the one with the higher best today.
    strong = None
    if per_side:
        if weak in (Side.LEFT, Side.RIGHT):
            strong = weak.opposite()
        elif asymmetry is not None and asymmetry.weaker is not None:
            strong = asymmetry.weaker.opposite()
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
        volume_unit(load_basis),
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
    )


def _evidence_gap(sets: Sequence[SetRecord], basis: ScoreBasis) -> Asymmetry | None:
    """The session's gap between sides when its sets carry evidence, else ``None``."""
    score = session_score(date.min, sets, basis)
    return None if score is None else percentage_difference(score.left, score.right)
