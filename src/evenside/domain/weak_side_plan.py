"""The weak side's catch-up plan for one exercise: extra sets scaled to the gap, a
double-progression suggestion for its load and reps, and the rule that ends the plan.

Only a verdict beyond noise (a side called weaker, see ``verdict.py``) starts a plan. The
plan then holds until the gap has stayed within noise for N sessions with evidence in a row
(a setting, default 4): "caught up: back to even work", said once. After that no extra sets
are added until the verdict again calls a side weaker.

Extra sets: +1 from the notice threshold, +2 from the warning threshold (settings). A gap
beyond noise but under the notice threshold gets the progression only.

Double progression (coaching practice): work within the target rep range at one load; when
the top of the range is reached at an RPE at or under the target (or every set reached it),
add the smallest load step and drop to the bottom of the range; otherwise add a rep.
Holds add seconds; bodyweight without added load adds reps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from evenside.domain.evidence import SessionScore, set_rpe
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit, format_weight, from_kg, to_kg
from evenside.domain.verdict import Verdict, weak_side_verdict

DEFAULT_SETS_AT_NOTICE = 1
DEFAULT_SETS_AT_WARNING = 2
DEFAULT_CATCH_UP_SESSIONS = 4
DEFAULT_TARGET_RPE = 8.0
DEFAULT_REP_RANGE = (8, 12)
HOLD_STEP_SECONDS = 5
# The smallest load step by what the weight means, in the profile's unit: the next
# dumbbell, the next pin on a stack. Barbells and loaded bodyweight use the plates.
DUMBBELL_STEP = {Unit.KG: 2.0, Unit.LB: 5.0}
STACK_STEP = {Unit.KG: 2.5, Unit.LB: 5.0}


@dataclass(frozen=True)
class PlanRules:
    notice_percent: float
    warning_percent: float
    sets_at_notice: int = DEFAULT_SETS_AT_NOTICE
    sets_at_warning: int = DEFAULT_SETS_AT_WARNING
    catch_up_sessions: int = DEFAULT_CATCH_UP_SESSIONS
    target_rpe: float = DEFAULT_TARGET_RPE
    min_gap_percent: float = 3.0


def extra_sets(gap_percent: float, rules: PlanRules) -> int:
    """Extra weak-side sets for a gap beyond noise: 0 under the notice threshold."""
    if gap_percent >= rules.warning_percent:
        return rules.sets_at_warning
    if gap_percent >= rules.notice_percent:
        return rules.sets_at_notice
    return 0


# -- the catch-up phase ----------------------------------------------------------------------


@dataclass(frozen=True)
class CaughtUp:
    weak: Side
    day: date  # the session that made it N within noise in a row


@dataclass(frozen=True)
class CatchUpRecord:
    """A catch-up as stored: said once (``shown``), kept for the record."""

    id: int
    exercise_id: int
    weak: Side
    caught_up_at: datetime
    shown: bool


@dataclass(frozen=True)
class Phase:
    """Where the catch-up stands after the sessions with evidence so far."""

    weak: Side | None  # the side being coached; None: no plan
    gap_percent: float | None  # the gap of the last verdict beyond noise
    within_noise: int  # sessions within noise in a row since then
    caught_up: CaughtUp | None  # the last catch-up, when no plan started since


def catch_up_phase(scores: Sequence[SessionScore], dominant: Side, rules: PlanRules) -> Phase:
    """Walk the sessions with evidence (oldest first), judging after each one as the verdict
    did on that day. A session too short of evidence to judge neither counts nor resets."""
    weak: Side | None = None
    gap: float | None = None
    run = 0
    caught: CaughtUp | None = None
    for index in range(len(scores)):
        verdict = weak_side_verdict(
            scores[: index + 1], dominant, min_gap_percent=rules.min_gap_percent
        )
        if verdict.weaker is not None:
            weak, gap, run, caught = verdict.weaker, verdict.gap_percent, 0, None
        elif weak is not None and verdict.bound_percent is not None:
            run += 1
            if run >= rules.catch_up_sessions:
                caught = CaughtUp(weak, scores[index].day)
                weak, gap, run = None, None, 0
    return Phase(weak, gap, run, caught)


# -- double progression ----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """Today's target for the weak side, with the sets it comes from."""

    side: Side
    weight_kg: float | None
    reps: int | None
    seconds: int | None
    target: str  # "18 kg × 8", "35 s", "13 reps"
    did: str  # "you did 16 × 10 at RPE 7"

    @property
    def text(self) -> str:
        """ "try 18 kg × 8 today: you did 16 × 10 at RPE 7"."""
        return f"try {self.target} today: {self.did}"

    def record(self) -> SetRecord:
        """The set to pre-fill the entry with."""
        return SetRecord(self.side, self.weight_kg, self.reps, duration_seconds=self.seconds)


@dataclass(frozen=True)
class Progression:
    """What the suggestion needs to know about the exercise and the person."""

    load_basis: LoadBasis
    unit: Unit
    rep_low: int = DEFAULT_REP_RANGE[0]
    rep_high: int = DEFAULT_REP_RANGE[1]
    target_rpe: float = DEFAULT_TARGET_RPE
    smallest_plate_kg: float = 1.25


def load_step(progression: Progression) -> float:
    """The smallest load step in the profile's unit."""
    basis, unit = progression.load_basis, progression.unit
    plate = from_kg(progression.smallest_plate_kg, unit)
    if basis is LoadBasis.PER_HAND:
        return DUMBBELL_STEP[unit]
    if basis is LoadBasis.PER_SIDE:
        return STACK_STEP[unit]
    if basis is LoadBasis.TOTAL:
        return 2 * plate  # one plate each side of the bar
    return plate  # one plate on the belt or vest


