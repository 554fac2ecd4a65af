"""Command line: opens the window, or runs a headless command.

Known errors print one line to stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from evenside import __version__
from evenside.domain.errors import EvensideError, NotFound
from evenside.paths import demo_database, resolve_database

if TYPE_CHECKING:
    from evenside.services.store import Store

EXIT_KNOWN_ERROR = 2
WEEKS_PER_YEAR = 52


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo_db = commands.add_parser(
        "demo-db", help="write a demo database to PATH without opening a window"
    )
    demo_db.add_argument("path", metavar="PATH")
    demo_db.add_argument("--years", type=float, default=0.75, metavar="N")
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
    printing.add_argument("--profile", metavar="NAME", help="profile (default: the current one)")
    return parser


def _open(args: argparse.Namespace) -> Store:
    from evenside.services.store import open_store

    path = resolve_database(args.db)
    if not path.exists():
        raise NotFound(f"No database at {path}; start Evenside once or pass --db.")
    return open_store(path)


def _profile_id(store: Store, name: str | None) -> int:
    from evenside.services import profiles

    if name is None:
        current = profiles.current_profile(store)
        if current is None:
            raise NotFound("The database has no profile yet.")
        return current.id
    for profile in profiles.list_profiles(store):
        if profile.name.lower() == name.lower():
            return profile.id
    raise NotFound(f'No profile called "{name}".')


def print_sheet(args: argparse.Namespace) -> str:
    """Write the routine sheet PDF headless (Qt's offscreen platform, no display needed)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
    from evenside.services.sheets import routine_sheet

    store = _open(args)
    try:
        sheet = routine_sheet(
            store, _profile_id(store, args.profile), args.routine, day=args.day, weeks=args.weeks
        )
    finally:
        store.close()
    target = Path(args.pdf).expanduser()
    if not target.parent.is_dir():
        raise NotFound(f"The folder {target.parent} does not exist.")
    app = QGuiApplication.instance() or QGuiApplication(["evenside"])
    try:
        layout = write_pdf(sheet, target, PageSetup(args.paper, args.landscape))
    finally:
        # Tear Qt down now rather than in the interpreter's final garbage collection,
        # where the bindings can crash (seen with PySide6 6.12).
        app.shutdown()
    return f"{target}: {layout.pages} page(s), {len(layout.blocks)} exercises"


def _weeks(years: float | None, default_weeks: int = 39) -> int:
    return default_weeks if years is None else max(1, round(years * WEEKS_PER_YEAR))


def make_demo_database(path: Path, years: float | None, sessions_per_week: int = 4) -> str:
    from evenside.domain.errors import InvalidInput
    from evenside.services.demo import fill_demo
    from evenside.services.store import open_store

    if path.exists():
        raise InvalidInput(f"{path} already exists; choose a new file for the demo data.")
    store = open_store(path)
    try:
        summary = fill_demo(store, weeks=_weeks(years), sessions_per_week=sessions_per_week)
    finally:
        store.close()
    return (
        f"{path}: {summary.sessions} sessions, {summary.sets} sets, {summary.exercises} exercises"
    )


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "demo-db":
            print(make_demo_database(Path(args.path), args.years, args.sessions_per_week))
            return 0
        if args.command == "print":
            print(print_sheet(args))
            return 0
        path = Path(args.db).expanduser() if args.db and args.demo else None
        if args.demo:
            path = path or demo_database()
            if not path.exists():
                print(make_demo_database(path, args.years), file=sys.stderr)
        else:
            path = resolve_database(args.db)
        from evenside.gui.app import run

        return run(path)
    except EvensideError as exc:
        print(f"evenside: {exc}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
