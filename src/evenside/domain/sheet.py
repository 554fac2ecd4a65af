"""What a printed routine sheet says, independent of how it is drawn."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from evenside.domain.sides import Side

RULES = (
    "Weak side first",
    "the strong side never does more",
    "stretch right after each exercise",
    "form before speed",
)
DEFAULT_WEEKS = 6
MAX_WEEKS = 12
LAYOUTS = ("compact", "blocks")  # a table a day per page; or one exercise per block


@dataclass(frozen=True)
class SheetStretch:
    name: str
    cue: str
    hold_seconds: int
    one_sided: bool


@dataclass(frozen=True)
class SheetExercise:
    name: str
    target: str  # "3 x 8-10, 90 s rest"
    per_side: bool
    start: Side | None  # the side to start with (the weaker one)
    start_reason: str  # "weaker by 12 % (...)" or "your non-dominant side (...)"
    sets: int
    extra_weak_sets: int
    last_time: dict[Side, str]  # "20 kg x 8, 20 kg x 7" per side (Side.BOTH for bilateral)
    stretches: tuple[SheetStretch, ...]
    start_weaker: bool = False  # the verdict calls the start side weaker (beyond noise)
    verdict: str = ""  # the plain sentence, for one-sided exercises
    plan: str = ""  # the weak side's plan: "Plan: L +1 set; try 18 kg × 8"
    timed: bool = False  # holds and carries: the targets and boxes are in seconds
    superset: str = ""  # "Superset A": printed together with the rest of its group
    round_rest: str = ""  # "90 s rest after the round", on a superset's first exercise only

    @property
    def sides(self) -> tuple[Side, ...]:
        """The columns in the order to do them: the weaker side first only when the verdict
        says a side is weaker beyond noise; otherwise left then right; one for bilateral."""
        if not self.per_side:
            return (Side.BOTH,)
        first = self.start if self.start_weaker and self.start is not None else Side.LEFT
        return (first, first.opposite())

    @property
    def extra_side(self) -> Side | None:
        """The side that does the extra sets (the first one), if there are any."""
        return self.sides[0] if self.per_side and self.extra_weak_sets else None

    @property
    def superset_line(self) -> str:
        """ "Superset A · 90 s rest after the round" on the first exercise of a superset,
        "Superset A" on the others, "" for an exercise done on its own."""
        return f"{self.superset} · {self.round_rest}" if self.round_rest else self.superset

    @property
    def lead(self) -> str:
        """What the block says under its name: the verdict, then the plan on its own line."""
        return "\n".join(text for text in (self.verdict, self.plan) if text)

    @property
    def start_marker(self) -> str:
        """ "Start: L (weaker)" for a one-sided exercise."""
        if not self.per_side or self.start is None:
            return ""
        why = "weaker" if self.start_weaker else "non-dominant"
        return f"Start: {self.start.letter} ({why})"

    def boxes(self, weeks: int) -> int:
        """How many weight x reps boxes the block has: each set, each side, each week."""
        sides = 2 if self.per_side else 1
        return (self.sets * sides + self.extra_weak_sets) * weeks


_REST = re.compile(r", (\d+ s) rest")  # in a target: "3 x 8-10, 90 s rest"


def as_rounds(blocks: tuple[SheetExercise, ...]) -> tuple[SheetExercise, ...]:
    """Each superset (its exercises printed together) as one round: the rest is said once,
    on its first exercise ("90 s rest after the round", the last exercise's rest, as the
    timer does), no target carries its own rest, and the group's stretches come after its
    last exercise."""
    out = list(blocks)
    for label in dict.fromkeys(b.superset for b in blocks if b.superset):
        at = [i for i, b in enumerate(out) if b.superset == label]
        found = _REST.search(out[at[-1]].target)
        rest = f"{found.group(1)} rest after the round" if found else "rest after the round"
        stretches = tuple(dict.fromkeys(s for i in at for s in out[i].stretches))
        for i in at:
            out[i] = replace(
                out[i],
                target=_REST.sub("", out[i].target, count=1),
                round_rest=rest if i == at[0] else "",
                stretches=stretches if i == at[-1] else (),
            )
    return tuple(out)


@dataclass(frozen=True)
class SheetDay:
    name: str
    exercises: tuple[SheetExercise, ...]

    @property
    def asymmetry_summary(self) -> str:
        """In plain words, which side is weaker beyond noise in which of the day's exercises."""
        weaker: dict[Side, list[str]] = {Side.LEFT: [], Side.RIGHT: []}
        for block in self.exercises:
            named = block.name in weaker.get(block.start or Side.BOTH, [])
            if block.per_side and block.start_weaker and block.start in weaker and not named:
                weaker[block.start].append(block.name)
        parts = [
            f"{side.label} side weaker beyond noise in " + ", ".join(names)
            for side, names in weaker.items()
            if names
        ]
        if not parts:
            return "No side is weaker beyond noise in these exercises: do left, then right."
        return "; ".join(parts) + ": start with that side there. Other exercises: left, then right."


@dataclass(frozen=True)
class RoutineSheet:
    routine: str
    profile: str
    unit: str
    printed_on: date
    weeks: int
    days: tuple[SheetDay, ...]
    rules: tuple[str, ...] = RULES
    habits: tuple[str, ...] = ()  # the profile's everyday-habits checklist, for the footer

    @property
    def footer_rules(self) -> str:
        return "; ".join(self.rules) + "."

    @property
    def footer_habits(self) -> str:
        """ "Everyday habits: one; two." or "" when the checklist is empty."""
        if not self.habits:
            return ""
        return "Everyday habits: " + "; ".join(self.habits) + "."
