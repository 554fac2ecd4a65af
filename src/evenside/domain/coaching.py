"""Coaching rules for unilateral work: which side starts, and how much the other may do.

"Weak side first, strong side matches" is coaching practice rather than a tested protocol;
it is the default order and the user can change it per set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evenside.domain.sides import Side
from evenside.domain.units import Unit, format_volume
from evenside.domain.verdict import Verdict
from evenside.domain.verdict_words import start_reason, verdict_sentence


@dataclass(frozen=True)
class WeakSide:
    """The side to start with and why; ``weaker`` only when the verdict has the evidence."""

    side: Side
    reason: str
    weaker: bool = False
    sentence: str = ""

    @property
    def prompt(self) -> str:
        """What the set entry shows: "Start with L: weaker by 9 % (e1RM (RPE table), ...)"."""
        return f"Start with {self.side.letter}: {self.reason}"


def weak_side(verdict: Verdict) -> WeakSide:
    """The side to start with, from the one weak-side verdict: the weaker side when there is
    one beyond noise, else the non-dominant side, saying that is the reason."""
    return WeakSide(
        verdict.start, start_reason(verdict), verdict.weaker is not None, verdict_sentence(verdict)
    )


@dataclass(frozen=True)
class SideWork:
    """A working set as the matching rule sees it: the side, the load and the reps."""

    side: Side
    weight: float
    reps: int


@dataclass(frozen=True)
class VolumeMatch:
    """How much the strong side may still do in this exercise without passing the weak side.

    Volume is weight x reps in kg; for bodyweight and timed work pass weight 1 so that
    volume counts reps (or seconds).
    """

    weak: Side
    weak_reps: int
    strong_reps: int
    weak_volume: float
    strong_volume: float

    @property
    def strong(self) -> Side:
        return self.weak.opposite()

    @property
    def reps_remaining(self) -> int:
        return self.weak_reps - self.strong_reps

    @property
    def volume_remaining(self) -> float:
        return self.weak_volume - self.strong_volume

    @property
    def reps_ahead(self) -> int:
        return max(0, -self.reps_remaining)

    @property
    def volume_ahead(self) -> float:
        return max(0.0, -self.volume_remaining)

    @property
    def strong_ahead(self) -> bool:
        return self.reps_ahead > 0 or self.volume_ahead > VOLUME_TOLERANCE

    def allows(self, side: Side, weight: float, reps: int) -> bool:
        """Whether logging this set keeps the strong side at or below the weak side."""
        if side != self.strong:
            return True
        return (
            self.strong_reps + reps <= self.weak_reps
            and self.strong_volume + weight * reps <= self.weak_volume + VOLUME_TOLERANCE
        )

    def describe(self, unit: Unit = Unit.KG) -> str:
        """ "R is ahead of L by 2 reps and 97 lb of volume" (volume in ``unit``)."""
        if not self.strong_ahead:
            return ""
        parts = []
        if self.reps_ahead:
            parts.append(f"{self.reps_ahead} reps")
        if self.volume_ahead > VOLUME_TOLERANCE:
            parts.append(f"{format_volume(self.volume_ahead, unit)} of volume")
        return f"{self.strong.letter} is ahead of {self.weak.letter} by " + " and ".join(parts)


VOLUME_TOLERANCE = 1e-6  # float sums of kg x reps


def volume_match(sets: Iterable[SideWork], weak: Side) -> VolumeMatch:
    """Tally the working sets logged so far in one exercise, per side."""
    if weak is Side.BOTH:
        raise ValueError("the weak side must be left or right")
    reps = {Side.LEFT: 0, Side.RIGHT: 0}
    volume = {Side.LEFT: 0.0, Side.RIGHT: 0.0}
    for work in sets:
        if work.side is Side.BOTH:
            continue
        reps[work.side] += work.reps
        volume[work.side] += work.weight * work.reps
    strong = weak.opposite()
    return VolumeMatch(weak, reps[weak], reps[strong], volume[weak], volume[strong])
