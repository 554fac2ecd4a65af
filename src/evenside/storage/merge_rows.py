"""Merging one Evenside history into a database that already holds one (``evenside copy
--merge``), of any kind (an SQLite file, a PostgreSQL server), in one transaction on the
target: rows the target lacks are added under the target's own ids, nothing is duplicated
and nothing the target holds is changed.

Rows are matched by what identifies them to a person, never by id (ids differ between two
databases, the exercise library's too):

- profiles, exercises and stretches by name; routines by client and name, their days and
  items by position;
- sessions by client and start time (or the key of the file they were imported from);
- a session's exercises by position and exercise; sets by the id made on the laptop that
  logged them (``source_key``), else by entry and position.

A set found on both sides with different figures is a conflict: the target's is kept and
both are reported. Running the same merge again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from evenside.domain.errors import InvalidInput
from evenside.storage.database import Database
from evenside.storage.derived_models import DERIVED_TABLES
from evenside.storage.models import Base

Row = dict[str, Any]
# The figures of a set; a set present on both sides with any of these different conflicts.
SET_FIGURES = (
    "side",
    "weight_kg",
    "reps",
    "duration_seconds",
    "rpe",
    "rir",
    "kind",
    "distance_m",
    "notes",
)
# Each table's ways of recognising a row, tried in order (a key that is all NULL is skipped).
KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "profiles": (("name",),),
    "exercises": (("name",),),
    "stretches": (("name",),),
    "exercise_stretches": (("exercise_id", "stretch_id"),),
    "routines": (("profile_id", "name"),),
    "routine_days": (("routine_id", "position"),),
    "routine_items": (("day_id", "position"),),
    "sessions": (("profile_id", "started_at"), ("source_key",)),
    "session_exercises": (("session_id", "position", "exercise_id"),),
    "sets": (("source_key",), ("session_exercise_id", "position", "source_key")),
    "measurements": (("profile_id", "site", "side", "measured_on", "value_cm"),),
    "assessments": (("profile_id", "exercise_id", "test_name", "kind", "assessed_on"),),
    "import_mappings": (("source_app", "source_name"),),
    "catch_ups": (("profile_id", "exercise_id", "weak_side", "caught_up_at"),),
    "habit_ticks": (("profile_id", "habit_key", "ticked_on"),),
    "discomfort": (("profile_id", "site", "side", "noted_on"),),
    "repairs": (("table_name", "column_name", "original_value", "action", "repaired_at"),),
}
CONFLICTS_KEPT = 10  # described in the report; all are counted
# The target's own facts (library version, last backup) stay its own.
# A derived table is built by the target's own triggers.
NOT_MERGED = frozenset({"app_meta"}) | DERIVED_TABLES


@dataclass(frozen=True)
class MergeCount:
    table: str
    copied: int
    already_there: int
    conflicts: int
    not_merged: int = 0  # rows of a table this login may not write on the server


@dataclass(frozen=True)
class SetConflict:
    """A set both sides hold with different figures: where it is, and both values."""

    where: str
    target_value: str
    source_value: str


@dataclass
class MergeReport:
    source: str  # as shown: a file's path, a server's address without its password
    target: str
    counts: list[MergeCount] = field(default_factory=list)
    conflicts: list[SetConflict] = field(default_factory=list)  # the first CONFLICTS_KEPT


class _Index:
    """The target's rows of one table by each of its keys; each row matches at most once."""

    def __init__(self, keys: tuple[tuple[str, ...], ...], rows: list[Row]) -> None:
        self.keys = keys
        self.by_key: list[dict[tuple[Any, ...], list[Row]]] = [{} for _ in keys]
        self.taken: set[int] = set()
        for row in rows:
            for index, key in zip(self.by_key, keys, strict=True):
                value = _key(row, key)
                if value is not None:
                    index.setdefault(value, []).append(row)

    def take(self, row: Row) -> Row | None:
        for index, key in zip(self.by_key, self.keys, strict=True):
            value = _key(row, key)
            for candidate in index.get(value, ()) if value is not None else ():
                if id(candidate) not in self.taken:
                    self.taken.add(id(candidate))
                    return candidate
        return None


def _key(row: Row, columns: tuple[str, ...]) -> tuple[Any, ...] | None:
    value = tuple(row[c] for c in columns)
    return None if all(v is None for v in value) else value


