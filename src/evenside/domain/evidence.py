"""Which sets say something about the difference between the sides, and the per-side score
one session gives.

Evidence is a set whose effort is known (RPE or RIR, through the RPE table), a set to
failure, an assessment test, or a session whose sides differ in load or reps. Two sides
logged with the same weight and reps and no effort count toward volume only: they say
nothing about which side is stronger, so they give no score (never "even").

Scores by load basis: per-hand or per-side load -> e1RM for 1-12 reps, reps at the matched
load beyond; bodyweight plus load -> e1RM of (body mass x the share moved + load), which
needs the body mass, or reps when both sides used the same load; 0 kg -> reps; holds ->
seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from evenside.domain.e1rm import (
    MAX_REPS_FOR_ESTIMATE,
    Formula,
    estimate_from_rpe,
    estimate_one_rep_max,
    rpe_from_rir,
)
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord

# Share of body mass a movement lifts, as an assumption the screens name (DOMAIN.md: about
# 0.6-0.7 for a split squat). Matched on words in the exercise's name; the default otherwise.
BODY_SHARES = (
    ("dip", 0.9),
    ("pull-up", 0.95),
    ("chin-up", 0.95),
    ("pistol", 0.8),
    ("push-up", 0.65),
    ("split squat", 0.65),
    ("lunge", 0.65),
    ("step-up", 0.65),
)
DEFAULT_BODY_SHARE = 0.65


def body_share(exercise_name: str) -> float:
    """The share of body mass an exercise moves (the assumption, stated on screen)."""
    name = exercise_name.lower()
    return next((share for word, share in BODY_SHARES if word in name), DEFAULT_BODY_SHARE)


class ScoreKind(StrEnum):
    E1RM = "e1RM"
    REPS = "reps at matched load"
    SECONDS = "seconds"


@dataclass(frozen=True)
class ScoreBasis:
    """What a per-side score needs to know about the exercise and the person."""

    load_basis: LoadBasis
    formula: Formula = Formula.BRZYCKI
    body_mass_kg: float | None = None
    share: float = DEFAULT_BODY_SHARE


@dataclass(frozen=True)
class SessionScore:
    """One session's comparable per-side score, with what it is."""

    day: date
    left: float
    right: float
    kind: ScoreKind
    method: str  # "RPE table", "Brzycki", "8 kg", "bodyweight", "seconds"

    @property
    def label(self) -> str:
        """ "e1RM (RPE table)", "reps at 8 kg", "reps at bodyweight", "seconds"."""
        if self.kind is ScoreKind.E1RM:
            return f"e1RM ({self.method})"
        if self.kind is ScoreKind.REPS:
            return f"reps at {self.method}"
        return "seconds"

    @property
    def signed_percent(self) -> float:
        """(stronger - weaker) / stronger * 100, positive when the left is weaker."""
        stronger = max(self.left, self.right)
        return 0.0 if stronger == 0 else (self.right - self.left) / stronger * 100.0


def set_rpe(s: SetRecord) -> float | None:
    """The effort of a set: its RPE, else 10 - RIR, else 10 for a set to failure."""
    if s.rpe is not None:
        return s.rpe
    if s.rir is not None:
        return rpe_from_rir(s.rir)
    return 10.0 if s.kind is SetKind.FAILURE else None


def _load(s: SetRecord, basis: ScoreBasis) -> float | None:
    """The load a side moved: the weight, or body mass x share + added load."""
    added = s.weight_kg or 0.0
    if basis.load_basis is not LoadBasis.BODYWEIGHT_PLUS:
        return added
    if basis.body_mass_kg is None:
        return None
    return basis.body_mass_kg * basis.share + added


def _effort_e1rm(sets: Sequence[SetRecord], basis: ScoreBasis) -> float | None:
    best = None
    for s in sets:
        rpe, load = set_rpe(s), _load(s, basis)
        if rpe is None or load is None or not load or s.reps is None:
            continue
        value = estimate_from_rpe(load, s.reps, rpe)
        if value is not None:
            best = value if best is None else max(best, value)
    return best


def _top(sets: Sequence[SetRecord]) -> tuple[float, int]:
    """The heaviest set, then the most reps at that weight."""
    return max(((s.weight_kg or 0.0), s.reps or 0) for s in sets)


def _reps_at(sets: Sequence[SetRecord], load: float, with_effort: bool) -> float | None:
    """The most reps (plus reps in reserve when the effort is known) at ``load``."""
    found: float | None = None
    for s in sets:
        if (s.weight_kg or 0.0) != load or not s.reps:
            continue
        rpe = set_rpe(s)
        if with_effort and rpe is None:
            continue
        reps = s.reps + (10.0 - rpe if with_effort and rpe is not None else 0.0)
        found = reps if found is None else max(found, reps)
    return found


