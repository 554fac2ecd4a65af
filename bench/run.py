"""Evenside's benchmarks: each figure beside its floor, medians and ratios.

    python bench/run.py            # 1-year and 10-year databases, writes bench/README.md
    python bench/run.py --smoke    # a tiny database, one run each, no timing judged

Databases come from the demo generator (deterministic) and are cached in bench/data/.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("EVENSIDE_BENCH_DATA", HERE / "data"))
PY = sys.executable


@dataclass
class Figure:
    name: str
    ours: float
    floor: float
    target: float | None
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor else float("inf")

    def row(self) -> str:
        target = "–" if self.target is None else f"≤ {self.target:g} x"
        verdict = "" if self.target is None else ("met" if self.ratio <= self.target else "missed")
        return (
            f"| {self.name} | {self.ours:.1f} {self.unit} | {self.floor:.1f} {self.unit} | "
            f"{self.ratio:.2f} x | {target} | {verdict} {self.note}".rstrip()
            + " |"
        )


def median(fn: Callable[[], float], repeats: int) -> float:
    return statistics.median(fn() for _ in range(repeats))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def database(years: float, smoke: bool) -> Path:
    DATA.mkdir(exist_ok=True)
    name = "tiny" if smoke else f"{years:g}y"
    path = DATA / f"bench-{name}.sqlite3"
    if not path.exists():
        weeks = "0.08" if smoke else str(years)
        subprocess.run(
            [
                PY,
                "-m",
                "evenside",
                "demo-db",
                str(path),
                "--years",
                weeks,
                "--sessions-per-week",
                "5",
            ],
            check=True,
            capture_output=True,
        )
    return path


def sets_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM sets").fetchone()[0])


def process_time(args: list[str], marker: str) -> float:
    start = time.time()
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    stamp = next(float(line.split()[1]) for line in out.splitlines() if line.startswith(marker))
    return (stamp - start) * 1000


def process_value(args: list[str], key: str) -> float:
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    return next(float(line.split()[1]) for line in out.splitlines() if line.startswith(key))


def whole_process(db: Path, repeats: int) -> list[Figure]:
    env_ready = {**os.environ, "EVENSIDE_EXIT_WHEN_READY": "1"}
    ours = median(
        lambda: _with_env(
            env_ready, lambda: process_time([PY, "-m", "evenside", "--db", str(db)], "ready")
        ),
        repeats,
    )
    floor = median(
        lambda: process_time([PY, str(HERE / "floors.py"), "window", str(db)], "ready"), repeats
    )
    paint = median(
        lambda: process_time([PY, str(HERE / "probe.py"), "paint", str(db)], "painted"), repeats
    )
    bare_paint = median(
        lambda: process_time([PY, str(HERE / "floors.py"), "paint"], "painted"), repeats
    )
    out = subprocess.run(
        [PY, str(HERE / "probe.py"), "memory", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    points = int(next(line.split()[1] for line in out.splitlines() if line.startswith("points")))
    memory = (
        float(next(line.split()[1] for line in out.splitlines() if line.startswith("maxrss")))
        / 1024
    )
    bare_memory = (
        process_value([PY, str(HERE / "floors.py"), "plot-memory", str(db), str(points)], "maxrss")
        / 1024
    )
    return [
        Figure("cold start to the Session page", ours, floor, 1.3),
        Figure("first window paint", paint, bare_paint, 2.0),
        Figure("peak memory, Progress page open", memory, bare_memory, 1.3, "MB"),
    ]


def _with_env(env: dict[str, str], fn: Callable[[], float]) -> float:
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return fn()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def in_process(db: Path, repeats: int, work: Path) -> list[Figure]:
    from evenside.domain.sides import Side
    from evenside.domain.training import SetRecord
    from evenside.services import library, profiles, progress, workout
    from evenside.services.store import open_store

    copy = work / "copy.sqlite3"
    shutil.copy(db, copy)
    store = open_store(copy)
    profile = profiles.current_profile(store)
    assert profile is not None
    exercise = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, exercise.id)
    record = SetRecord(Side.LEFT, 20.0, 8)
    log = median(lambda: timed(lambda: workout.log_set(store, se_id, record)), repeats * 20)
    raw = sqlite3.connect(copy, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        raw.execute(f"PRAGMA {pragma}")

    def raw_insert() -> None:
        raw.execute("BEGIN")
        raw.execute(
            "INSERT INTO sets (session_exercise_id, position, side, weight_kg, reps, kind,"
            " logged_at)"
            " VALUES (?, 999, 'left', 20.0, 8, 'working', '2026-01-01 10:00:00')",
            (se_id,),
        )
        raw.execute("COMMIT")

    raw_log = median(lambda: timed(raw_insert), repeats * 20)
    series_sql = """
        SELECT se.exercise_id, s.id, s.started_at, t.side, t.reps, max(t.weight_kg),
               max(t.duration_seconds)
        FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
        JOIN sessions s ON s.id = se.session_id
        WHERE s.profile_id = ? AND t.kind != 'warm-up' AND se.exercise_id = ?
        GROUP BY se.exercise_id, s.id, t.side, t.reps ORDER BY s.started_at"""
    series = median(
        lambda: timed(lambda: progress.exercise_progress(store, profile.id, exercise.id)), repeats
    )
    series_floor = median(
        lambda: timed(lambda: raw.execute(series_sql, (profile.id, exercise.id)).fetchall()),
        repeats,
    )
    overview_sql = """
        SELECT se.exercise_id, s.id, s.started_at, t.side, t.reps, max(t.weight_kg),
               max(t.duration_seconds)
        FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id
        JOIN sessions s ON s.id = se.session_id
        JOIN (SELECT se2.exercise_id AS exercise_id, max(s2.started_at) AS latest
              FROM session_exercises se2 JOIN sessions s2 ON s2.id = se2.session_id
              WHERE s2.profile_id = ? GROUP BY se2.exercise_id) latest
          ON latest.exercise_id = se.exercise_id
         AND s.started_at >= datetime(latest.latest, '-84 days')
        WHERE s.profile_id = ? AND t.kind != 'warm-up' AND t.side != 'both'
        GROUP BY se.exercise_id, s.id, t.side, t.reps ORDER BY s.started_at"""
    overview = median(lambda: timed(lambda: progress.overview(store, profile.id)), repeats)
    overview_floor = median(
        lambda: timed(lambda: raw.execute(overview_sql, (profile.id, profile.id)).fetchall()),
        repeats,
    )
    raw.close()
    store.close()
    return [
        Figure("log one set (service call to committed)", log, raw_log, 1.5),
        Figure("one exercise's progress series", series, series_floor, 1.5),
        Figure("overview of all exercises", overview, overview_floor, 2.0),
    ]


STRONG_HEADER = ("Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                 "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE")  # fmt: skip
NAMES = ("Bulgarian Split Squat (Left)", "Bulgarian Split Squat (Right)", "Bench Press (Barbell)",
         "One Arm Dumbbell Row", "Squat (Barbell)")  # fmt: skip


def strong_csv(path: Path, rows: int) -> None:
    """A Strong export of ``rows`` sets: 20 sets a workout, one workout a day."""
    from datetime import datetime, timedelta

    first = datetime(2016, 1, 4, 7, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(STRONG_HEADER)
        for i in range(rows):
            day = first + timedelta(days=i // 20)
            writer.writerow(
                [day.strftime("%Y-%m-%d %H:%M:%S"), f"Workout {i // 20}", "1h 5m", NAMES[i % 5],
                 str(1 + i % 4), "60", "8", "0", "0", "", "", "8"]
            )  # fmt: skip


def import_figures(repeats: int, work: Path, rows: int) -> list[Figure]:
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.services import profiles, transfer
    from evenside.services.store import open_store

    source = work / "strong.csv"
    strong_csv(source, rows)

    def read_only() -> float:
        def go() -> None:
            with source.open(newline="", encoding="utf-8") as handle:
                for _row in csv.reader(handle):
                    pass

        return timed(go)

    floor = median(read_only, repeats)
    parse = median(lambda: timed(lambda: transfer.read_import(source, unit=Unit.KG)), repeats)

    def full() -> float:
        target = Path(tempfile.mkdtemp(dir=work)) / "import.sqlite3"
        store = open_store(target)
        profile = profiles.create_profile(store, "Bench", Side.RIGHT, Unit.KG)
        start = time.perf_counter()
        parsed = transfer.read_import(source, unit=Unit.KG)
        transfer.commit_import(
            store, profile.id, parsed, transfer.default_mapping(transfer.suggestions(store, parsed))
        )
        elapsed = (time.perf_counter() - start) * 1000
        store.close()
        return elapsed

    whole = median(full, repeats)
    return [
        Figure(f"import a Strong CSV of {rows:,} rows (read, check, write)", whole, floor, 4.0),
        Figure("  of which reading and checking only", parse, floor, None),
    ]


def import_memory_figures(rows: int, work: Path) -> list[Figure]:
    """Peak memory of a whole import (read, check, write) in a fresh process, beside the file."""
    sys.path.insert(0, str(HERE))
    from import_memory import measure

    found = measure(rows, work)
    return [
        Figure(
            f"peak memory importing a Strong CSV of {rows:,} rows (floor: the file)",
            found["peak_bytes"] / 1e6,
            found["file_bytes"] / 1e6,
            3.0,
            "MB",
        )
    ]


def absolute(db: Path, repeats: int, work: Path) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from evenside.domain.generator import GeneratorChoice
    from evenside.domain.routines import EQUIPMENT
    from evenside.gui.main_window import MainWindow
    from evenside.gui.pages.progress import ProgressPage
    from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
    from evenside.services import profiles, routines
    from evenside.services.sheets import routine_sheet
    from evenside.services.store import open_store

    app = QApplication.instance() or QApplication([])
    copy = work / "abs.sqlite3"
    shutil.copy(db, copy)
    store = open_store(copy)
    profile = profiles.current_profile(store)
    assert profile is not None
    routines.generate_routine(
        store, profile.id, "Bench routine", GeneratorChoice(2, 60, frozenset(EQUIPMENT))
    )
    sheet = routine_sheet(store, profile.id, "Bench routine", day=1)
    pdf = work / "sheet.pdf"
    layout_pages = write_pdf(sheet, pdf, PageSetup("a4")).pages
    render = median(lambda: timed(lambda: write_pdf(sheet, pdf, PageSetup("a4"))), repeats)
    window = MainWindow(store)
    page = window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    rows = page.exercise_list.count()

    def redraw() -> float:
        row = (page.exercise_list.currentRow() + 1) % rows
        return timed(lambda: (page.exercise_list.setCurrentRow(row), app.processEvents()))

    chart = median(redraw, repeats * 3)
    window.deleteLater()
    app.processEvents()
    store.close()
    return [
        Figure(
            f"render a routine sheet PDF ({layout_pages} pages)",
            render,
            render,
            None,
            note="absolute",
        ),
        Figure("chart redraw after an exercise change", chart, chart, None, note="absolute"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny database, one run each")
    args = parser.parse_args()
    repeats = 1 if args.smoke else 5
    sizes = [0.0] if args.smoke else [1.0, 10.0]
    sections = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for years in sizes:
            db = database(years, args.smoke)
            label = "tiny" if args.smoke else f"{years:g} year{'s' if years != 1 else ''}"
            figures = (
                whole_process(db, repeats)
                + in_process(db, repeats, work)
                + absolute(db, repeats, work)
            )
            sections.append((f"{label}: {sets_in(db):,} sets", figures))
        sections.append(("import", import_figures(repeats, work, 1000 if args.smoke else 10_000)))
        sections.append(
            ("import memory", import_memory_figures(2000 if args.smoke else 1_000_000, work))
        )
    lines = ["| what | Evenside | floor | ratio | target | |", "|---|---|---|---|---|---|"]
    out = []
    for title, figures in sections:
        out.append(f"\n### {title}\n")
        out += lines + [f.row() for f in figures]
    table = "\n".join(out)
    print(table)
    if not args.smoke:
        readme = HERE / "README.md"
        text = readme.read_text("utf-8") if readme.exists() else ""
        start, end = "<!-- results -->", "<!-- /results -->"
        if start in text:
            text = (
                text[: text.index(start) + len(start)]
                + "\n"
                + table
                + "\n"
                + text[text.index(end) :]
            )
            readme.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
