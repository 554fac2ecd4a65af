"""What the Strong, Hevy, FitNotes and JEFIT parsers share: a row skipped with its reason, a
set's numbers read and checked, and sets gathered into sessions as the rows stream by (the
file is never held whole; each row is read, kept as a set or skipped, and let go)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from evenside.domain.entry import set_problem
from evenside.domain.imports import SessionDraft, SetDraft, Skipped, split_side
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.domain.units import Unit
from evenside.interchange.csv_read import Record
from evenside.interchange.numbers import SharedFloats, number, weight_to_kg, whole

T = TypeVar("T")
MEMO_LIMIT = 4096  # distinct strings remembered per cache; a file past it starts afresh


class Memo(Generic[T]):
    """``parse(text)`` remembered for each distinct text: a file repeats the same dates,
    numbers and names thousands of times. Bounded, so memory stays flat on any file."""

    def __init__(self, parse: Callable[[str], T], limit: int = MEMO_LIMIT) -> None:
        self._parse = parse
        self._limit = limit
        self._seen: dict[str, T] = {}

    def __call__(self, text: str) -> T:
        try:
            return self._seen[text]
        except KeyError:
            pass
        value = self._parse(text)  # a ValueError is not remembered: it skips the row anyway
        if len(self._seen) >= self._limit:
            self._seen.clear()
        self._seen[text] = value
        return value


class SkipRow(Exception):
    """This row cannot become a set; ``reason`` is shown beside its line number."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoteRow(Exception):
    """This row is not a set but a note; ``reason`` says so beside its line number."""

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
        """The cell's text, trimmed, with Windows line ends inside it made plain."""
        try:
            text = self.fields[self.columns[name]].strip()
        except (KeyError, IndexError):
            return ""
        return text.replace("\r\n", "\n") if "\r" in text else text


@dataclass(slots=True)
class RowNumbers:
    """A set's numbers as the file writes them (weight in the file's unit)."""

    weight: float | None
    reps: int | None
    seconds: float | None
    rpe: float | None


@dataclass(slots=True)
class SetValues:
    """A set's numbers as stored: kilograms, whole seconds, metres, all within the set rules."""

    kg: float | None
    reps: int | None
    seconds: int | None
    rpe: float | None
    distance_m: float | None = None


_numbers = Memo(number)
_wholes = Memo(whole)


def read_numbers(weight: str, reps: str, seconds: str = "", rpe: str = "") -> RowNumbers:
    """The four numbers, read in this order; the first unreadable one skips the row."""
    try:
        return RowNumbers(_numbers(weight), _wholes(reps), _numbers(seconds), _numbers(rpe))
    except ValueError as exc:
        raise unreadable_number(exc) from exc


def read_number(text: str) -> float | None:
    """One number (comma decimals allowed); an unreadable one skips the row."""
    try:
        return _numbers(text)
    except ValueError as exc:
        raise unreadable_number(exc) from exc


def checked(numbers: RowNumbers, unit: Unit, distance_m: float | None = None) -> SetValues:
    """The numbers in kilograms and whole seconds; the row is skipped if ``set_problem``
    refuses them."""
    kg = None if numbers.weight is None else weight_to_kg(numbers.weight, unit)
    seconds = round(numbers.seconds) if numbers.seconds else None
    problem = set_problem(kg, numbers.reps, seconds, numbers.rpe)
    if problem is not None:
        raise SkipRow(problem)
    if distance_m is not None and not 0 < distance_m <= MAX_DISTANCE_M:
        raise SkipRow(f"the distance ({distance_m:g} m) is out of range")
    return SetValues(kg, numbers.reps, seconds, numbers.rpe, distance_m)


MAX_DISTANCE_M = 1_000_000.0  # 1,000 km: past any single cardio entry
_CARDIO = re.compile(
    r"\b(run|running|jog|jogging|walk|walking|hike|hiking|cycling|cycle|bike|biking|"
    r"spinning|rowing|rower|ergometer|skierg|elliptical|cross ?trainer|treadmill|stairs?|"
    r"stair ?master|stepper|swim|swimming|jump ?rope|skipping|cardio|laufen|gehen|"
    r"radfahren|rudern|schwimmen|course|marche|velo|vélo|rameur|natation)\b",
    re.I,
)
_LIFT = re.compile(r"\b(lunges?|farmer'?s?|carry|split squat|step[- ]?ups?)\b", re.I)


