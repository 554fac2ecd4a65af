"""The floors Evenside is measured against: the least any program doing the same job
could do, written with the bare libraries.

Whole-process floors run as scripts (through bench/launch.py, like the app):

    python bench/floors.py paint                   # a bare QMainWindow's first paint
    python bench/floors.py core-window DB          # PySide6 + SQLAlchemy Core: one query, paint
    python bench/floors.py plot-memory DB POINTS   # the Core window with a plot of POINTS
    python bench/floors.py import CSV DB           # csv module + sqlite3 executemany

In-process floors (raw ``sqlite3``, the app's pragmas) are the functions below: the two
queries of one exercise's series, the overview's query, one logged set, an import.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

# The app's connection pragmas (evenside.storage.database._set_pragmas), written out.
PRAGMAS = ("foreign_keys = ON", "busy_timeout = 5000", "journal_mode = WAL", "synchronous = FULL")


def raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        connection.execute(f"PRAGMA {pragma}")
    return connection


# -- one exercise's series: the two queries of evenside.storage.progress_repo ------------

REPS_MAXIMA = """
SELECT se.exercise_id, s.id, s.started_at, t.side, t.reps, max(t.weight_kg),
       max(t.duration_seconds)
FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
JOIN sessions s ON s.id = se.session_id
WHERE s.profile_id = ? AND t.kind != 'warm-up' AND se.exercise_id = ?
GROUP BY se.exercise_id, s.id, t.side, t.reps ORDER BY s.started_at"""

WEEKLY_VOLUME = """
SELECT date(s.started_at, '-6 days', 'weekday 1') AS week, t.side,
       sum(coalesce(t.weight_kg, 0) * coalesce(t.reps, 0)), sum(coalesce(t.reps, 0)),
       sum(coalesce(t.duration_seconds, 0)), count(t.id)
FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
JOIN sessions s ON s.id = se.session_id
WHERE s.profile_id = ? AND se.exercise_id = ? AND t.kind != 'warm-up'
GROUP BY week, t.side ORDER BY week"""


def series(connection: sqlite3.Connection, profile_id: int, exercise_id: int) -> tuple[list, list]:  # type: ignore[type-arg]
    return (
        connection.execute(REPS_MAXIMA, (profile_id, exercise_id)).fetchall(),
        connection.execute(WEEKLY_VOLUME, (profile_id, exercise_id)).fetchall(),
    )


# The gap chart below the series shows the verdict's scores: its evidence (every counted,
# one-sided set of the exercise, as evidence_repo.one_sided_sessions reads it) is part of
# what the page shows, so the floor reads it too.
EXERCISE_EVIDENCE = """
SELECT se.exercise_id, s.id, s.started_at, t.side, t.weight_kg, t.reps, t.kind, t.logged_at,
       t.duration_seconds, t.rpe, t.rir
FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
JOIN sessions s ON s.id = se.session_id
WHERE s.profile_id = ? AND se.exercise_id = ?
  AND se.exercise_id NOT IN (SELECT id FROM exercises WHERE kind = 'cardio')
  AND t.kind != 'warm-up' AND t.side != 'both' AND t.sides_unrecorded = 0
ORDER BY s.started_at, s.id, t.position, t.id"""


def series_shown(
    connection: sqlite3.Connection, profile_id: int, exercise_id: int
) -> tuple[list, list, list]:  # type: ignore[type-arg]
    """Every query one exercise's charts need: the series' two and the verdict's evidence."""
    maxima, weeks = series(connection, profile_id, exercise_id)
    evidence = connection.execute(EXERCISE_EVIDENCE, (profile_id, exercise_id)).fetchall()
    return maxima, weeks, evidence


# -- the overview: every one-sided working set, as evenside.storage.evidence_repo reads ---

ONE_SIDED_SETS = """
SELECT se.exercise_id, s.id, s.started_at, t.side, t.weight_kg, t.reps, t.duration_seconds,
       t.rpe, t.rir, t.kind
FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
JOIN sessions s ON s.id = se.session_id
WHERE s.profile_id = ? AND t.kind != 'warm-up' AND t.side != 'both'
ORDER BY s.started_at, s.id, t.position, t.id"""


def overview(connection: sqlite3.Connection, profile_id: int) -> list[Any]:
    return connection.execute(ONE_SIDED_SETS, (profile_id,)).fetchall()


# -- logging one set ---------------------------------------------------------------------

LOG_SET = """
INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, logged_at)
VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM sets WHERE session_exercise_id = ?),
        'left', 20.0, 8, 'working', ?) RETURNING id"""


def log_set(connection: sqlite3.Connection, session_exercise_id: int) -> int:
    """One set, committed: the transaction, the insert with its position, the commit."""
    connection.execute("BEGIN IMMEDIATE")
    row = connection.execute(
        LOG_SET, (session_exercise_id, session_exercise_id, "2026-06-26 10:00:00.000000")
    ).fetchone()
    connection.execute("COMMIT")
    return int(row[0])


# -- import: read a Strong CSV with the csv module, write the same rows with executemany --


def _side_and_name(name: str) -> tuple[str, str]:
    for suffix, side in ((" (Left)", "left"), (" (Right)", "right")):
        if name.endswith(suffix):
            return name[: -len(suffix)], side
    return name, "both"


