"""Command line: opens the window, or runs a headless command.

Known errors print one line to stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from evenside import __version__
from evenside.domain.errors import EvensideError
from evenside.paths import demo_database, resolve_database

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
    return parser


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
