"""`evenside init` and `evenside import`: a database and profile without the window, and
an import that says what it read, where each name went and what it added (or would add)."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evenside.cli.common import check_database_location, open_existing
from evenside.cli.common import profile_id as find_profile
from evenside.domain.errors import InvalidInput
from evenside.domain.wording import counted

if TYPE_CHECKING:  # the parsers load with the command that reads a file, not at start-up
    from evenside.domain.imports import ParsedImport

SCREEN_LINES = 12  # names and skipped rows shown before "… and N more"


def add_init_parser(commands: argparse._SubParsersAction[Any]) -> None:
    init = commands.add_parser("init", help="create a database (if needed) and a profile")
    init.add_argument("--profile", metavar="NAME", default="Me", help="profile name (Me)")
    init.add_argument("--dominant", choices=("left", "right"), default="right")
    init.add_argument("--unit", choices=("kg", "lb"), default="kg")


def init_database(args: argparse.Namespace) -> str:
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.paths import resolve_database
    from evenside.services import profiles
    from evenside.services.store import open_store

    path = resolve_database(args.db)
    check_database_location(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    store = open_store(path)
    try:
        if any(p.name.casefold() == args.profile.casefold() for p in profiles.list_profiles(store)):
            raise InvalidInput(f'{path} already has a profile called "{args.profile}".')
        profile = profiles.create_profile(store, args.profile, Side(args.dominant), Unit(args.unit))
    finally:
        store.close()
    made = "opened" if existed else "created"
    return (
        f'{path}: {made}; profile "{profile.name}" (dominant side {args.dominant}, '
        f"weights in {args.unit})"
    )


def _nothing_kept(parsed: ParsedImport) -> bool:
    """No set and no note: a day's comment kept on its own is something imported."""
    notes = parsed.kept_as_notes or any(s.notes for s in parsed.sessions)
    return parsed.sets == 0 and not notes


def import_file(args: argparse.Namespace) -> tuple[str, int]:
    """The summary to print, and the exit status (2 when a file with rows yields no set)."""
    from evenside.services import transfer

    store, scratch = _store_for(args)
    try:
        profile_id = _profile_for(store, args, scratch is not None)
        parsed, read_as, warning = _read(store, profile_id, args)
        found = transfer.suggestions(store, parsed)
        mapping = transfer.default_mapping(found)
        result = transfer.commit_import(
            store, profile_id, parsed, mapping, dry_run=args.dry_run or scratch is not None
        )
    finally:
        store.close()
        if scratch is not None:
            scratch.cleanup()
    summary = _summary(parsed, found, result, read_as, warning)
    status = 2 if parsed.rows_read > 0 and _nothing_kept(parsed) else 0
    text = json.dumps(summary, indent=2, ensure_ascii=False) if args.json else _text(summary)
    return text, status


def _read(store: Any, profile_id: int, args: argparse.Namespace) -> tuple[Any, str | None, str]:
    """The parsed file, the unit its weights were read in when the file does not say (the
    one given with --unit, else the profile's), and a warning when they look like the
    other unit. Without --unit such a file is refused: nothing is guessed silently."""
    from evenside.domain.import_units import unit_warning
    from evenside.domain.units import Unit
    from evenside.services import profiles, transfer

    path = Path(args.file).expanduser()
    given = None if args.unit is None else Unit(args.unit)
    try:
        parsed = transfer.read_import(path, format=args.format, unit=given)
        assumed = given
    except InvalidInput as exc:
        if exc.field != "unit":
            raise
        assumed = profiles.get_profile(store, profile_id).unit
        parsed = transfer.read_import(path, format=args.format, unit=assumed)
        parsed.unit_note = f"the file does not say; read as {assumed.value} (the profile's unit)"
    read_as = None if not parsed.unit_note or assumed is None else assumed.value
    warning = unit_warning(parsed, read_as)
    if warning and args.unit is None:
        raise InvalidInput(
            f"{warning} Nothing was imported; say the unit with --unit lb or --unit kg."
        )
    return parsed, read_as, warning