def _matched_reps(
    day: date,
    left: Sequence[SetRecord],
    right: Sequence[SetRecord],
    basis: ScoreBasis,
    *,
    effort: bool,
) -> SessionScore | None:
    common = {s.weight_kg or 0.0 for s in left} & {s.weight_kg or 0.0 for s in right}
    for load in sorted(common, reverse=True):
        lr, rr = _reps_at(left, load, effort), _reps_at(right, load, effort)
        if lr is not None and rr is not None:
            if basis.load_basis is LoadBasis.BODYWEIGHT_PLUS:
                method = "bodyweight" if not load else f"bodyweight + {load:g} kg"
            else:
                method = f"{load:g} kg"
            return SessionScore(day, lr, rr, ScoreKind.REPS, method)
    return None


def _formula_e1rm(sets: Sequence[SetRecord], basis: ScoreBasis) -> float | None:
    best = None
    for s in sets:
        load = _load(s, basis)
        if load is None or not load or not s.reps or s.reps > MAX_REPS_FOR_ESTIMATE:
            return None  # one set out of reach: compare reps at a matched load instead
        value = estimate_one_rep_max(load, s.reps, basis.formula)
        if value is not None:
            best = value if best is None else max(best, value)
    return best


def _method(basis: ScoreBasis, formula: str) -> str:
    if basis.load_basis is LoadBasis.BODYWEIGHT_PLUS:
        return f"{formula}, {basis.share:g} x body mass + load"
    return formula


def session_score(day: date, sets: Iterable[SetRecord], basis: ScoreBasis) -> SessionScore | None:
    """The session's per-side score when its sets carry evidence; ``None`` when they do not
    (matched sides with no effort, one side missing, or a body mass the score needs)."""
    counted = [s for s in sets if s.kind.counts]
    left = [s for s in counted if s.side is Side.LEFT]
    right = [s for s in counted if s.side is Side.RIGHT]
    if not left or not right:
        return None
    if basis.load_basis is LoadBasis.TIME:
        return _hold_score(day, left, right)
    with_effort = _effort_score(day, left, right, basis)
    if with_effort is not None:
        return with_effort
    if _top(left) == _top(right):
        return None  # matched and no effort: volume, not evidence
    formula_left, formula_right = _formula_e1rm(left, basis), _formula_e1rm(right, basis)
    if formula_left is not None and formula_right is not None:
        method = _method(basis, basis.formula.label)
        return SessionScore(day, formula_left, formula_right, ScoreKind.E1RM, method)
    return _matched_reps(day, left, right, basis, effort=False)


def _effort_score(
    day: date, left: Sequence[SetRecord], right: Sequence[SetRecord], basis: ScoreBasis
) -> SessionScore | None:
    """Both sides' effort known: e1RM through the RPE table, else reps plus reps in reserve
    at a load both sides used (beyond 12 reps, or at 0 kg)."""
    effort_left, effort_right = _effort_e1rm(left, basis), _effort_e1rm(right, basis)
    if effort_left is not None and effort_right is not None:
        method = _method(basis, Formula.RPE_TABLE.label)
        return SessionScore(day, effort_left, effort_right, ScoreKind.E1RM, method)
    return _matched_reps(day, left, right, basis, effort=True)


def _hold_score(
    day: date, left: Sequence[SetRecord], right: Sequence[SetRecord]
) -> SessionScore | None:
    held_left = max((s.duration_seconds or 0 for s in left), default=0)
    held_right = max((s.duration_seconds or 0 for s in right), default=0)
    if not held_left and not held_right:
        return None
    to_failure = all(set_rpe(s) == 10.0 for s in (*left, *right))
    if held_left == held_right and not to_failure:
        return None
    return SessionScore(day, float(held_left), float(held_right), ScoreKind.SECONDS, "seconds")


def needs_body_mass(sets: Iterable[SetRecord], basis: ScoreBasis) -> bool:
    """Whether a bodyweight-plus-load session differs in load and only the body mass is
    missing to compare it (the screen then asks for it rather than guessing)."""
    if basis.load_basis is not LoadBasis.BODYWEIGHT_PLUS or basis.body_mass_kg is not None:
        return False
    loads = {
        side: {s.weight_kg or 0.0 for s in sets if s.side is side and s.kind.counts}
        for side in (Side.LEFT, Side.RIGHT)
    }
    return bool(loads[Side.LEFT] and loads[Side.RIGHT]) and loads[Side.LEFT] != loads[Side.RIGHT]


@dataclass(frozen=True)
class AssessmentResult:
    """A guided per-side test (reps to technical failure at a fixed load, a top set with
    RPE, a timed hold). The Assessment page will produce these; a result always counts
    as evidence, scored like a session whose effort is known."""

    day: date
    exercise_id: int
    left: float
    right: float
    kind: ScoreKind
    method: str

    def score(self) -> SessionScore:
        return SessionScore(self.day, self.left, self.right, self.kind, self.method)
