"""Command line: opens the window, or runs a headless command.

Known errors print one line to stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from evenside import __version__
from evenside.cli.common import check_database_location, open_existing
from evenside.cli.common import profile_id as find_profile
from evenside.cli.importing import add_init_parser, import_file, init_database
from evenside.cli.report import add_report_parser, weak_side_report
from evenside.cli.routine import add_routine_parser, run_routine
from evenside.cli.studio import (
    add_copy_parser,
    add_studio_parser,
    password_hint,
    run_copy,
    run_studio,
)
from evenside.domain.errors import EvensideError, InvalidInput
from evenside.domain.wording import counted
from evenside.paths import demo_database, resolve_database, resolve_location

EXIT_KNOWN_ERROR = 2
FORMATS = ("strong", "hevy", "fitnotes", "jefit", "evenside")
WEEKS_PER_YEAR = 52
MOST_DEMO_YEARS = 20  # more is no demo: generating it would take minutes and gigabytes


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are one line too, like every other known error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_KNOWN_ERROR, f"evenside: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="evenside",
        description="Workout tracker for training out a muscle imbalance: log each side, "
        "start with the weaker one, stretch after each exercise.",
    )
    parser.add_argument("--version", action="version", version=f"Evenside {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file to open (default: the EVENSIDE_DB variable, else the per-user "
        "data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo database (made on first use: nine months of sessions)",
    )
    parser.add_argument(
        "--years",
        type=float,
        metavar="N",
        help="with --demo or demo-db: how many years of history to generate",
    )
    parser.add_argument(
        "--self-test",
        metavar="FOLDER",
        help="check an installation: make a database in FOLDER, log a set, print a sheet",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_init_parser(commands)
    _add_sheet_and_demo_parsers(commands)
    _add_file_parsers(commands)
    add_report_parser(commands)
    add_routine_parser(commands)
    add_studio_parser(commands)
    add_copy_parser(commands)
    for command in commands.choices.values():  # --db after the command works too
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database")
    return parser


def _add_sheet_and_demo_parsers(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    demo_db = commands.add_parser(
        "demo-db", help="write a demo database to PATH without opening a window"
    )
    demo_db.add_argument("path", metavar="PATH")
    # SUPPRESS: when not given here, a --years before the command still counts (default 0.75)
    demo_db.add_argument("--years", type=float, default=argparse.SUPPRESS, metavar="N")
    demo_db.add_argument("--sessions-per-week", type=int, default=4, choices=(3, 4, 5), metavar="N")
    printing = commands.add_parser(
        "print", help="write a routine sheet to PDF without opening a window"
    )
    printing.add_argument("routine", metavar="ROUTINE", help="routine name (or id)")
    printing.add_argument("--day", type=int, metavar="N", help="only the N-th day (from 1)")
    printing.add_argument("--pdf", required=True, metavar="OUT.pdf", help="PDF file to write")
    printing.add_argument("--weeks", type=int, default=6, metavar="N", help="weeks to log (6)")
    printing.add_argument("--paper", choices=("a4", "letter"), default="a4")
    printing.add_argument("--landscape", action="store_true")
    printing.add_argument(
        "--layout",
        choices=("compact", "blocks"),
        default="compact",
        help="compact: a table, a day per page (default); blocks: one exercise per block",
    )
    printing.add_argument("--profile", metavar="NAME", help="profile (default: the current one)")


def _add_file_parsers(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    importing = commands.add_parser("import", help="bring history in from a CSV export")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--format", choices=FORMATS)
    importing.add_argument("--unit", choices=("kg", "lb"), help="unit of a file that has none")
    importing.add_argument("--profile", metavar="NAME")
    importing.add_argument(
        "--dry-run", action="store_true", help="report what would be imported; write nothing"
    )
    importing.add_argument("--json", action="store_true", help="the summary as JSON")
    exporting = commands.add_parser("export", help="write every set to a CSV file")
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument("--format", choices=("evenside", "strong"), default="evenside")
    exporting.add_argument("--profile", metavar="NAME")
    exporting.add_argument(
        "--replace", action="store_true", help="write over FILE if it exists (never by default)"
    )
    backup = commands.add_parser("backup", help="copy the database to PATH (a file or folder)")
    backup.add_argument("path", metavar="PATH")
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)"
    )
    restore.add_argument("path", metavar="PATH")


def export_file(args: argparse.Namespace) -> str:
    from evenside.interchange.file_targets import check_output_target
    from evenside.services import profiles, transfer

    target = Path(args.file).expanduser()
    check_output_target(target)  # refuse before reading anything
    if target.exists() and not args.replace:
        raise InvalidInput(
            f"{target} already exists; choose a new file, or pass --replace to write over it."
        )
    store = open_existing(args)
    try:
        profile_id = find_profile(store, args.profile)
        if args.format == "strong":
            unit = profiles.get_profile(store, profile_id).unit
            count = transfer.export_strong(store, profile_id, target, unit)
        else:
            count = transfer.export_evenside(store, profile_id, target)
    finally:
        store.close()
    return f"{target}: {counted(count, 'set')}"


def backup_database(args: argparse.Namespace) -> str:
    from evenside.services import backups

    store = open_existing(args)
    try:
        return str(backups.back_up(store, Path(args.path).expanduser()))
    finally:
        store.close()


def restore_database(args: argparse.Namespace) -> str:
    from evenside.services import backups

    store = open_existing(args)
    restored, safety = backups.restore(store, Path(args.path).expanduser())
    restored.close()
    return f"restored {args.path}; the database as it was is at {safety}"


def self_test(folder: Path) -> str:
    """What the bundle smoke test runs: every layer, resources and migrations included."""
    from evenside.domain.sides import Side
    from evenside.domain.training import SetRecord
    from evenside.domain.units import Unit
    from evenside.gui.printing.headless import write_pdf_headless
    from evenside.gui.printing.sheet_renderer import PageSetup
    from evenside.services import library, profiles, routines, workout
    from evenside.services.sheets import routine_sheet
    from evenside.services.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "self-test.sqlite3"
    if path.exists():
        raise InvalidInput(f"{path} already exists; give an empty folder.")
    store = open_store(path)
    try:
        profile = profiles.create_profile(store, "Self test", Side.RIGHT, Unit.KG)
        exercises = {e.name: e for e in library.all_exercises(store)}
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, exercises["Bulgarian split squat"].id)
        logged = workout.log_set(store, se_id, SetRecord(Side.LEFT, 20.0, 8))
        workout.finish_session(store, session.id)
        routine = routines.create_routine(store, profile.id, "Self test", "Day A")
        routines.add_item(store, routine.days[0].id, exercises["Bulgarian split squat"].id)
        sheet = routine_sheet(store, profile.id, "Self test")
    finally:
        store.close()
    layout = write_pdf_headless(sheet, folder / "self-test.pdf", PageSetup())
    return (
        f"self-test ok: database {path.name} at schema head, set {logged.id} logged, "
        f"{len(exercises)} exercises in the library, sheet of {counted(layout.pages, 'page')}"
    )


def demo_years(years: float | None) -> float | None:
    """--years as given, or one line saying why it cannot be."""
    if years is not None and not (math.isfinite(years) and 0 < years <= MOST_DEMO_YEARS):
        raise InvalidInput(
            f"--years must be a number of years above 0 and at most {MOST_DEMO_YEARS}, "
            f"not {years:g}."
        )
    return years


def print_sheet(args: argparse.Namespace) -> str:
    """Write the routine sheet PDF headless (Qt's offscreen platform, no display needed)."""
    from evenside.gui.printing.headless import write_pdf_headless
    from evenside.gui.printing.sheet_renderer import PageSetup
    from evenside.interchange.file_targets import check_output_target
    from evenside.services.sheets import routine_sheet

    target = Path(args.pdf).expanduser()
    check_output_target(target)  # refuse before any work
    store = open_existing(args)
    try:
        sheet = routine_sheet(
            store, find_profile(store, args.profile), args.routine, day=args.day, weeks=args.weeks
        )
    finally:
        store.close()
    setup = PageSetup(args.paper, args.landscape, args.layout)
    layout = write_pdf_headless(sheet, target, setup)
    exercises = sum(len(day.exercises) for day in sheet.days)
    return f"{target}: {counted(layout.pages, 'page')}, {counted(exercises, 'exercise')}"


def _weeks(years: float | None, default_weeks: int = 39) -> int:
    return default_weeks if years is None else max(1, round(years * WEEKS_PER_YEAR))


def make_demo_database(path: Path, years: float | None, sessions_per_week: int = 4) -> str:
    from evenside.services.demo import fill_demo
    from evenside.services.store import open_store

    demo_years(years)
    check_database_location(path)
    if path.exists() or path.is_symlink():
        raise InvalidInput(f"{path} already exists; choose a new file for the demo data.")
    store = open_store(path)
    try:
        summary = fill_demo(store, weeks=_weeks(years), sessions_per_week=sessions_per_week)
    finally:
        store.close()
    return (
        f"{path}: {summary.sessions} sessions, {summary.sets} sets, {summary.exercises} exercises"
    )


def _open_window(args: argparse.Namespace) -> int:
    """The window on a database file (made first for the demo) or a studio server."""
    from evenside.gui.app import run

    path = Path(args.db).expanduser() if args.db and args.demo else None
    if args.demo:
        path = path or demo_database()
        if not path.exists():
            print(make_demo_database(path, args.years), file=sys.stderr)
    else:
        location = resolve_location(args.db)
        if isinstance(location, str):  # a studio server (is_server_url)
            return run(location)
        path = resolve_database(args.db)
    check_database_location(path)
    return run(path)


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        demo_years(args.years)
        if args.self_test:
            print(self_test(Path(args.self_test).expanduser()))
            return 0
        if args.command == "demo-db":
            print(make_demo_database(Path(args.path), args.years, args.sessions_per_week))
            return 0
        if args.command == "import":
            text, status = import_file(args)
            print(text)
            if status:
                print(f"evenside: nothing in {args.file} could be imported", file=sys.stderr)
            return status
        headless = {
            "init": init_database,
            "print": print_sheet,
            "export": export_file,
            "backup": backup_database,
            "restore": restore_database,
            "report": weak_side_report,
            "routine": run_routine,
            "studio": run_studio,
            "copy": run_copy,
        }
        if args.command in headless:
            print(headless[args.command](args))
            return 0
        return _open_window(args)
    except EvensideError as exc:
        print(f"evenside: {exc}{password_hint(exc)}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