def _exercise_ids(connection: sqlite3.Connection, names: set[str]) -> dict[str, int]:
    known = {n.lower(): i for i, n in connection.execute("SELECT id, name FROM exercises")}
    ids = {}
    for name in sorted(names):
        if name.lower() not in known:
            known[name.lower()] = connection.execute(
                "INSERT INTO exercises (name, laterality, load_basis, primary_muscles,"
                " secondary_muscles, equipment, custom, archived)"
                " VALUES (?, 'bilateral', 'total', '', '', '', 1, 0) RETURNING id",
                (name,),
            ).fetchone()[0]
        ids[name] = known[name.lower()]
    return ids


BESTS_FROM = """
INSERT INTO session_bests (session_exercise_id, side, reps, exercise_id, best_kg,
                           best_seconds)
SELECT x.session_exercise_id, CASE WHEN x.sides_unrecorded THEN 'none' ELSE x.side END,
       coalesce(x.reps, -1), e.exercise_id,
       max(coalesce(x.weight_kg, 0)), max(x.duration_seconds)
FROM sets x JOIN session_exercises e ON e.id = x.session_exercise_id
WHERE x.kind != 'warm-up' AND x.session_exercise_id >= ?
GROUP BY x.session_exercise_id, CASE WHEN x.sides_unrecorded THEN 'none' ELSE x.side END,
         coalesce(x.reps, -1)"""


def import_csv(source: Path, database: Path, profile_id: int = 1) -> int:
    """Parse ``source`` (a Strong export) and write its sessions, exercises in sessions and
    sets into ``database`` in one transaction. Returns the number of sets written."""
    with source.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = {name: i for i, name in enumerate(next(rows))}
        date, workout, exercise = header["Date"], header["Workout Name"], header["Exercise Name"]
        order, weight, reps = header["Set Order"], header["Weight"], header["Reps"]
        rpe = header["RPE"]
        sessions: dict[tuple[str, str], dict[str, list[tuple[Any, ...]]]] = {}
        for row in rows:
            name, side = _side_and_name(row[exercise])
            kind = "warm-up" if row[order] == "W" else "working"
            mark = row[rpe]
            sessions.setdefault((row[date], row[workout]), {}).setdefault(name, []).append(
                (side, round(float(row[weight]), 3), int(row[reps]), kind,
                 float(mark) if mark else None)
            )  # fmt: skip
    connection = raw_connection(database)
    try:
        connection.execute("BEGIN IMMEDIATE")
        ids = _exercise_ids(connection, {n for s in sessions.values() for n in s})
        next_session = connection.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]
        next_se = connection.execute(
            "SELECT coalesce(max(id), 0) FROM session_exercises"
        ).fetchone()[0]
        first_se = next_se + 1
        # The schema's insert trigger keeps session_bests; like the app's bulk write, the
        # floor pauses it and works the new entries' bests out in one statement.
        connection.execute("INSERT INTO session_bests_paused (paused) VALUES (1)")
        session_rows, se_rows, set_rows = [], [], []
        for (started, name), exercises in sessions.items():
            next_session += 1
            session_rows.append((next_session, profile_id, name, "", started, started))
            for position, (exercise_name, sets) in enumerate(exercises.items(), start=1):
                next_se += 1
                se_rows.append((next_se, next_session, ids[exercise_name], position))
                for number, (side, kg, count, kind, mark) in enumerate(sets, start=1):
                    set_rows.append((next_se, number, side, kg, count, kind, mark, started))
        connection.executemany(
            "INSERT INTO sessions (id, profile_id, name, notes, started_at, ended_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        connection.executemany(
            "INSERT INTO session_exercises (id, session_id, exercise_id, position,"
            " stretch_status, notes) VALUES (?, ?, ?, ?, 'pending', '')",
            se_rows,
        )
        connection.executemany(
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind, rpe,"
            " logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            set_rows,
        )
        connection.execute("DELETE FROM session_bests_paused")
        connection.execute(BESTS_FROM, (first_se,))
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(set_rows)


# -- whole-process floors ------------------------------------------------------------------


def _watch_first_paint(app: Any, then: Any = None) -> Any:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                app.removeEventFilter(self)
                print(f"painted {time.time():.6f}", flush=True)
                if then is not None:
                    then()
                app.quit()
            return False

    watch = FirstPaint()
    app.installEventFilter(watch)
    return watch


def _query_once(db: str) -> None:
    """SQLAlchemy Core: an engine on the file, one query."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sessions")).scalar()


def bare_paint() -> None:
    """A bare QMainWindow, time of its first paint."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1180, 760)
    watch = _watch_first_paint(app)
    window.show()
    app.exec()
    del watch


def core_window(db: str) -> None:
    """PySide6 + SQLAlchemy Core: open the file, run one query, paint a window."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    _query_once(db)
    window = QMainWindow()
    window.resize(1180, 760)
    watch = _watch_first_paint(app)
    window.show()
    app.exec()
    del watch


def plot_memory(db: str, points: int) -> None:
    """The Core window with a pyqtgraph plot of ``points`` points, shown and painted; the
    launcher reads the peak memory."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    _query_once(db)
    window = QMainWindow()
    window.resize(1180, 760)
    plot = pg.PlotWidget()
    plot.plot(list(range(points)), list(range(points)), symbol="o")
    window.setCentralWidget(plot)
    watch = _watch_first_paint(app)
    window.show()
    app.exec()
    del watch


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    what = sys.argv[1]
    if what == "paint":
        bare_paint()
    elif what == "core-window":
        core_window(sys.argv[2])
    elif what == "plot-memory":
        plot_memory(sys.argv[2], int(sys.argv[3]))
    elif what == "import":
        print(f"sets {import_csv(Path(sys.argv[2]), Path(sys.argv[3]))}", flush=True)
    else:
        sys.exit(f"floors.py: unknown floor {what!r}")
