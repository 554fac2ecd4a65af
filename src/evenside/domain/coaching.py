"""Coaching rules for unilateral work: which side starts, and how much the other may do.

"Weak side first, strong side matches" is coaching practice rather than a tested protocol;
it is the default order and the user can change it per set.
"""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.sides import Side
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
