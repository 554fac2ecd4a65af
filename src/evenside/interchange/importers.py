"""Reading an export: detect its format from the header, then parse it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ParsedImport
from evenside.domain.units import Unit
from evenside.interchange import evenside_csv, fitnotes, hevy, jefit, strong
from evenside.interchange.csv_read import Record, first_line, open_lines, records_from

FORMATS = ("strong", "hevy", "fitnotes", "jefit", "evenside")


def detect(header: list[str]) -> str | None:
    if evenside_csv.looks_like(header):
        return "evenside"
    if hevy.looks_like(header):
        return "hevy"
    if fitnotes.looks_like(header):
        return "fitnotes"
    if strong.looks_like(header):
        return "strong"
    return None


def detect_file(path: Path) -> str | None:
    """The format of the file at ``path``, judged from the whole file's opening: a JEFIT
    export opens with a section banner, every other format with its header."""
    with open_lines(path) as opened:
        first, lines = first_line(opened)
        if jefit.looks_like(first):
            return "jefit"
        try:
            header, _rows = records_from(lines)
        except InvalidInput:
            return None
        return detect(header)


def parse_text(text: str, *, format: str | None = None, unit: Unit | None = None) -> ParsedImport:  # noqa: A002
    return _parse_lines(iter(io.StringIO(text, newline="")), format=format, unit=unit)


def _parse_lines(
    lines: Iterator[str],
    *,
    format: str | None,  # noqa: A002
    unit: Unit | None,
) -> ParsedImport:
    """Detection on the whole file: a JEFIT export opens with a section banner, not a
    header; every other format has one header line."""
    first, lines = first_line(lines)
    if jefit.looks_like(first):
        if format is not None and format != "jefit":
            raise InvalidInput(f"Line 1: this looks like a jefit export, not {format}.", "format")
        return jefit.parse(lines, unit)
    if format == "jefit":
        raise InvalidInput(
            "Line 1: this is not a JEFIT export (it opens with a ### SECTION ### line). "
            "Nothing was imported.",
            "format",
        )
    header, rows = records_from(lines)
    return _parse(header, rows, format=format, unit=unit)


def _parse(
    header: list[str],
    rows: Iterator[Record],
    *,
    format: str | None,  # noqa: A002
    unit: Unit | None,
) -> ParsedImport:
    found = detect(header)
    if format is not None and format not in FORMATS:
        raise InvalidInput(f'Unknown format "{format}"; use one of {", ".join(FORMATS)}.', "format")
    chosen = format or found
    if chosen is None:
        shown = ",".join(header)[:80]
        raise InvalidInput(
            f'Line 1: not a Strong, Hevy, FitNotes, JEFIT or Evenside export (header "{shown}").',
            "format",
        )
    if format is not None and found is not None and found != format:
        raise InvalidInput(f"Line 1: this looks like a {found} export, not {format}.", "format")
    if chosen == "strong":
        return strong.parse(header, rows, unit, getattr(header, "delimiter", ","))
    if chosen == "hevy":
        return hevy.parse(header, rows)
    if chosen == "fitnotes":
        return fitnotes.parse(header, rows)
    filled = (record for record in rows if any(cell.strip() for cell in record.fields))
    parsed = evenside_csv.parse(header, filled)
    parsed.layout = parsed.layout or "Evenside CSV"
    return parsed


def parse_file(path: Path, *, format: str | None = None, unit: Unit | None = None) -> ParsedImport:  # noqa: A002
    """Parse the export at ``path`` as it is read, row by row (the file is never held whole)."""
    with open_lines(path) as lines:
        return _parse_lines(lines, format=format, unit=unit)
