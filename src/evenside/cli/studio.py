"""`evenside studio`: set a PostgreSQL server up for a team of trainers, add trainers, and
share a client with another trainer.

Passwords are typed at a prompt (twice), or given on standard input with
``--password-stdin`` for scripts; they are never written to a file, an argument or the
environment. Trainers then sign in with the standard ``PGPASSFILE`` (~/.pgpass) or their
server's other means; Evenside stores no password.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from evenside.domain.errors import InvalidInput
from evenside.paths import is_server_url, resolve_location

if TYPE_CHECKING:
    from pathlib import Path

    from evenside.cli import OneLineParser
    from evenside.services.store import Store

MIN_PASSWORD = 8


def add_studio_parser(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    studio = commands.add_parser(
        "studio",
        help="a team of trainers on a PostgreSQL server (init, add-trainer, add-client, share)",
    )
    steps = studio.add_subparsers(dest="studio_command", metavar="STEP", required=True)
    init = steps.add_parser(
        "init", help="make the schema, the access rules and the first head trainer on URL"
    )
    init.add_argument("url", metavar="URL", help="postgresql+psycopg://OWNER@HOST/DATABASE")
    init.add_argument("--head", default="head_trainer", metavar="NAME", help="head trainer")
    init.add_argument("--password-stdin", action="store_true", help="read the password")
    trainer = steps.add_parser("add-trainer", help="add a trainer (a server login) via --db")
    trainer.add_argument("name", metavar="NAME")
    trainer.add_argument("--head", action="store_true", help="a head trainer: sees every client")
    trainer.add_argument("--password-stdin", action="store_true", help="read the password")
    share = steps.add_parser("share", help="let TRAINER see and log CLIENT's training too")
    share.add_argument("client", metavar="CLIENT", help="the client's profile name")
    share.add_argument("trainer", metavar="TRAINER")
    client = steps.add_parser("add-client", help="add a client (a profile) owned by you")
    client.add_argument("name", metavar="NAME")
    client.add_argument("--dominant", choices=("left", "right"), default="right")
    client.add_argument("--unit", choices=("kg", "lb"), default="kg")
    steps.add_parser("access", help="list which trainer sees which client")


def add_copy_parser(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    copying = commands.add_parser(
        "copy", help="copy a whole history from SRC to DST (files or postgresql+psycopg://)"
    )
    copying.add_argument("source", metavar="SRC", help="a database file or a server address")
    copying.add_argument("target", metavar="DST", help="a new file or an empty server database")
    copying.add_argument(
        "--merge",
        action="store_true",
        help="DST may hold a history: add what it lacks, never duplicate or overwrite",
    )


def run_copy(args: argparse.Namespace) -> str:
    from evenside.paths import location
    from evenside.services.copying import copy_history

    if args.merge:
        return _merged(location(args.source), location(args.target))
    counts = copy_history(location(args.source), location(args.target))
    rows = sum(c.target for c in counts)
    skipped = [c.table for c in counts if c.skipped]
    lines = [f"copied {rows} rows; every table has the same count on both sides:"]
    lines += [f"  {c.table}: {c.source} -> {c.target}" for c in counts if c.source]
    if skipped:
        lines.append(
            f"  {', '.join(skipped)}: not copied (this login may not read it); the clients "
            "copied are those this login sees"
        )
    return "\n".join(lines)


def _merged(source: Path | str, target: Path | str) -> str:
    from evenside.services.copying import merge_history

    report = merge_history(source, target)
    copied = sum(c.copied for c in report.counts)
    there = sum(c.already_there for c in report.counts)
    clashes = sum(c.conflicts for c in report.counts)
    lines = [
        f"merged {report.source} into {report.target}: {copied} rows copied, {there} already "
        f"there, {clashes} conflicts (left as they are in the target)",
        "  table: copied / already there / conflicts",
    ]
    lines += [
        f"  {c.table}: {c.copied} / {c.already_there} / {c.conflicts}"
        for c in report.counts
        if c.copied or c.already_there or c.conflicts
    ]
    lines += [
        f"  {c.table}: {c.not_merged} not merged (this login may not write them there)"
        for c in report.counts
        if c.not_merged
    ]
    if report.conflicts:
        lines.append("sets logged differently on both sides (the target's kept):")
        lines += [
            f"  {c.where}: target {c.target_value}; source {c.source_value}"
            for c in report.conflicts
        ]
        if clashes > len(report.conflicts):
            lines.append(f"  ... and {clashes - len(report.conflicts)} more")
    return "\n".join(lines)


def run_studio(args: argparse.Namespace) -> str:
    from evenside.services import studio
    from evenside.services.store import open_store

    url = args.url if args.studio_command == "init" else _server(args)
    if args.studio_command in ("init", "add-trainer"):
        name = args.head if args.studio_command == "init" else args.name
        password = _password(name, args.password_stdin)
    store: Store = open_store(url)
    try:
        if args.studio_command == "init":
            return _init(store, args.head, password)
        if args.studio_command == "add-trainer":
            studio.add_trainer(store, args.name, password, head=args.head)
            return f"trainer {args.name} added{' (head trainer)' if args.head else ''}"
        if args.studio_command == "share":
            studio.share_client(store, args.client, args.trainer)
            return f"{args.trainer} now sees {args.client}"
        if args.studio_command == "add-client":
            return _add_client(store, args)
        rows = studio.who_sees_what(store)
        return (
            "\n".join(f"{a.client}: {a.trainer}{' (owner)' if a.owner else ''}" for a in rows)
            or "no clients yet"
        )
    finally:
        store.close()


def _init(store: Store, head: str, password: str) -> str:
    """Make the studio; on one already, say so: a second init adds one more head trainer
    (the way back in for the database's owner who lost the head trainers' passwords)."""
    from urllib.parse import unquote

    from evenside.services import studio

    shown = unquote(store.server or "")  # host=/run/postgresql, not host=%2Frun%2F...
    if studio.init_studio(store, head, password):
        return (
            f"already a studio on {shown}; its access rules were brought up to date and "
            f"{head} added as one more head trainer"
        )
    return f"studio ready on {shown}; head trainer {head} added"


def _add_client(store: Store, args: argparse.Namespace) -> str:
    from evenside.domain.sides import Side
    from evenside.domain.units import Unit
    from evenside.services import profiles

    profiles.create_profile(store, args.name, Side(args.dominant), Unit(args.unit))
    return f"client {args.name} added; you own their training record"


def _server(args: argparse.Namespace) -> str:
    location = resolve_location(args.db)
    if not is_server_url(location):
        raise InvalidInput(
            "studio commands need the server: --db postgresql+psycopg://... or EVENSIDE_DB."
        )
    return str(location)


def _password(name: str, from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty():
        try:
            password = getpass.getpass(f"Password for {name}: ")
            again = getpass.getpass("Again: ")
        except EOFError:  # Ctrl-D at the prompt
            raise InvalidInput("No password was typed; nothing was changed.") from None
        if again != password:
            raise InvalidInput("The two passwords differ; nothing was changed.")
    else:
        raise InvalidInput("No terminal to ask the password at: give it with --password-stdin.")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"A password needs at least {MIN_PASSWORD} characters.")
    return password


def password_hint(exc: Exception) -> str:
    """For a server that wants a password the command line was not given: where it is read
    from (the command line never prompts for a trainer's own password, nor keeps it)."""
    from evenside.domain.errors import ServerUnreachable
    from evenside.services.studio_link import keyring_available

    if not isinstance(exc, ServerUnreachable) or "password" not in str(exc).lower():
        return ""
    window = "the window asks for it" + (
        " and can keep it in the system keyring"
        if keyring_available()
        else " (pip install 'evenside[studio]' lets it keep the password in the system keyring)"
    )
    stop = " " if str(exc).rstrip().endswith(".") else ". "  # one full stop, never two
    return (
        f"{stop}The command line reads the password from PGPASSFILE (default ~/.pgpass, a "
        f"line HOST:PORT:DATABASE:TRAINER:PASSWORD, chmod 600); {window}."
    )
