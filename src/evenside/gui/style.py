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


# The notice sets both its colours: a light background with the palette's text colour would
# be unreadable in a dark theme.
NOTICE_STYLE = (
    "color: #3A2F00; background: #FFF3CD; border: 1px solid #E0B000;"
    " border-radius: 4px; padding: 4px 8px;"
)
# Red that reads on light and dark backgrounds alike.
ERROR_STYLE = "color: #E0403A; font-weight: bold;"
