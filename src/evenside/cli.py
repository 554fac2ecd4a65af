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
from evenside.domain.errors import EvensideError, InvalidInput, NotFound
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
    parser.add_argument(
        "--self-test",
        metavar="FOLDER",
        help="check an installation: make a database in FOLDER, log a set, print a sheet",
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
    importing = commands.add_parser("import", help="bring history in from a CSV export")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--format", choices=("strong", "hevy", "fitnotes", "evenside"))
    importing.add_argument("--unit", choices=("kg", "lb"), help="unit of a file that has none")
    importing.add_argument("--profile", metavar="NAME")
    importing.add_argument(
        "--dry-run", action="store_true", help="report what would be imported; write nothing"
    )
    exporting = commands.add_parser("export", help="write every set to a CSV file")
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument("--format", choices=("evenside", "strong"), default="evenside")
    exporting.add_argument("--profile", metavar="NAME")
    backup = commands.add_parser("backup", help="copy the database to PATH (a file or folder)")
    backup.add_argument("path", metavar="PATH")
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)"
    )
    restore.add_argument("path", metavar="PATH")
    _add_report_parser(commands)
    return parser


def _add_report_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report", help="print the weak-side verdict of every exercise with one-sided work"
    )
    report.add_argument("--exercise", metavar="NAME", help="only this exercise (library name)")
    report.add_argument("--since", metavar="DATE", help="only sessions on or after YYYY-MM-DD")
    report.add_argument("--json", action="store_true", help="a JSON list, one object each")
    report.add_argument("--profile", metavar="NAME")


def weak_side_report(args: argparse.Namespace) -> str:
    """The verdicts in plain words, or as JSON with fixed keys other tools rely on."""
    import json
    from datetime import date, datetime

    from evenside.services import verdicts

    since = None
    if args.since is not None:
        try:
            since = datetime.combine(date.fromisoformat(args.since), datetime.min.time())
        except ValueError:
            raise InvalidInput(f'"{args.since}" is not a date like 2026-06-02.') from None
    store = _open(args)
    try:
        found = verdicts.all_verdicts(
            store, _profile_id(store, args.profile), exercise_name=args.exercise, since=since
        )
    finally:
        store.close()
    if args.json:
        return json.dumps([_report_entry(v) for v in found], indent=2)
    if not found:
        return "No one-sided work logged yet."
    return "\n".join(f"{v.exercise.name}: {v.sentence}" for v in found)


def _report_entry(judged: object) -> dict[str, object]:
    from evenside.services.verdicts import ExerciseVerdict

    assert isinstance(judged, ExerciseVerdict)
    verdict = judged.verdict
    weaker = verdict.weaker
    gap = verdict.gap_percent
    return {
        "exercise": judged.exercise.name,
        "weaker": None if weaker is None else weaker.value,
        "gap_percent": None if gap is None else round(gap, 1),
        "beyond_noise": verdict.beyond_noise,
        "measured": verdict.measured,
        "score": verdict.score_label or None,
        "sessions": verdict.sessions,
        "sentence": judged.sentence,
    }


def import_file(args: argparse.Namespace) -> str:
    from evenside.domain.units import Unit
    from evenside.services import transfer

    store = _open(args)
    try:
        parsed = transfer.read_import(
            Path(args.file).expanduser(),
            format=args.format,
            unit=None if args.unit is None else Unit(args.unit),
        )
        profile_id = _profile_id(store, args.profile)
        found = transfer.suggestions(store, parsed)
        mapping = transfer.default_mapping(found)
        lines = [
            f"{parsed.format}: {parsed.rows_read} rows read, {parsed.rows_imported} to import, "
            f"{len(parsed.skipped)} skipped; {len(parsed.sessions)} sessions, {parsed.sets} sets"
        ]
        if parsed.date_range:
            lines.append(f"dates {parsed.date_range[0]} to {parsed.date_range[1]}")
        for skipped in parsed.skipped:
            lines.append(f"  line {skipped.line}: skipped, {skipped.reason}")
        for suggestion in found:
            target = suggestion.best.name if suggestion.best else "new custom exercise"
            lines.append(f"  {suggestion.imported} -> {target}")
        if args.dry_run:
            return "\n".join(lines)
        result = transfer.commit_import(store, profile_id, parsed, mapping)
        lines.append(
            f"imported {result.sessions_added} sessions ({result.sets_added} sets); "
            f"{result.duplicates} already there; {result.exercises_created} exercises created"
        )
        return "\n".join(lines)
    finally:
        store.close()


def export_file(args: argparse.Namespace) -> str:
    from evenside.services import profiles, transfer

    target = Path(args.file).expanduser()
    if not target.parent.is_dir():
        raise NotFound(f"The folder {target.parent} does not exist.")
    store = _open(args)
    try:
        profile_id = _profile_id(store, args.profile)
        if args.format == "strong":
            unit = profiles.get_profile(store, profile_id).unit
            count = transfer.export_strong(store, profile_id, target, unit)
        else:
            count = transfer.export_evenside(store, profile_id, target)
    finally:
        store.close()
    return f"{target}: {count} sets"


def backup_database(args: argparse.Namespace) -> str:
    from evenside.services import backups

    store = _open(args)
    try:
        return str(backups.back_up(store, Path(args.path).expanduser()))
    finally:
        store.close()


def restore_database(args: argparse.Namespace) -> str:
    from evenside.services import backups

    store = _open(args)
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
        f"{len(exercises)} exercises in the library, sheet of {layout.pages} page(s)"
    )


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
    from evenside.gui.printing.headless import write_pdf_headless
    from evenside.gui.printing.sheet_renderer import PageSetup
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
    layout = write_pdf_headless(sheet, target, PageSetup(args.paper, args.landscape))
    return f"{target}: {layout.pages} page(s), {len(layout.blocks)} exercises"


def _weeks(years: float | None, default_weeks: int = 39) -> int:
    return default_weeks if years is None else max(1, round(years * WEEKS_PER_YEAR))


def make_demo_database(path: Path, years: float | None, sessions_per_week: int = 4) -> str:
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
        if args.self_test:
            print(self_test(Path(args.self_test).expanduser()))
            return 0
        if args.command == "demo-db":
            print(make_demo_database(Path(args.path), args.years, args.sessions_per_week))
            return 0
        headless = {
            "print": print_sheet,
            "import": import_file,
            "export": export_file,
            "backup": backup_database,
            "restore": restore_database,
            "report": weak_side_report,
        }
        if args.command in headless:
            print(headless[args.command](args))
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
