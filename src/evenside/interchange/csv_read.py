"""Reading CSV exports as other apps write them: byte-order marks, CRLF, comma or semicolon,
quoted or not, fields spanning lines. Every record keeps the line it starts on."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import MAX_IMPORT_BYTES


@dataclass(frozen=True)
class Record:
    line: int
    fields: list[str]


class Header(list[str]):
    """A header's fields, and the delimiter the file uses (comma or semicolon)."""

    delimiter = ","


def _check_file(path: Path) -> None:
    """A readable, non-empty regular file within the size limit, or one clear line."""
    if str(path) in ("", "."):
        raise InvalidInput(
            "No file given (or only a folder): name the CSV export to import.", "file"
        )
    try:
        info = path.stat()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.", "file") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"{path} is a folder; choose the CSV file inside it.", "file")
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"{path} is not a regular file.", "file")
    if info.st_size == 0:
        raise InvalidInput(f"{path.name} is empty.", "file")
    if info.st_size > MAX_IMPORT_BYTES:
        raise InvalidInput(
            f"{path.name} is {info.st_size // 1_048_576} MB; the limit is 200 MB.", "file"
        )


def _encoding(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark) if the whole file decodes as it, else the
    Windows code page spreadsheets write, else Latin-1. Read in chunks, never all at once."""
    with path.open("rb") as stream:
        if b"\x00" in stream.read(4096):
            raise InvalidInput(f"{path.name} is not a text file (binary data on line 1).", "file")
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as stream:
                while chunk := stream.read(CHUNK_BYTES):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"


CHUNK_BYTES = 1 << 20


@contextmanager
def open_records(path: Path) -> Iterator[tuple[list[str], Iterator[Record]]]:
    """The header and the records of the CSV file at ``path``, read as they are parsed."""
    with open_lines(path) as lines:
        yield records_from(lines)


@contextmanager
def open_lines(path: Path) -> Iterator[Iterator[str]]:
    """The text lines of the file at ``path`` (line endings kept), read as they are used."""
    _check_file(path)
    try:
        encoding = _encoding(path)
        with path.open(encoding=encoding, newline="") as stream:
            yield iter(stream)
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.", "file") from exc


def first_line(lines: Iterator[str]) -> tuple[str, Iterator[str]]:
    """The first line, and all the lines again (the first put back in front)."""
    first = next(lines, "")
    return first, itertools.chain([first], lines)


def sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def records(text: str) -> tuple[list[str], Iterator[Record]]:
    """The header's fields and an iterator of the data records with their first line."""
    return records_from(io.StringIO(text, newline=""))


def records_from(stream: Iterable[str]) -> tuple[list[str], Iterator[Record]]:
    """Like ``records``, from lines read one at a time (a text file opened with newline="")."""
    lines = iter(stream)
    first = next(lines, "")
    if not first.strip():
        raise InvalidInput("The file has no header line.", "file")
    delimiter = sniff_delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
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
            if fields:  # a row of empty cells is reported; a blank line is no row
                yield Record(start, fields)
            start = reader.line_num + 1

    found = Header(h.strip().strip('"').strip() for h in header)
    found.delimiter = delimiter
    return found, rows()
