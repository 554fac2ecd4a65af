"""The summary shown when a session is finished: per-side volume and best, asymmetry
against the previous session, where the strong side out-worked the weak one, records."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from evenside.domain.profile import Profile
from evenside.domain.summary import ExerciseSummary, SideFigures
from evenside.domain.units import Unit, format_volume, format_weight
from evenside.gui.style import LEFT_COLOUR, RIGHT_COLOUR
from evenside.services.session_summary import SessionSummary

BOTH_SIDES = "Both sides together: one figure for the pair, no side to compare."


def _amount(value: float, measure: str, unit: Unit, decimals: int | None = None) -> str:
    """kg figures in the profile's unit (volumes in whole units); reps and seconds as
    they are."""
    if measure == "kg":
        if decimals is None:
            return format_volume(value, unit)
        return format_weight(value, unit, decimals=decimals)
    return f"{value:.0f} {measure}"


def _best(fig: SideFigures, measure: str, unit: Unit) -> str:
    return "–" if fig.best is None else _amount(fig.best, measure, unit, decimals=1)


def _volume(fig: SideFigures, measure: str, unit: Unit) -> str:
    return "–" if not fig.sets else _amount(fig.volume, measure, unit)


def _asymmetry(summary: ExerciseSummary) -> str:
    if summary.asymmetry is None:
        # Matched sides with no effort say nothing about the gap: never "even".
        return "–" if summary.measured or not summary.per_side else "not measured"
    text = summary.asymmetry.describe()
    change = summary.asymmetry_change
    if change is not None:
        trend = "closed" if change < 0 else "widened"
        text += (
            f" ({trend} {abs(change):.0f} pts vs last time)"
            if round(change)
            else " (same as last time)"
        )
    return text


def _notes(ex: ExerciseSummary, unit: Unit) -> str:
    notes = []
    if ex.strong_side is not None and ex.strong_side_extra_volume > 0:
        notes.append(
            f"{ex.strong_side.letter} did "
            f"{_amount(ex.strong_side_extra_volume, ex.volume_unit, unit)} more volume"
        )
    for side in ex.records:
        notes.append(f"record {side.letter}" if side.letter != "B" else "record")
    if ex.stretched is False:
        notes.append("stretch skipped")
    elif ex.stretched is None:
        notes.append("not stretched")
    return "; ".join(notes)


def _figures(ex: ExerciseSummary, unit: Unit) -> str:
    # The best of bodyweight work is in reps; e1RM is in kg.
    best_measure = {"kg": "kg", "reps": "reps", "s": "s"}[ex.volume_unit]
    if not ex.per_side:  # bilateral: one neutral "both" figure across the L and R columns
        return (
            f"<td colspan=2 align=center>both: {_volume(ex.both, ex.volume_unit, unit)}</td>"
            f"<td colspan=2 align=center>both: {_best(ex.both, best_measure, unit)}</td>"
        )
    return "".join(
        f"<td align=right>{c}</td>"
        for c in (
            _volume(ex.left, ex.volume_unit, unit),
            _volume(ex.right, ex.volume_unit, unit),
            _best(ex.left, best_measure, unit),
            _best(ex.right, best_measure, unit),
        )
    )


def _lead(ex: ExerciseSummary) -> str:
    """The plain sentence first: the verdict for a one-sided exercise, "both" for the rest."""
    sentence = ex.verdict if ex.per_side else BOTH_SIDES
    return f"<tr><td colspan=7><b>{escape(ex.name)}</b> – {escape(sentence)}</td></tr>"


def summary_html(summary: SessionSummary, profile: Profile) -> str:
    unit = profile.unit
    minutes = summary.minutes
    head = f"<h2>Session summary</h2><p>{summary.session.started_at:%A %d %B %Y, %H:%M}"
    if minutes is not None:
        head += f" · {minutes} min"
    head += f" · best = e1RM by {escape(summary.formula_label)}</p>"
    rows = [
        "<table cellspacing=0 cellpadding=4 border=1 width=100%>",
        f"<tr><th align=left>Exercise</th><th style='color:{LEFT_COLOUR}'>L volume</th>"
        f"<th style='color:{RIGHT_COLOUR}'>R volume</th><th style='color:{LEFT_COLOUR}'>L best</th>"
        f"<th style='color:{RIGHT_COLOUR}'>R best</th><th align=left>Asymmetry</th>"
        "<th align=left>Notes</th></tr>",
    ]
    for ex in summary.exercises:
        rows.append(_lead(ex))
        rows.append(
            f"<tr><td>{escape(ex.name)}</td>{_figures(ex, unit)}"
            f"<td>{escape(_asymmetry(ex))}</td><td>{escape(_notes(ex, unit))}</td></tr>"
        )
    rows.append("</table>")
    tail = ""
    if summary.unstretched:
        tail = "<p><b>Left unstretched:</b> " + escape(", ".join(summary.unstretched)) + "</p>"
    return head + "".join(rows) + tail


class SummaryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        self.close_button = QPushButton("&New session")
        hint = QLabel("The session is saved. Start the next one when you are ready.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(hint)
        layout.addWidget(self.close_button)

    def show_summary(self, summary: SessionSummary, profile: Profile) -> None:
        self.summary = summary
        self.text.setHtml(summary_html(summary, profile))