def _tables() -> list[Table]:
    """Parents before children; the repairs log last, as it points at sets and measurements."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in NOT_MERGED]
    return sorted(tables, key=lambda t: t.name == "repairs")


def _rows(connection: Connection, table: Table) -> list[Row]:
    order = list(table.primary_key.columns)
    return [dict(r) for r in connection.execute(select(table).order_by(*order)).mappings()]


def _writable(connection: Connection, table: Table) -> bool:
    """Whether this login may read and add rows of ``table`` (on a server, a trainer may not
    touch the log of upgrade repairs, which the server's owner keeps)."""
    if connection.dialect.name != "postgresql":
        return True
    allowed = text("SELECT has_table_privilege(:t, 'SELECT') AND has_table_privilege(:t, 'INSERT')")
    return bool(connection.execute(allowed, {"t": table.name}).scalar_one())


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def merge_all(source: Database, target: Database, shown: tuple[str, str]) -> MergeReport:
    """Add to ``target`` what it lacks of ``source``; counts per table and set conflicts.
    ``shown``: both as the report names them."""
    report, shown_target = MergeReport(*shown), shown[1]
    try:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            read = {t.name: _rows(reading, t) for t in _tables()}
            _merge(writing, read, report)
            return report
    except DBAPIError as exc:  # a refused row (a name the target hides, a rule): no change
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        refused = f"{shown_target} refused the merge ({reason}); nothing was copied."
        raise InvalidInput(refused) from None


def _merge(writing: Connection, read: dict[str, list[Row]], report: MergeReport) -> None:
    ids: dict[str, dict[Any, Any]] = {}
    for table in _tables():
        if not _writable(writing, table):
            report.counts.append(MergeCount(table.name, 0, 0, 0, len(read[table.name])))
            continue
        before = _count(writing, table)
        count, conflicts = _merge_table(writing, table, read, ids)
        if _count(writing, table) - before != count.copied:  # rolled back: target unchanged
            raise InvalidInput(
                f"The merge into {report.target} did not add up for {table.name}; nothing copied."
            )
        report.counts.append(count)
        report.conflicts += conflicts


def _merge_table(
    writing: Connection, table: Table, read: dict[str, list[Row]], ids: dict[str, dict[Any, Any]]
) -> tuple[MergeCount, list[SetConflict]]:
    index = _Index(KEYS[table.name], _rows(writing, table))
    mapped = ids.setdefault(table.name, {})
    has_id = "id" in table.c and table.c.id.primary_key
    added: list[Row] = []
    added_from: list[Any] = []
    already = clashes = 0
    conflicts: list[SetConflict] = []
    for row in read[table.name]:
        moved = _translated(table, row, ids)
        match = index.take(moved)
        if match is None:
            added.append({k: v for k, v in moved.items() if not (has_id and k == "id")})
            added_from.append(row.get("id"))
            continue
        if has_id:
            mapped[row["id"]] = match["id"]
        if table.name == "sets" and _figures(moved) != _figures(match):
            clashes += 1
            if clashes <= CONFLICTS_KEPT:
                conflicts.append(_conflict(row, match, read))
        else:
            already += 1
    if added and has_id:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = [r[0] for r in writing.execute(statement, added).all()]
        mapped.update(zip(added_from, new_ids, strict=True))
    elif added:
        writing.execute(insert(table), added)
    return MergeCount(table.name, len(added), already, clashes), conflicts


def _translated(table: Table, row: Row, ids: dict[str, dict[Any, Any]]) -> Row:
    """The row with every reference turned into the target's id of the same thing."""
    moved = dict(row)
    for column in table.c:
        for foreign in column.foreign_keys:
            value = row[column.name]
            if value is not None:
                moved[column.name] = ids[foreign.column.table.name][value]
    if table.name == "repairs":  # a plain number, not a foreign key: the row may be gone
        moved["row_id"] = ids.get(row["table_name"], {}).get(row["row_id"], row["row_id"])
    return moved


def _figures(row: Row) -> tuple[Any, ...]:
    return tuple(row[c] for c in SET_FIGURES)


def describe_set(row: Row) -> str:
    """A set's figures as a person reads them: ``left 20 kg x 8, RPE 9``."""
    parts = [str(row["side"])]
    if row["weight_kg"] is not None:
        parts.append(f"{row['weight_kg']:g} kg")
    if row["reps"] is not None:
        parts.append(f"x {row['reps']}")
    if row["duration_seconds"] is not None:
        parts.append(f"{row['duration_seconds']} s")
    if row["distance_m"] is not None:
        parts.append(f"{row['distance_m']:g} m")
    extras = [f"RPE {row['rpe']:g}" if row["rpe"] is not None else ""]
    extras.append(f"RIR {row['rir']:g}" if row["rir"] is not None else "")
    extras.append(str(row["kind"]) if row["kind"] != "working" else "")
    extras.append(f'"{row["notes"]}"' if row["notes"] else "")
    shown = " ".join(parts)
    return ", ".join([shown, *(e for e in extras if e)])


def _conflict(source_row: Row, target_row: Row, read: dict[str, list[Row]]) -> SetConflict:
    """Where the set is (client, session start, exercise, set number) from the source's rows."""
    entry = _by_id(read["session_exercises"], source_row["session_exercise_id"])
    session = _by_id(read["sessions"], entry["session_id"])
    client = _by_id(read["profiles"], session["profile_id"])["name"]
    exercise = _by_id(read["exercises"], entry["exercise_id"])["name"]
    started = session["started_at"].strftime("%Y-%m-%d %H:%M")
    where = f"{client}, {started}, {exercise}, set {source_row['position'] + 1}"
    return SetConflict(where, describe_set(target_row), describe_set(source_row))


def _by_id(rows: list[Row], wanted: Any) -> Row:
    return next(r for r in rows if r["id"] == wanted)
