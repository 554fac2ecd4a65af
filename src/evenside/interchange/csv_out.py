"""Writing CSV that a spreadsheet opens safely: text cells starting with =, +, - or @ are
prefixed with an apostrophe so they cannot run as formulas. Numbers are written as numbers."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | None


def neutralise(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def write_rows(path: Path, header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> int:
    """Write cells as given, atomically (a temporary file renamed into place), so a failed
    export never leaves half a file where a good one was; returns the data rows written."""
    count = 0
    handle, temporary = tempfile.mkstemp(prefix=".evenside-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write with every text cell neutralised; returns the rows written."""
    return write_rows(
        path,
        [neutralise(h) for h in header],
        (["" if c is None else neutralise(c) for c in row] for row in rows),
    )
