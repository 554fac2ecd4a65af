"""The session summary in words: the gap against last time (a flip said as a flip), the
sets per side, and the sets logged past the volume rule."""

from __future__ import annotations

from evenside.domain.sides import Side
from evenside.domain.summary import ExerciseSummary
from evenside.domain.wording import counted

NOT_STRETCHED = "Not stretched:"


def gap_text(summary: ExerciseSummary) -> str:
    """ "L weaker by 3 % (closed 10 pts vs last time)", or for a flip
    "R weaker by 4 % (gap flipped: L was weaker by 6 %, now R by 4 %)"."""
    now = summary.asymmetry
    if now is None:
        # Matched sides with no effort say nothing about the gap: never "even".
        return "–" if summary.measured or not summary.per_side else "not measured"
    against = _against_last_time(summary)
    return now.describe() + (f" ({against})" if against else "")


def _against_last_time(summary: ExerciseSummary) -> str:
    now, before = summary.asymmetry, summary.previous_asymmetry
    if now is None or before is None:
        return ""
    if before.weaker is None:
        return "no gap last time"
    was = f"{before.weaker.letter} was weaker by {before.percent:.0f} %"
    if now.weaker is None:
        return f"{was} last time"
    if summary.flipped:
        return f"gap flipped: {was}, now {now.weaker.letter} by {now.percent:.0f} %"
    change = now.percent - before.percent
    if not round(change):
        return "same as last time"
    return f"{'closed' if change < 0 else 'widened'} {abs(change):.0f} pts vs last time"


def sets_text(summary: ExerciseSummary) -> str:
    """ "3 sets per side", "L 4 sets, R 3 sets", or "3 sets" for bilateral work."""
    left, right, both = summary.left.sets, summary.right.sets, summary.both.sets
    if not summary.per_side:
        return counted(both, "set")
    parts = (
        [f"{counted(left, 'set')} per side"]
        if left == right and left
        else [f"L {counted(left, 'set')}", f"R {counted(right, 'set')}"]
        if left or right
        else []
    )
    if both:  # one-sided sets from a file that never said which side
        parts.append(f"{counted(both, 'set')} sides not recorded")
    return ", ".join(parts) or "no sets"


def overrides_text(summary: ExerciseSummary) -> str:
    """ "R logged past L's volume 2 times (log anyway)"; "" when no set was."""
    parts = []
    for side, fig in ((Side.LEFT, summary.left), (Side.RIGHT, summary.right)):
        if fig.overrides:
            parts.append(
                f"{side.letter} logged past {side.opposite().letter}'s volume "
                f"{counted(fig.overrides, 'time')} (log anyway)"
            )
    return "; ".join(parts)
