"""Reading JEFIT's export: one file of CSV tables, each under a banner line such as
``### WORKOUT SESSIONS ###`` (often padded with more ``#``) and closed by a line of ``#``.
Each table has its own header; every record keeps the line it starts on."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.interchange.csv_read import Record

BANNER = re.compile(r"^\ufeff?\s*#{2,}\s*([A-Za-z][A-Za-z0-9 _/-]*?)\s*#+\s*$")
FOOTER = re.compile(r"^\s*#{3,}\s*$")


def looks_like(first_line: str) -> bool:
    """Whether a file's first line is a JEFIT section banner."""
    return bool(BANNER.match(first_line.strip("\r\n")))


@dataclass
class Section:
    """One table: its name (upper case), its header and its records."""

    name: str
    line: int  # the banner's line
    header: list[str]
    records: list[Record]

    def columns(self) -> dict[str, int]:
        return {name: index for index, name in enumerate(self.header)}


def sections(lines: Iterable[str]) -> Iterator[Section]:
    """The file's tables in order, one at a time (a table is held only while it is read)."""
    name: str | None = None
    start = 0
    body: list[tuple[int, str]] = []
    number = 0
    for number, text in enumerate(lines, start=1):
        stripped = text.strip("\r\n")
        banner = BANNER.match(stripped)
        if banner or FOOTER.match(stripped):
            if name is not None:
                yield _section(name, start, body)
            name, start, body = (
                (banner.group(1).strip().upper(), number, []) if banner else (None, number, [])
            )
            continue
        if name is not None:
            body.append((number, text))
    if name is not None:
        yield _section(name, start, body)
    if number == 0:
        raise InvalidInput("The file has no header line.", "file")


def _section(name: str, start: int, body: list[tuple[int, str]]) -> Section:
    """The table under one banner: the first non-blank line is its header."""
    while body and not body[0][1].strip():
        body.pop(0)
    if not body:
        return Section(name, start, [], [])
    first_line = body[0][0]
    reader = csv.reader((text for _, text in body), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        records = []
        position = reader.line_num
        for fields in reader:
            if any(f.strip() for f in fields):
                records.append(Record(body[position][0], fields))
            position = reader.line_num
    except csv.Error as exc:
        raise InvalidInput(
            f"Line {first_line}: the {name.title()} table is cut off or malformed ({exc}); "
            "nothing was imported.",
            "file",
        ) from exc
    return Section(name, start, header, records)
