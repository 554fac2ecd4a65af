"""Numbers, durations and dates as other apps write them."""

from __future__ import annotations

import math
import re
from datetime import datetime

from evenside.domain.entry import decimal
from evenside.domain.errors import InvalidInput
from evenside.domain.units import KG_PER_LB, Unit

number = decimal  # the same rules as the set entry: comma decimals, finite numbers only


class SharedFloats:
    """One float object per distinct value in a file: a million sets hold a few hundred
    weights, and a float object costs a third of a typical CSV row."""

    def __init__(self) -> None:
        self._seen: dict[float, float] = {}

    def __call__(self, value: float | None) -> float | None:
        return None if value is None else self._seen.setdefault(value, value)


SHORT_DIGITS = 12  # what anyone types or a unit conversion yields fits in this many


def decimal_text(value: float) -> str:
    """A stored number without float noise: 52.163122550000004 (115 lb in kg) is written
    "52.16312255", 80.0 is "80.0". The short form is used only when it is the same number
    give or take the last bit; any other value is written in full, so it reads back
    exactly."""
    value += 0.0  # -0.0 -> 0.0
    short = format(value, f".{SHORT_DIGITS}g")
    exact = repr(value)
    text = short if "e" not in short and abs(float(short) - value) <= math.ulp(value) else exact
    return text if any(c in text for c in ".en") else text + ".0"


def whole(text: str) -> int | None:
    value = number(text)
    if value is None:
        return None
    if value != int(value):
        raise ValueError(text)
    return int(value)


def weight_to_kg(value: float, unit: Unit) -> float:
    """Stored kilograms for an exported weight, with float noise rounded away.

    149.99999999999997 kg -> 150. A kilogram figure that is exactly a quarter-pound
    multiple with more decimals than anyone types (6.80388555 = 15 lb) came from a pound
    entry: it is stored as that pound weight converted exactly.
    """
    if abs(value) > 1e6:
        return value  # far past any real weight: left as it is for the range check to refuse
    if unit is Unit.LB:
        return round(value, 3) * KG_PER_LB
    pounds = value / KG_PER_LB
    quarter = round(pounds * 4) / 4
    typed = abs(value - round(value, 2)) < 1e-6
    if not typed and abs(pounds - quarter) < 1e-4:
        return quarter * KG_PER_LB
    return round(value, 3)


_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$")


def strong_duration(text: str) -> int | None:
    """'1h 22m' -> 4920, '31m' -> 1860, '45s' -> 45; plain seconds too."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned.isdigit():
        return int(cleaned)
    match = _DURATION.match(cleaned)
    if not match or not any(match.groups()):
        raise ValueError(text)
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def clock_duration(text: str) -> int | None:
    """'0:09:21' -> 561, '9:21' -> 561."""
    cleaned = text.strip()
    if not cleaned:
        return None
    total = 0
    for part in cleaned.split(":"):
        total = total * 60 + int(part)
    return total


HEVY_FORMATS = ("%d %b %Y, %H:%M", "%b %d, %Y, %I:%M %p", "%d %b %Y, %I:%M %p", "%Y-%m-%d %H:%M:%S")


def hevy_time(text: str) -> datetime:
    cleaned = " ".join(text.split())
    for pattern in HEVY_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise ValueError(text)


def iso_time(text: str) -> datetime:
    return datetime.fromisoformat(text.strip())


class ZoneCheck:
    """Times in one file either all carry a UTC offset or none do.

    Evenside stores the wall-clock time a set was done at, so an offset is dropped
    (18:00+02:00 is 18:00). A file that mixes the two cannot be put in order reliably, so
    it is refused, naming the first line that breaks the pattern.
    """

    def __init__(self) -> None:
        self._first: tuple[int, bool] | None = None

    def naive(self, value: datetime, line: int) -> datetime:
        aware = value.tzinfo is not None
        if self._first is None:
            self._first = (line, aware)
        elif self._first[1] != aware:
            first_line, first_aware = self._first
            if first_line == line:
                raise InvalidInput(
                    f"Line {line}: one time has a time zone and another has none; times in "
                    "one file must be all one way. Nothing was imported.",
                    "file",
                )
            raise InvalidInput(
                f"Line {line}: this time {'has' if aware else 'has no'} time zone but line "
                f"{first_line}'s {'had one' if first_aware else 'had none'}; times in one file "
                "must be all one way. Nothing was imported.",
                "file",
            )
        return value.replace(tzinfo=None)