def _store_for(args: argparse.Namespace) -> tuple[Any, tempfile.TemporaryDirectory[str] | None]:
    """The database; for a dry run with no database yet, a scratch one (nothing is kept)."""
    from evenside.paths import resolve_database
    from evenside.services import profiles
    from evenside.services.store import open_store

    path = resolve_database(args.db)
    if args.dry_run and path.exists():
        store = open_existing(args)
        if profiles.list_profiles(store):
            return store, None
        store.close()
    if args.dry_run:  # no database or no profile yet: what a fresh one would get
        scratch = tempfile.TemporaryDirectory(prefix="evenside-dry-run-")
        return open_store(Path(scratch.name) / "dry-run.sqlite3"), scratch
    return open_existing(args), None


def _profile_for(store: Any, args: argparse.Namespace, scratch: bool) -> int:
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.services import profiles

    if scratch:
        return profiles.create_profile(store, "Dry run", Side.RIGHT, Unit.KG).id
    return find_profile(store, args.profile)


def _summary(
    parsed: Any, found: list[Any], result: Any, read_as: str | None, warning: str
) -> dict[str, Any]:
    exercises = [
        {
            "name": s.imported,
            "exercise": s.best.name if s.best else s.imported,
            "new": s.best is None,
            "one_sided": s.unilateral,
            "reason": s.reason,
        }
        for s in found
    ]
    return {
        "format": parsed.format,
        "layout": parsed.layout,
        "rows_read": parsed.rows_read,
        "sessions": result.sessions_added,
        "sessions_extended": result.sessions_extended,
        "sessions_already_there": result.duplicates,
        "sets": result.sets_added,
        "sets_already_there": result.sets_already_there,
        "skipped": [{"line": s.line, "reason": s.reason} for s in parsed.skipped],
        "sides_unrecorded": result.sides_unrecorded,
        "mapped": sum(1 for s in found if s.best is not None),
        "created": result.exercises_created,
        "exercises": exercises,
        "unit": read_as,
        "unit_note": parsed.unit_note or "the file says its unit",
        "unit_warning": warning,
        "dry_run": result.dry_run,
    }


def _text(summary: dict[str, Any]) -> str:
    layout = f" ({summary['layout']})" if summary["layout"] else ""
    verb = "would add" if summary["dry_run"] else "added"
    lines = [
        f"{summary['format']}{layout}: {summary['rows_read']} rows read, "
        f"{len(summary['skipped'])} skipped; units: {summary['unit_note']}",
        f"{verb} {counted(summary['sessions'], 'new session')} and "
        f"{counted(summary['sets'], 'set')}; "
        f"{counted(summary['sessions_extended'], 'session')} got missing sets; "
        f"{counted(summary['sets_already_there'], 'set')} already there",
        f"exercises: {summary['mapped']} mapped to existing ones, {summary['created']} new",
    ]
    if summary["unit_warning"]:
        lines.append(f"warning: {summary['unit_warning']}")
    if summary["sides_unrecorded"]:
        lines.append(
            f"{counted(summary['sides_unrecorded'], 'one-sided set')} without a side: kept as "
            "'sides not recorded' (volume only, never a side)"
        )
    for item in summary["exercises"][:SCREEN_LINES]:
        target = f"new: {item['exercise']}" if item["new"] else item["exercise"]
        lines.append(f"  {item['name']} -> {target} ({item['reason']})")
    lines += _more(len(summary["exercises"]), "names")
    for skipped in summary["skipped"][:SCREEN_LINES]:
        lines.append(f"  line {skipped['line']}: skipped, {skipped['reason']}")
    lines += _more(len(summary["skipped"]), "skipped rows")
    return "\n".join(lines)


def _more(total: int, what: str) -> list[str]:
    extra = total - SCREEN_LINES
    return [f"  … and {extra} more {what} (--json lists them all)"] if extra > 0 else []
