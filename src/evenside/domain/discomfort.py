"""One-sided discomfort: where it is felt, on which side, how much (0-10), and a note.

Kept beside the asymmetry on the Progress page: a side that aches is worth seeing next to
the side that lags. The rules here run for every entry, whatever its source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from evenside.domain.errors import InvalidInput
from evenside.domain.sides import Side

MAX_SITE = 60
MAX_NOTE = 500
MAX_LEVEL = 10


@dataclass(frozen=True)
class Discomfort:
    id: int
    side: Side
    site: str  # "shoulder", "lower back", "knee"
    level: int  # 0 (none) to 10 (worst)
    note: str
    noted_on: date

    @property
    def short(self) -> str:
        """ "R shoulder 4/10 on 18 Nov": the side's letter (L+R for both), the site, the level
        and the day."""
        day = f"{self.noted_on.day} {self.noted_on:%b}"
        side = "L+R" if self.side is Side.BOTH else self.side.letter
        return f"{side} {self.site} {self.level}/10 on {day}"


def check_discomfort(
    side: Side | str, site: str, level: object, *, note: str, noted_on: date, today: date
) -> tuple[Side, str, int, str]:
    """The entry cleaned up (side, site, level, note), or InvalidInput naming the field."""
    try:
        chosen = Side(side)
    except ValueError:
        raise InvalidInput("Choose the side: left, right or both.", "side") from None
    where = " ".join(site.split())
    if not where:
        raise InvalidInput("Say where it is felt (for example shoulder or knee).", "site")
    if len(where) > MAX_SITE:
        raise InvalidInput(f"The place is at most {MAX_SITE} characters.", "site")
    if isinstance(level, bool):
        raise InvalidInput("The level is a whole number from 0 to 10.", "level")
    if isinstance(level, str):
        text = level.strip().replace(",", ".")
        try:
            level = float(text)
        except ValueError:
            raise InvalidInput("The level is a whole number from 0 to 10.", "level") from None
    if not isinstance(level, int | float) or not math.isfinite(level) or level != int(level):
        raise InvalidInput("The level is a whole number from 0 to 10.", "level")
    if not 0 <= level <= MAX_LEVEL:
        raise InvalidInput("The level is a whole number from 0 to 10.", "level")
    clean_note = note.strip()
    if len(clean_note) > MAX_NOTE:
        raise InvalidInput(f"The note is at most {MAX_NOTE} characters.", "note")
    if noted_on > today:
        raise InvalidInput("The day cannot be in the future.", "noted_on")
    return chosen, where, int(level), clean_note
