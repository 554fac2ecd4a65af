"""The weak-side verdict in plain words: one sentence that leads every screen, the reason
beside the side to start with, and a "How this is worked out" note with the formula and
the test. Never "even" without evidence, never "weaker by 0 %"."""

from __future__ import annotations

from datetime import date

from evenside.domain.sides import Side
from evenside.domain.verdict import (
    ASK_FOR_EVIDENCE,
    MAX_SESSIONS,
    MIN_SESSIONS,
    STEADY_POINTS,
    Verdict,
)

NON_DOMINANT = "your non-dominant side"


def day_text(day: date, reference: date | None = None) -> str:
    """ "2 June", with the year when it is not the reference's year."""
    text = f"{day.day} {day:%B}"
    return text if reference is None or reference.year == day.year else f"{text} {day.year}"


def _percent(value: float, under: float | None = None) -> str:
    """Whole percent; one decimal where a whole number would blur the line to ``under``
    (2.6 % is not "3 %" beside a 3 % minimum)."""
    if round(value) == 0:
        return "less than 1 %"
    if under is not None and value < under <= round(value):
        return f"{value:.1f} %"
    return f"{value:.0f} %"


def _side(side: Side) -> str:
    return side.value  # "left" / "right"


def _trend(v: Verdict) -> str:
    if v.change_points is None or v.first_day is None:
        return ""
    since = day_text(v.first_day, v.last_measured)
    if abs(v.change_points) < STEADY_POINTS:
        return f", and the gap has held steady since {since}"
    moved = "closed" if v.change_points < 0 else "widened"
    points = f"{abs(v.change_points):.0f}"
    unit = "point" if points == "1" else "points"
    return f", and the gap has {moved} by {points} {unit} since {since}"


def not_measured(v: Verdict) -> str:
    """ "not measured since 2 June: log RPE on your last set per side, or run a check"."""
    if v.missing:
        return f"not measured: enter {v.missing} in Settings to compare the sides"
    since = v.unmeasured_since if v.measured else None
    if since is not None:
        return f"not measured since {day_text(since, v.last_session)}: {ASK_FOR_EVIDENCE}"
    return f"not measured yet: {ASK_FOR_EVIDENCE}"


def verdict_sentence(v: Verdict) -> str:
    """The one sentence: which side, how much, whether beyond variation, the direction."""
    start = _side(v.start)
    if not v.had_sessions:
        return f"No one-sided sessions yet: start with your {start}, {NON_DOMINANT}."
    if not v.measured:
        text = not_measured(v)
        return f"{text[0].upper()}{text[1:]}. Start with your {start}, {NON_DOMINANT}."
    later = ""
    if v.unmeasured_since is not None:
        later = f" Not measured since {day_text(v.unmeasured_since, v.last_session)}."
    gap, lean, weaker = v.gap_percent or 0.0, v.leaning, v.weaker
    if weaker is not None:
        return (
            f"Your {_side(weaker)} is {_percent(gap)} weaker than your "
            f"{_side(weaker.opposite())}, beyond day-to-day variation{_trend(v)}.{later}"
        )
    head = "No clear weaker side yet"
    if v.sessions < MIN_SESSIONS:
        count = "1 session" if v.sessions == 1 else f"{v.sessions} sessions"
        body = f"{count} measured, {MIN_SESSIONS} are needed"
    elif lean is None:
        body = f"the sides measured the same over {v.sessions} sessions"
    elif v.beyond_noise:
        body = (
            f"your {_side(lean)} is {_percent(gap, v.min_gap_percent)} below your "
            f"{_side(lean.opposite())}, "
            f"beyond day-to-day variation but under the {v.min_gap_percent:g} % worth acting on"
        )
    else:
        body = (
            f"your {_side(lean)} measured {_percent(gap)} below your "
            f"{_side(lean.opposite())} over {v.sessions} sessions, within day-to-day variation"
        )
    return f"{head}: {body}. Start with your {start}, {NON_DOMINANT}.{later}"


def start_reason(v: Verdict) -> str:
    """Beside the side to start with: why that side."""
    weaker = v.weaker
    if weaker is not None:
        return (
            f"weaker by {_percent(v.gap_percent or 0.0)} ({v.score_label}, "
            f"{v.sessions} sessions, beyond day-to-day variation)"
        )
    if not v.had_sessions:
        return NON_DOMINANT
    if not v.measured:
        return f"{NON_DOMINANT} ({not_measured(v)})"
    return f"{NON_DOMINANT} (no clear weaker side yet)"


def how_worked_out(v: Verdict) -> str:
    """The note under the sentence: what was compared, the formula and the test."""
    score = v.score_label or "e1RM, reps at a matched load, or seconds held"
    text = (
        "How this is worked out: a session counts when it carries evidence: RPE or RIR "
        "(through the RPE table), a set to failure, an assessment, or sides that differ in "
        "load or reps. Sides logged with the same weight and reps and no effort count toward "
        f"volume only. Each side's score is {score}. The gap per session is "
        "(stronger - weaker) / stronger x 100. Over the last "
        f"{MIN_SESSIONS} to {MAX_SESSIONS} such sessions a side is called weaker only when "
        f"the mean gap is above {v.min_gap_percent:g} % and above its own variation: "
        "mean - t(0.90, n - 1) x SD / sqrt(n) > 0, a one-sided 90 % t bound."
    )
    if v.mean_percent is not None and v.bound_percent is not None:
        text += (
            f" Here: mean gap {abs(v.mean_percent):.1f} % over {v.sessions} sessions, "
            f"lower bound {v.bound_percent:.1f} %."
        )
    return text
