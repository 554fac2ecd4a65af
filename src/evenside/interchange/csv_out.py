"""Writing CSV that a spreadsheet opens safely: text cells starting with =, +, - or @ are
prefixed with an apostrophe so they cannot run as formulas. Numbers are written as numbers."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from evenside.interchange.file_targets import write_text_atomically
from evenside.interchange.numbers import decimal_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | None


def neutralise(cell: Cell) -> Cell:
    """A text cell that could run as a formula gets an apostrophe; a decimal is written
    without float noise."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    if isinstance(cell, float):
        return decimal_text(cell)
    return cell


def write_rows(path: Path, header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> int:
    """Write cells as given, atomically (see ``file_targets``): a failed export never leaves
    half a file where a good one was, and a link, device or folder at ``path`` is refused.
    Returns the data rows written."""

    def fill(out: TextIO) -> int:
        writer = csv.writer(out)
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        return count

    return write_text_atomically(path, fill)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write with every text cell neutralised; returns the rows written."""
    return write_rows(
        path,
        [neutralise(h) for h in header],
        (["" if c is None else neutralise(c) for c in row] for row in rows),
    )
