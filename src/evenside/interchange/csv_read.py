"""Reading CSV exports as other apps write them: byte-order marks, CRLF, comma or semicolon,
quoted or not, fields spanning lines. Every record keeps the line it starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import MAX_IMPORT_BYTES


@dataclass(frozen=True)
class Record:
    line: int
    fields: list[str]


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.", "file") from exc
    if size == 0:
        raise InvalidInput(f"{path.name} is empty.", "file")
    if size > MAX_IMPORT_BYTES:
        raise InvalidInput(f"{path.name} is {size // 1_048_576} MB; the limit is 200 MB.", "file")
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{path.name} is not a text file (binary data on line 1).", "file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def records(text: str) -> tuple[list[str], Iterator[Record]]:
    """The header's fields and an iterator of the data records with their first line."""
    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise InvalidInput("The file has no header line.", "file")
    delimiter = sniff_delimiter(lines[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InvalidInput(f"Line 1: the header cannot be read ({exc}).", "file") from exc

    def rows() -> Iterator[Record]:
        start = reader.line_num + 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InvalidInput(
                    f"Line {start}: the file is cut off or malformed there ({exc}); "
                    "nothing was imported.",
                    "file",
                ) from exc
            if any(f.strip() for f in fields):
                yield Record(start, fields)
            start = reader.line_num + 1

    return [h.strip().strip('"').strip() for h in header], rows()
