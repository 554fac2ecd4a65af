"""How sides look everywhere: a colour-blind-safe pair, always with the letter beside it."""

from __future__ import annotations

from PySide6.QtGui import QColor

from evenside.domain.sides import Side

LEFT_COLOUR = "#0072B2"  # blue
RIGHT_COLOUR = "#D55E00"  # vermillion
BOTH_COLOUR = "#555555"


def side_colour(side: Side) -> QColor:
    return QColor({Side.LEFT: LEFT_COLOUR, Side.RIGHT: RIGHT_COLOUR}.get(side, BOTH_COLOUR))


def side_badge_html(side: Side) -> str:
    """A bold coloured letter for rich-text labels: the letter carries the meaning, not colour."""
    colour = side_colour(side).name()
    return f'<span style="color:{colour}; font-weight:bold">{side.letter}</span>'


NOTICE_STYLE = (
    "color: palette(text); background: #FFF3CD; border: 1px solid #E0B000;"
    " border-radius: 4px; padding: 4px 8px;"
)
ERROR_STYLE = "color: #B00020; font-weight: bold;"