def cardio_name(name: str) -> bool:
    """Whether a name reads as cardio (running, rowing machine, cycling ...), not a lift:
    "Walking" is cardio; "Walking Lunge", "Farmer's Walk" and "Seated Row" are not."""
    return bool(_CARDIO.search(name)) and not _LIFT.search(name)


def cardio_numbers(numbers: RowNumbers) -> RowNumbers:
    """A cardio row's numbers: a weight or reps of 0 are the exporter's blanks."""
    return RowNumbers(numbers.weight or None, numbers.reps or None, numbers.seconds, numbers.rpe)


class Gathered:
    """The sessions read so far by their key, the rows skipped, and the rows read.

    One string object per exercise name and one float per weight or RPE are kept, so a
    million sets hold a few hundred of each rather than a million.
    """

    def __init__(self) -> None:
        self.sessions: dict[str, SessionDraft] = {}
        self.skipped: list[Skipped] = []
        self.kept_as_notes: list[Skipped] = []
        self.read = 0
        self._floats = SharedFloats()
        self.names: Memo[tuple[str, Side | None, bool]] = Memo(split_side)
        self._notes: Memo[str] = Memo(str)
        self._values: dict[tuple[object, ...], SetValues] = {}

    def checked(
        self, numbers: RowNumbers, unit: Unit, distance_m: float | None = None
    ) -> SetValues:
        """``checked``, remembered for each distinct set of numbers: most sets in a file
        repeat a weight, reps and RPE seen before."""
        key = (numbers.weight, numbers.reps, numbers.seconds, numbers.rpe, unit, distance_m)
        found = self._values.get(key)
        if found is None:
            found = checked(numbers, unit, distance_m)
            if len(self._values) >= MEMO_LIMIT:
                self._values.clear()
            self._values[key] = found
        return found

    def read_all(self, rows: Iterator[Record], add_row: Callable[[Record], None]) -> None:
        """Each record in turn to ``add_row``; one that raises ``SkipRow`` is noted skipped."""
        for record in rows:
            self.read += 1
            try:
                if not any(cell.strip() for cell in record.fields):
                    raise SkipRow("empty row")
                add_row(record)
            except SkipRow as skip:
                self.skipped.append(Skipped(record.line, skip.reason))
            except NoteRow as note:
                self.kept_as_notes.append(Skipped(record.line, note.reason))

    def session(self, key: str, new: Callable[[], SessionDraft]) -> SessionDraft:
        """The session with ``key``, made by ``new`` the first time a row names it."""
        found = self.sessions.get(key)
        if found is None:
            found = self.sessions[key] = new()
        return found

    def add_set(
        self,
        session: SessionDraft,
        exercise: tuple[str, Side | None, bool],
        line: int,
        values: SetValues,
        *,
        kind: SetKind = SetKind.WORKING,
        row_note: str = "",
        order: int | None = None,
        cardio: bool = False,
    ) -> None:
        """The row's one set under ``exercise`` (as ``split_side`` gives it). A row that does
        not say its side is one set with side BOTH, its exercise marked one-sided when the
        name says so; what that means is decided when names are mapped."""
        name, side, unilateral = exercise
        draft = session.exercise(name, unilateral)
        draft.cardio = draft.cardio or cardio
        draft.sets.append(
            SetDraft(
                line,
                side or Side.BOTH,
                self._floats(values.kg),
                values.reps,
                kind,
                values.seconds,
                self._floats(values.rpe),
                None,
                None,
                self._floats(values.distance_m),
                self._notes(row_note) if row_note else "",
                order,
            )
        )

    def ordered(self) -> list[SessionDraft]:
        """The sessions by start (files list them in any order, Hevy newest first)."""
        return sorted(self.sessions.values(), key=lambda s: s.started_at)


def add_note(current: str, note: str) -> str:
    """``current`` with ``note`` on a new line, unless it is already there."""
    if not note or note in current:
        return current
    return (current + "\n" + note).strip()
