"""The summary shown when a session is finished: sets per side, per-side and "both" volume
and best, asymmetry against the previous session (a flip said as one), the sets logged past
the volume rule, records, and the exercises not stretched."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from evenside.domain.profile import Profile
from evenside.domain.summary import ExerciseSummary, SideFigures
from evenside.domain.summary_words import NOT_STRETCHED, gap_text, overrides_text, sets_text
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


def _notes(ex: ExerciseSummary, unit: Unit) -> list[str]:
    notes: list[str] = []
    if ex.strong_side is not None and ex.strong_side_extra_volume > 0:
        notes.append(
            f"{ex.strong_side.letter} did "
            f"{_amount(ex.strong_side_extra_volume, ex.volume_unit, unit)} more volume "
            f"than {ex.strong_side.opposite().letter}"
        )
    overrides = overrides_text(ex)
    if overrides:
        notes.append(overrides)
    for side in ex.records:
        notes.append(f"record {side.letter}" if side.letter != "B" else "record")
    if ex.stretched is False:
        notes.append("stretch skipped")
    elif ex.stretched is None:
        notes.append("not stretched")
    return notes


def _figures(ex: ExerciseSummary, unit: Unit) -> str:
    """Volume then best: L, R and both. Bilateral work fills only the "both" columns, and a
    one-sided exercise shows "both" only for sets whose side was never recorded."""
    volume, best = ex.volume_unit, ex.best_unit
    cells = [
        _volume(ex.left, volume, unit) if ex.per_side else "",
        _volume(ex.right, volume, unit) if ex.per_side else "",
        _volume(ex.both, volume, unit) if ex.both.sets else "",
        _best(ex.left, best, unit) if ex.per_side else "",
        _best(ex.right, best, unit) if ex.per_side else "",
        _best(ex.both, best, unit) if ex.both.sets else "",
    ]
    return "".join(f"<td align=right>{c}</td>" for c in cells)


COLUMNS = 10


def _lead(ex: ExerciseSummary) -> str:
    """The plain sentence first: the verdict for a one-sided exercise, "both" for the rest."""
    sentence = ex.verdict if ex.per_side else BOTH_SIDES
    return f"<tr><td colspan={COLUMNS}><b>{escape(ex.name)}</b> – {escape(sentence)}</td></tr>"


def _header() -> str:
    """Two header rows: Volume and Best over their L, R and Both columns. The notes column
    gets the room: it holds the sentences."""
    left, right = f"style='color:{LEFT_COLOUR}'", f"style='color:{RIGHT_COLOUR}'"
    sides = f"<th {left} width=7%>L</th><th {right} width=7%>R</th><th width=7%>Both</th>"
    return (
        "<tr><th rowspan=2 align=left width=13%>Exercise</th>"
        "<th rowspan=2 align=left width=9%>Sets</th>"
        "<th colspan=3>Volume</th><th colspan=3>Best</th>"
        "<th rowspan=2 align=left width=13%>Asymmetry</th>"
        "<th rowspan=2 align=left width=23%>Notes</th></tr>"
        f"<tr>{sides}{sides}</tr>"
    )


def summary_html(summary: SessionSummary, profile: Profile) -> str:
    unit = profile.unit
    minutes = summary.minutes
    head = f"<h2>Session summary</h2><p>{summary.session.started_at:%A %d %B %Y, %H:%M}"
    if minutes is not None:
        head += f" · {minutes} min"
    head += f" · best = e1RM by {escape(summary.formula_label)}</p>"
    rows = ["<table cellspacing=0 cellpadding=3 border=1 width=99%>", _header()]
    for ex in summary.exercises:
        rows.append(_lead(ex))
        rows.append(
            f"<tr><td>{escape(ex.name)}</td><td>{escape(sets_text(ex))}</td>"
            f"{_figures(ex, unit)}<td>{escape(gap_text(ex))}</td>"
            f"<td>{'<br>'.join(escape(note) for note in _notes(ex, unit))}</td></tr>"
        )
    rows.append("</table>")
    tail = ""
    if summary.unstretched:
        tail = f"<p><b>{NOT_STRETCHED}</b> " + escape(", ".join(summary.unstretched)) + "</p>"
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
