"""`evenside report`: the weak-side verdict of every exercise with one-sided work, in plain
words or as JSON with fixed keys (exercise, weaker, gap_percent, beyond_noise, measured,
score, sessions, sentence) that other tools rely on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from evenside.cli.common import open_existing, profile_id
from evenside.domain.errors import InvalidInput

if TYPE_CHECKING:
    from evenside.cli import OneLineParser


def add_report_parser(commands: argparse._SubParsersAction[OneLineParser]) -> None:
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
    store = open_existing(args)
    try:
        found = verdicts.all_verdicts(
            store, profile_id(store, args.profile), exercise_name=args.exercise, since=since
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
