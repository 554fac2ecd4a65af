"""The hot write path: logging, editing and deleting one set through a kept Core connection
and statements built (and compiled) once, instead of an ORM unit of work per set.

Each call is one committed transaction (the set is on disk when it returns, under the
database's own ``synchronous`` setting); known SQLite failures become the same errors as
any other use case's (``database.translate_operational_error``). Disposing the engine
(closing the database, or a test changing how connections are made) drops the kept
connection, and the next call opens a fresh one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    Integer,
    Table,
    bindparam,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from evenside.domain.errors import NotFound
from evenside.domain.sides import Side
from evenside.domain.training import LoggedSet, SetKind, SetRecord
from evenside.storage.database import translate_operational_error
from evenside.storage.models import SessionExerciseRow, SetRow

T = TypeVar("T")

_SETS = cast(Table, SetRow.__table__)
_EXERCISES = cast(Table, SessionExerciseRow.__table__)
_VALUES = (
    "side",
    "weight_kg",
    "reps",
    "duration_seconds",
    "rpe",
    "rir",
    "volume_override",
    "kind",
    "sides_unrecorded",
    "distance_m",
    "notes",
    "source_key",
)
# An edit changes the figures; the marks a set came with (log anyway, its file's key, its
# note, unrecorded sides, distance) stay as they were.
_EDITED = ("side", "weight_kg", "reps", "duration_seconds", "rpe", "rir", "kind")
_RETURNED = (_SETS.c.session_exercise_id, _SETS.c.id, _SETS.c.position, _SETS.c.logged_at)


def _log_statement(with_id: bool) -> ClauseElement:
    next_position = (
        select(func.coalesce(func.max(_SETS.c.position) + 1, 0))
        .where(_SETS.c.session_exercise_id == bindparam("se", type_=Integer))
        .scalar_subquery()
    )
    values: dict[str, Any] = {name: bindparam(name, type_=_SETS.c[name].type) for name in _VALUES}
    if with_id:
        values["id"] = bindparam("id", type_=Integer)
    # Columns this path does not set get their model defaults (as the ORM would give them).
    values |= {
        column.name: column.default.arg
        for column in _SETS.c
        if isinstance(column.default, ScalarElementColumnDefault)
        and column.name not in values
        and column.name not in {"session_exercise_id", "position", "logged_at"}
    }
    return (
        insert(_SETS)
        .values(
            session_exercise_id=bindparam("se", type_=Integer),
            position=func.coalesce(bindparam("position", type_=Integer), next_position),
            logged_at=bindparam("logged_at", type_=_SETS.c.logged_at.type),
            **values,
        )
        .returning(_SETS.c.id, _SETS.c.position)
    )


_FIRST_SIDE = (
    update(_EXERCISES)
    .where(_EXERCISES.c.id == bindparam("se", type_=Integer))
    .values(first_side=bindparam("first_side", type_=_EXERCISES.c.first_side.type))
)
_UPDATE = (
    update(_SETS)
    .where(_SETS.c.id == bindparam("set_id", type_=Integer))
    .values(
        **{name: bindparam(name, type_=_SETS.c[name].type) for name in _EDITED},
        # An edit keeps "logged anyway" once it was set (and the time it was logged).
        volume_override=or_(
            _SETS.c.volume_override,
            bindparam("volume_override", type_=_SETS.c.volume_override.type),
        ),
    )
    .returning(_SETS.c.id)
)
_DELETE = (
    delete(_SETS)
    .where(_SETS.c.id == bindparam("set_id", type_=Integer))
    .returning(*_RETURNED, *(_SETS.c[name] for name in _VALUES))
)


@dataclass(frozen=True)
class _Parameter:
    key: str  # the name the caller gives the value under
    fixed: Any  # the value of a constant in the statement (e.g. the 1 of max + 1)
    convert: Callable[[Any], Any]


@dataclass(frozen=True)
class _Prepared:
    """A statement compiled once for the engine's dialect: its SQL text, the order of its
    parameters (for positional drivers) and each parameter's conversion."""

    sql: str
    order: tuple[str, ...] | None
    by_name: Mapping[str, _Parameter]

    def parameters(self, values: Mapping[str, Any]) -> Any:
        converted = {
            name: p.convert(values.get(p.key, p.fixed)) for name, p in self.by_name.items()
        }
        if self.order is None:
            return converted
        return tuple(converted[name] for name in self.order)


def _same(value: Any) -> Any:
    return value


def _prepare(statement: ClauseElement, engine: Engine) -> _Prepared:
    dialect = engine.dialect
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    by_name = {
        name: _Parameter(
            param.key,
            param.value,
            param.type.dialect_impl(dialect).bind_processor(dialect) or _same,
        )
        for param, name in compiled.bind_names.items()
    }
    order = tuple(compiled.positiontup) if dialect.positional and compiled.positiontup else None
    return _Prepared(str(compiled), order, by_name)