def _effort(sets: Sequence[SetRecord]) -> str:
    known = [rpe for rpe in (set_rpe(s) for s in sets) if rpe is not None]
    return f" at RPE {known[-1]:g}" if known else ""


def _reps_text(reps: Sequence[int]) -> str:
    return str(reps[0]) if len(set(reps)) == 1 else ", ".join(str(r) for r in reps)


def suggest(side: Side, sets: Sequence[SetRecord], progression: Progression) -> Suggestion | None:
    """The next target from the side's working sets of its last session; None without any."""
    working = [s for s in sets if s.side is side and s.kind in (SetKind.WORKING, SetKind.FAILURE)]
    if progression.load_basis is LoadBasis.TIME:
        held = [s for s in working if s.duration_seconds]
        if not held:
            return None
        best = max(held, key=lambda s: s.duration_seconds or 0)
        seconds = (best.duration_seconds or 0) + HOLD_STEP_SECONDS
        did = f"you held {best.duration_seconds} s{_effort([best])}"
        return Suggestion(side, None, None, seconds, f"{seconds} s", did)
    working = [s for s in working if s.reps]
    if not working:
        return None
    unit = progression.unit
    top_kg = max(s.weight_kg or 0.0 for s in working)
    at_top = [s for s in working if (s.weight_kg or 0.0) == top_kg]
    reps = [s.reps or 0 for s in at_top]
    if not top_kg and progression.load_basis is LoadBasis.BODYWEIGHT_PLUS:
        target = max(reps) + 1
        did = f"you did {_reps_text(reps)} reps{_effort(at_top)}"
        return Suggestion(side, 0.0, target, None, f"{target} reps", did)
    low, high = progression.rep_low, progression.rep_high
    easy_top = any(
        (s.reps or 0) >= high and (rpe := set_rpe(s)) is not None and rpe <= progression.target_rpe
        for s in at_top
    )
    if easy_top or all(r >= high for r in reps):
        shown = from_kg(top_kg, unit) + load_step(progression)
        weight_kg, target = to_kg(shown, unit), low
    else:
        weight_kg, target = top_kg, min(max(reps) + 1, high)
    did = f"you did {format_weight(top_kg, unit, with_unit=False)} × {_reps_text(reps)}"
    shown_target = f"{format_weight(weight_kg, unit)} × {target}"
    return Suggestion(side, weight_kg, target, None, shown_target, did + _effort(at_top))


# -- the plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeakSidePlan:
    """One exercise's plan, or why there is none."""

    weak: Side | None
    extra_sets: int
    gap_percent: float | None
    suggestion: Suggestion | None
    within_noise: int
    catch_up_sessions: int
    caught_up: CaughtUp | None
    why_none: str = ""  # the verdict's sentence when there is no plan

    @property
    def active(self) -> bool:
        return self.weak is not None

    def sets_text(self) -> str:
        """ "+1 set", "+2 sets", or why none."""
        if not self.extra_sets:
            return "no extra set (gap under the notice threshold)"
        return f"+{self.extra_sets} set" + ("s" if self.extra_sets > 1 else "")

    @property
    def line(self) -> str:
        """ "Weak side L: +1 set · try 18 kg × 8 today: you did 16 × 10 at RPE 7"."""
        if self.weak is None:
            return f"No weak-side plan: {self.why_none}" if self.why_none else ""
        parts = [f"Weak side {self.weak.letter}: {self.sets_text()}"]
        if self.suggestion is not None:
            parts.append(self.suggestion.text)
        if self.within_noise:
            parts.append(
                f"within noise {self.within_noise} of {self.catch_up_sessions} sessions "
                "needed to call it caught up"
            )
        return " · ".join(parts)

    @property
    def sheet_line(self) -> str:
        """The short line for the printed sheet (no "today"; "x" as in the sheet's other
        figures, since its boxes to fill in carry the "×")."""
        if self.weak is None:
            return "Even work: no side to catch up." if self.caught_up is not None else ""
        text = f"Plan: {self.weak.letter} {self.sets_text()}"
        if self.suggestion is not None:
            text += f"; try {self.suggestion.target.replace('×', 'x')}"
        return text


def last_sets(recent: Sequence[Sequence[SetRecord]], side: Side) -> list[SetRecord]:
    """The side's counted sets in the newest session (``recent`` newest first) that has any."""
    for sets in recent:
        on_side = [s for s in sets if s.side is side and s.kind.counts]
        if on_side:
            return on_side
    return []


def weak_side_plan(
    verdict: Verdict,
    scores: Sequence[SessionScore],
    recent: Sequence[Sequence[SetRecord]],
    rules: PlanRules,
    progression: Progression,
    *,
    why_none: str = "",
) -> WeakSidePlan:
    """The plan from the verdict's sessions with evidence (oldest first) and the sets of the
    last sessions (newest first)."""
    phase = catch_up_phase(scores, verdict.dominant, rules)
    if phase.weak is None:
        return WeakSidePlan(
            None, 0, None, None, 0, rules.catch_up_sessions, phase.caught_up, why_none
        )
    gap = phase.gap_percent or 0.0
    return WeakSidePlan(
        phase.weak,
        extra_sets(gap, rules),
        gap,
        suggest(phase.weak, last_sets(recent, phase.weak), progression),
        phase.within_noise,
        rules.catch_up_sessions,
        None,
    )
