"""The one weak-side verdict: which side is weaker, by how much, and whether that is beyond
day-to-day variation. The session prompt, the printed sheet, Progress, the summary and the
report all use it.

Sides are compared per session, then across sessions: d_i = (S_R - S_L) / max(S_L, S_R) * 100
for each session i with evidence (positive: left weaker). Pairing by session cancels the
shared training trend. A side is weaker when, over the last n >= 3 such sessions (up to 6),
|mean(d)| exceeds both a minimum worth acting on (a setting, default 3 %) and its own
uncertainty: |mean(d)| - t(0.90, n-1) * sd(d) / sqrt(n) > 0 (a one-sided 90 % t bound).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from evenside.domain.evidence import ScoreKind, SessionScore
from evenside.domain.progress import AsymmetryPoint, sample_stdev, slope_per_week
from evenside.domain.sides import Side

MIN_SESSIONS = 3
MAX_SESSIONS = 6
DEFAULT_MIN_GAP_PERCENT = 3.0
STEADY_POINTS = 1.0  # a fitted change smaller than this reads "held steady"
ASK_FOR_EVIDENCE = "log RPE on your last set per side, or run a check"

# One-sided t at 90 % (the 0.90 quantile of Student's t) by degrees of freedom.
T_90 = {
    1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476, 6: 1.440,
    7: 1.415, 8: 1.397, 9: 1.383, 10: 1.372, 11: 1.363,
}  # fmt: skip
T_90_LARGE = 1.282  # the normal quantile, for 12 or more degrees of freedom


def t_90(degrees_of_freedom: int) -> float:
    return T_90.get(degrees_of_freedom, T_90_LARGE)


@dataclass(frozen=True)
class Verdict:
    """What may be said about one exercise's sides."""

    dominant: Side
    had_sessions: bool  # any one-sided work logged at all
    sessions: int  # sessions with evidence used (0: not measured)
    mean_percent: float | None  # mean of d: positive when the left is weaker
    bound_percent: float | None  # |mean| - t * sd / sqrt(n), when n >= 3
    min_gap_percent: float
    score_label: str  # "e1RM (RPE table)", "reps at 0 kg", "seconds" or ""
    first_day: date | None = None  # the oldest session used
    last_measured: date | None = None  # the newest session with evidence
    last_session: date | None = None  # the newest session, with evidence or not
    change_points: float | None = None  # fitted change of the gap over the sessions used
    missing: str = ""  # what the score needs and does not have ("your body mass")

    @property
    def measured(self) -> bool:
        return self.sessions > 0

    @property
    def leaning(self) -> Side | None:
        """The side the mean points to, beyond noise or not."""
        if not self.mean_percent:
            return None
        return Side.LEFT if self.mean_percent > 0 else Side.RIGHT

    @property
    def gap_percent(self) -> float | None:
        return None if self.mean_percent is None else abs(self.mean_percent)

    @property
    def beyond_noise(self) -> bool:
        return self.bound_percent is not None and self.bound_percent > 0

    @property
    def weaker(self) -> Side | None:
        """A side is called weaker only beyond noise and beyond the minimum worth acting on."""
        gap = self.gap_percent
        if not self.beyond_noise or gap is None or gap <= self.min_gap_percent:
            return None
        return self.leaning

    @property
    def start(self) -> Side:
        """Start with the weaker side; without one, with the non-dominant side."""
        return self.weaker or self.dominant.opposite()

    @property
    def unmeasured_since(self) -> date | None:
        """The newest evidence when later sessions carried none."""
        if self.last_measured is None or self.last_session is None:
            return None
        return self.last_measured if self.last_session > self.last_measured else None


def weak_side_verdict(
    scores: Sequence[SessionScore],
    dominant: Side,
    *,
    min_gap_percent: float = DEFAULT_MIN_GAP_PERCENT,
    max_sessions: int = MAX_SESSIONS,
    last_session: date | None = None,
    missing: str = "",
) -> Verdict:
    """The verdict from sessions with evidence (oldest first). Only sessions with the same
    kind of score as the newest are compared (e1RM with e1RM, reps with reps)."""
    if not scores:
        return Verdict(
            dominant, last_session is not None, 0, None, None, min_gap_percent, "",
            last_session=last_session, missing=missing,
        )  # fmt: skip
    kind = scores[-1].kind
    used = [s for s in scores if s.kind is kind][-max_sessions:]
    mean, bound = _mean_and_bound([s.signed_percent for s in used])
    change = None
    slope = slope_per_week([(s.day, s.signed_percent) for s in used])
    if slope is not None and len(used) >= MIN_SESSIONS:
        weeks = (used[-1].day - used[0].day).days / 7
        # Signed toward the side now leaning: negative means the gap closed.
        change = slope * weeks * (1 if mean >= 0 else -1)
    return Verdict(
        dominant,
        True,
        len(used),
        mean,
        bound,
        min_gap_percent,
        _label(used, kind),
        used[0].day,
        used[-1].day,
        max(last_session or used[-1].day, used[-1].day),
        change,
        missing,
    )


def _mean_and_bound(d: Sequence[float]) -> tuple[float, float | None]:
    """The mean gap and its noise bound (|mean| - t * sd / sqrt(n), from three sessions)."""
    mean = statistics.fmean(d)
    bound = None
    if len(d) >= MIN_SESSIONS:
        spread = sample_stdev(d) / math.sqrt(len(d))
        bound = abs(mean) - t_90(len(d) - 1) * spread
    return mean, bound


def _label(used: Sequence[SessionScore], kind: ScoreKind) -> str:
    labels = list(dict.fromkeys(s.label for s in used))
    if len(labels) == 1:
        return labels[0]
    if kind is ScoreKind.E1RM:
        return "e1RM (" + " / ".join(dict.fromkeys(s.method for s in used)) + ")"
    return "reps at matched load"


def asymmetry_points(
    scores: Sequence[SessionScore], *, min_gap_percent: float = DEFAULT_MIN_GAP_PERCENT
) -> list[AsymmetryPoint]:
    """Each session's gap with its direction, and whether the verdict up to that session
    (the paired test over the last sessions) puts it within noise; None before 3 sessions."""
    result = []
    # The verdict up to a session compares only the scores of its kind: one pass keeps
    # each kind's scores so far, instead of filtering every prefix of the history again.
    # Only the noise bound is wanted from it, so only that is worked out.
    by_kind: dict[ScoreKind, list[float]] = {}
    for score in scores:
        signed = score.signed_percent
        same_kind = by_kind.setdefault(score.kind, [])
        same_kind.append(signed)
        _mean, bound = _mean_and_bound(same_kind[-MAX_SESSIONS:])
        weaker = None if not signed else (Side.LEFT if signed > 0 else Side.RIGHT)
        within = None if bound is None else not bound > 0
        result.append(AsymmetryPoint(score.day, abs(signed), weaker, within))
    return result


def trend_word(verdict: Verdict) -> str:
    """ "closing", "widening" or "steady" over the sessions used; "not enough data" else."""
    if verdict.change_points is None:
        return "not enough data"
    if abs(verdict.change_points) < STEADY_POINTS:
        return "steady"
    return "closing" if verdict.change_points < 0 else "widening"