class SetWriter:
    """Log, edit and delete sets of one open database."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine, self._path = engine, path
        self._connection: Connection | None = None
        self._log_new = _prepare(_log_statement(with_id=False), engine)
        self._log_back = _prepare(_log_statement(with_id=True), engine)
        self._first_side = _prepare(_FIRST_SIDE, engine)
        self._update = _prepare(_UPDATE, engine)
        self._delete = _prepare(_DELETE, engine)
        time_type = DateTime().dialect_impl(engine.dialect)
        self._read_time = time_type.result_processor(engine.dialect, None) or _same
        event.listen(engine, "engine_disposed", self._drop)

    def _drop(self, _engine: Engine) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.invalidate()  # closes the SQLite connection now, not at collection
            connection.close()

    def close(self) -> None:
        self._drop(self._engine)
        event.remove(self._engine, "engine_disposed", self._drop)

    def _run(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one transaction. On a server, a kept connection that died while the
        server was away (or restarted) is opened afresh once and ``work`` run again, but
        only when it failed before the commit was asked for: then nothing was stored, so
        the retry cannot store a set twice. Constraint errors are never retried."""
        try:
            return self._attempt(work)
        except _Retry:
            try:
                return self._attempt(work)
            except _Retry as again:  # dead again: the server is away
                raise self._translated(again.error) from again.error

    def _attempt(self, work: Callable[[Connection], T]) -> T:
        try:
            if self._connection is None:
                self._connection = self._engine.connect()
            connection = self._connection
            with connection.begin():
                try:
                    return work(connection)
                except OperationalError as exc:
                    if self._engine.dialect.name != "sqlite" and exc.connection_invalidated:
                        raise _Retry(exc) from exc  # before the commit: nothing stored
                    raise
            # (a failure of the commit itself is not retried: the set may be stored)
        except _Retry:
            self._drop(self._engine)  # the retry connects afresh
            raise
        except OperationalError as exc:
            raise self._translated(exc) from exc

    def _translated(self, exc: OperationalError) -> Exception:
        if self._engine.dialect.name != "sqlite":  # a studio server
            from evenside.storage.server import translate_server_error

            self._drop(self._engine)  # the next call connects afresh
            shown = self._engine.url.render_as_string(hide_password=True)
            return translate_server_error(exc, shown)
        return translate_operational_error(exc, self._path)

    def log(
        self,
        session_exercise_id: int,
        record: SetRecord,
        position: int | None = None,
        set_id: int | None = None,
        *,
        first_side: bool = False,
    ) -> LoggedSet:
        """``session_repo.log_set``; with ``first_side``, a first one-sided set also records
        its side as the exercise's first side, in the same transaction."""
        values = {
            **_record_values(record),
            "se": session_exercise_id,
            "position": position,
            "logged_at": record.logged_at,
            "id": set_id,
        }
        prepared = self._log_new if set_id is None else self._log_back

        def work(connection: Connection) -> LoggedSet:
            try:
                new_id, stored = connection.exec_driver_sql(
                    prepared.sql, prepared.parameters(values)
                ).one()
            except IntegrityError as exc:  # the exercise was removed from the session
                raise NotFound(
                    f"That exercise is no longer in the session ({session_exercise_id})."
                ) from exc
            if first_side and stored == 0 and record.side is not Side.BOTH:
                side = {"se": session_exercise_id, "first_side": record.side.value}
                connection.exec_driver_sql(self._first_side.sql, self._first_side.parameters(side))
            return LoggedSet(new_id, stored, record)

        return self._run(work)

    def update(self, set_id: int, record: SetRecord) -> None:
        """Replace a set's values; its time and a "logged anyway" mark stay."""
        values = {**_record_values(record), "set_id": set_id}

        def work(connection: Connection) -> None:
            found = connection.exec_driver_sql(
                self._update.sql, self._update.parameters(values)
            ).first()
            if found is None:
                raise NotFound(f"That set no longer exists ({set_id}).")

        self._run(work)

    def delete(self, set_id: int) -> tuple[int, LoggedSet]:
        """Delete a set; returns its exercise row id and the set, so it can be put back."""

        def work(connection: Connection) -> tuple[int, LoggedSet]:
            row = connection.exec_driver_sql(
                self._delete.sql, self._delete.parameters({"set_id": set_id})
            ).first()
            if row is None:
                raise NotFound(f"That set no longer exists ({set_id}).")
            return row[0], self._logged(row)

        return self._run(work)

    def _logged(self, row: Any) -> LoggedSet:
        (_, set_id, position, logged_at, side, weight, reps, seconds, rpe, rir, override, kind,
         unrecorded, distance, notes, source_key) = row  # fmt: skip
        record = SetRecord(
            side=Side(side),
            weight_kg=weight,
            reps=reps,
            kind=SetKind(kind),
            logged_at=self._read_time(logged_at),
            duration_seconds=seconds,
            rpe=rpe,
            rir=rir,
            volume_override=bool(override),
            sides_unrecorded=bool(unrecorded),
            distance_m=distance,
            notes=notes or "",
            source_key=source_key,
        )
        return LoggedSet(set_id, position, record)


class _Retry(Exception):
    """A kept server connection was found dead before anything was stored."""

    def __init__(self, error: OperationalError) -> None:
        super().__init__(str(error))
        self.error = error


def _record_values(record: SetRecord) -> dict[str, Any]:
    return {
        "side": record.side.value,
        "weight_kg": record.weight_kg,
        "reps": record.reps,
        "duration_seconds": record.duration_seconds,
        "rpe": record.rpe,
        "rir": record.rir,
        "volume_override": record.volume_override,
        "kind": record.kind.value,
        "sides_unrecorded": record.sides_unrecorded,
        "distance_m": record.distance_m,
        "notes": record.notes,
        "source_key": record.source_key,
    }
