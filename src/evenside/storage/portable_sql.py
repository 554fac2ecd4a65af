"""Date arithmetic that SQLite and PostgreSQL spell differently, as SQL constructs that
compile to each database's own functions. Results are the same on both: a week starts on
the Monday on or before the day, as 'YYYY-MM-DD' text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class week_start(FunctionElement[str]):  # noqa: N801 - named like the SQL functions it joins
    """The Monday on or before a timestamp's day, as 'YYYY-MM-DD'."""

    type = String()
    inherit_cache = True
    name = "week_start"


class days_before(FunctionElement[datetime]):  # noqa: N801
    """A timestamp moved ``days`` (a literal whole number) earlier."""

    type = DateTime()
    inherit_cache = True
    name = "days_before"

    def __init__(self, column: ColumnElement[Any] | Any, days: int) -> None:
        self.days = int(days)
        super().__init__(column)


@compiles(week_start, "sqlite")
def _week_start_sqlite(element: week_start, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '-6 days', 'weekday 1')"


@compiles(week_start, "postgresql")
def _week_start_postgresql(element: week_start, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"to_char(date_trunc('week', {column}), 'YYYY-MM-DD')"


@compiles(days_before, "sqlite")
def _days_before_sqlite(element: days_before, compiler: SQLCompiler, **kw: Any) -> str:
    return f"datetime({compiler.process(element.clauses, **kw)}, '-{element.days} days')"


@compiles(days_before, "postgresql")
def _days_before_postgresql(element: days_before, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"({column} - interval '{element.days} days')"
