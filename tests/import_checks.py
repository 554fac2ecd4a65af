"""What the import parser tests read from a parse: sets by exercise name, drafts, and the
check that every row of a file is accounted for."""

from __future__ import annotations

from pathlib import Path

from evenside.domain.imports import ExerciseDraft, ParsedImport, SetDraft
from evenside.domain.sides import Side
from evenside.domain.training import SetKind
from evenside.interchange.importers import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def load(name: str, **kwargs: object) -> ParsedImport:
    return parse_file(FIXTURES / name, **kwargs)  # type: ignore[arg-type]


def sets_of(
    parsed: ParsedImport, exercise: str
) -> list[tuple[Side, float | None, int | None, SetKind]]:
    return [
        (s.side, None if s.weight_kg is None else round(s.weight_kg, 6), s.reps, s.kind)
        for s in sets_in(parsed, exercise)
    ]


def sets_in(parsed: ParsedImport, exercise: str) -> list[SetDraft]:
    return [
        s
        for session in parsed.sessions
        for e in session.exercises
        if e.name == exercise
        for s in e.sets
    ]


def draft(parsed: ParsedImport, exercise: str) -> ExerciseDraft:
    return next(e for s in parsed.sessions for e in s.exercises if e.name == exercise)


def accounted(parsed: ParsedImport) -> bool:
    """Every row read became a set, a kept note, or a skip with its reason."""
    kept = parsed.rows_imported + len(parsed.skipped) + len(parsed.kept_as_notes)
    return kept == parsed.rows_read
