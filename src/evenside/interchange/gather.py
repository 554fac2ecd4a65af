"""What the Strong, Hevy and FitNotes parsers share: a row skipped with its reason, a set's
numbers read and checked, and sets gathered into sessions as the rows stream by (the file
is never held whole; each row is read, kept as a set or skipped, and let go)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from evenside.domain.entry import set_problem
from evenside.domain.imports import SessionDraft, SetDraft, Skipped
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import SharedFloats, number, weight_to_kg, whole


class SkipRow(Exception):
    """This row cannot become a set; ``reason`` is shown beside its line number."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def field_count_problem(record: Record, header: list[str]) -> SkipRow:
    return SkipRow(f"{len(record.fields)} fields, the header has {len(header)}")


def unreadable_number(exc: ValueError) -> SkipRow:
    return SkipRow(f'unreadable number "{exc}"')


@dataclass(slots=True)
class Row:
    """A record's fields read by column name; a column the file lacks reads as empty."""

    line: int
    fields: list[str]
    columns: dict[str, int]

    def cell(self, name: str) -> str:
        index = self.columns.get(name)
        return self.fields[index].strip() if index is not None and index < len(self.fields) else ""


@dataclass(slots=True)
class RowNumbers:
    """A set's numbers as the file writes them (weight in the file's unit)."""

    weight: float | None
    reps: int | None
    seconds: float | None
    rpe: float | None


@dataclass(slots=True)
class SetValues:
    """A set's numbers as stored: kilograms, whole seconds, all within the set rules."""

    kg: float | None
    reps: int | None
    seconds: int | None
    rpe: float | None


def read_numbers(weight: str, reps: str, seconds: str = "", rpe: str = "") -> RowNumbers:
    """The four numbers, read in this order; the first unreadable one skips the row."""
    try:
        return RowNumbers(number(weight), whole(reps), number(seconds), number(rpe))
    except ValueError as exc:
        raise unreadable_number(exc) from exc


def checked(numbers: RowNumbers, unit: Unit) -> SetValues:
    """The numbers in kilograms and whole seconds; the row is skipped if ``set_problem``
    refuses them."""
    kg = None if numbers.weight is None else weight_to_kg(numbers.weight, unit)
    seconds = int(numbers.seconds) if numbers.seconds else None
    problem = set_problem(kg, numbers.reps, seconds, numbers.rpe)
    if problem is not None:
        raise SkipRow(problem)
    return SetValues(kg, numbers.reps, seconds, numbers.rpe)


def sides(side: Side | None, unilateral: bool) -> list[Side]:
    """A side suffix names the side; an 'each side' set becomes a left and a right set."""
    if side is not None:
        return [side]
    return [Side.LEFT, Side.RIGHT] if unilateral else [Side.BOTH]


class Gathered:
    """The sessions read so far by their key, the rows skipped, and the rows read.

    One string object per exercise name and one float per weight or RPE are kept, so a
    million sets hold a few hundred of each rather than a million.
    """

    def __init__(self) -> None:
        self.sessions: dict[str, SessionDraft] = {}
        self.skipped: list[Skipped] = []
        self.read = 0
        self._floats = SharedFloats()
        self._names: dict[str, str] = {}

    def read_all(self, rows: Iterator[Record], add_row: Callable[[Record], None]) -> None:
        """Each record in turn to ``add_row``; one that raises ``SkipRow`` is noted skipped."""
        for record in rows:
            self.read += 1
            try:
                add_row(record)
            except SkipRow as skip:
                self.skipped.append(Skipped(record.line, skip.reason))

    def session(self, key: str, new: Callable[[], SessionDraft]) -> SessionDraft:
        """The session with ``key``, made by ``new`` the first time a row names it."""
        found = self.sessions.get(key)
        if found is None:
            found = self.sessions[key] = new()
        return found

    def add_sets(
        self,
        session: SessionDraft,
        exercise: tuple[str, Side | None, bool],
        line: int,
        values: SetValues,
        *,
        kind: SetKind,
        notes: Iterable[str],
    ) -> None:
        """The row's set (two for an 'each side' set) under ``exercise``, as ``split_side``
        gives it; each note not already on the exercise is added to its notes."""
        name, side, unilateral = exercise
        draft = session.exercise(self._names.setdefault(name, name), unilateral)
        for note in notes:
            if note and note not in draft.notes:
                draft.notes = (draft.notes + "\n" + note).strip()
        kg = self._floats(values.kg)
        rpe = self._floats(values.rpe)
        for set_side in sides(side, unilateral):
            draft.sets.append(SetDraft(line, set_side, kg, values.reps, kind, values.seconds, rpe))

    def ordered(self) -> list[SessionDraft]:
        """The sessions by start (files list them in any order, Hevy newest first)."""
        return sorted(self.sessions.values(), key=lambda s: s.started_at)
