"""What the History page asks for: sessions with an exercise, between two days, a page at
a time (every session reachable, none loaded before it is shown)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PAGE_SIZE = 100


@dataclass(frozen=True)
class HistoryQuery:
    """Sessions to list. Empty fields do not filter."""

    exercise_text: str = ""  # part of an exercise's name, any case ("row", "split squat")
    # The exercises the library search finds for ``exercise_text`` ("db row", "ohp"): a
    # session with any of them matches, as does one with a name containing the text.
    text_exercise_ids: tuple[int, ...] = ()
    exercise_id: int | None = None  # one exercise exactly ("History of this exercise")
    first_day: date | None = None
    last_day: date | None = None

    @property
    def filtered(self) -> bool:
        return bool(
            self.exercise_text.strip()
            or self.exercise_id is not None
            or self.first_day is not None
            or self.last_day is not None
        )


@dataclass(frozen=True)
class SessionsPage:
    """One page of the list: its rows' first position (0-based) and the total matching."""

    first: int
    total: int
    size: int = PAGE_SIZE

    @property
    def last(self) -> int:
        """The position after this page's last row."""
        return min(self.total, self.first + self.size)

    @property
    def has_newer(self) -> bool:
        return self.first > 0

    @property
    def has_older(self) -> bool:
        return self.last < self.total

    def describe(self) -> str:
        """ "Sessions 1–100 of 147" (the positions people count, from 1)."""
        if self.total == 0:
            return "No sessions"
        if self.total == 1:
            return "1 session"
        if self.first == 0 and self.last == self.total:
            return f"{self.total} sessions"
        if self.last == self.first + 1:
            return f"Session {self.last} of {self.total}"
        return f"Sessions {self.first + 1}–{self.last} of {self.total}"
