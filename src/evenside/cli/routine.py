"""`evenside routine generate` saves a generated routine and prints what the balance checker
still finds (or that it finds nothing); `evenside routine list` lists routines with their
days."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from evenside.cli.common import open_existing, profile_id
from evenside.domain.wording import counted

if TYPE_CHECKING:
    from evenside.cli import OneLineParser

EQUIPMENT_CHOICES = ("full", "dumbbells", "bodyweight")


def add_routine_parser(commands: argparse._SubParsersAction[OneLineParser]) -> None:
    routine = commands.add_parser("routine", help="generate or list routines")
    actions = routine.add_subparsers(dest="routine_command", metavar="ACTION", required=True)
    generate = actions.add_parser(
        "generate",
        help="save a generated balanced routine and print what could not be met",
    )
    generate.add_argument("--days", type=int, required=True, metavar="N", help="2 to 6")
    generate.add_argument(
        "--minutes", type=int, required=True, metavar="M", help="per session, 20 to 180"
    )
    generate.add_argument(
        "--equipment",
        choices=EQUIPMENT_CHOICES,
        default="full",
        help="full gym, dumbbells (and a bench), or bodyweight only",
    )
    generate.add_argument("--name", required=True, metavar="NAME")
    generate.add_argument("--profile", metavar="NAME")
    listing = actions.add_parser("list", help="list routines with their days")
    listing.add_argument("--profile", metavar="NAME")


def run_routine(args: argparse.Namespace) -> str:
    if args.routine_command == "generate":
        return _generate(args)
    return _list(args)


def _generate(args: argparse.Namespace) -> str:
    from evenside.domain.generator import EQUIPMENT_PRESETS, GeneratorChoice, validate_choice
    from evenside.services import routines

    choice = validate_choice(
        GeneratorChoice(args.days, args.minutes, EQUIPMENT_PRESETS[args.equipment])
    )
    store = open_existing(args)
    try:
        profile = profile_id(store, args.profile)
        made = routines.generate_and_save(store, profile, args.name, choice)
        routine = routines.get_routine(store, made.routine_id)
        findings = routines.check(store, profile, made.routine_id)
    finally:
        store.close()
    lines = [f'saved "{routine.name}": {counted(len(routine.days), "day")}']
    lines += [f"  {day.name}: {counted(len(day.items), 'exercise')}" for day in routine.days]
    if not made.reasons and not findings:
        lines.append("findings: none")
        return "\n".join(lines)
    lines.append(
        f"findings: {len(findings)} from the balance checker; "
        f"{counted(len(made.reasons), 'target')} not met, and why:"
    )
    lines += [f"  {reason}" for reason in made.reasons]
    return "\n".join(lines)


def _list(args: argparse.Namespace) -> str:
    from evenside.services import routines

    store = open_existing(args)
    try:
        profile = profile_id(store, args.profile)
        listed = [
            routines.get_routine(store, i) for i, _n in routines.list_routines(store, profile)
        ]
    finally:
        store.close()
    if not listed:
        return "no routines yet"
    lines = []
    for routine in listed:
        days = ", ".join(f"{d.name} ({len(d.items)})" for d in routine.days) or "no days"
        lines.append(f"{routine.name}: {days}")
    return "\n".join(lines)
