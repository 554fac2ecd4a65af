"""Supersets: exercises of a session done back to back, one set of each in turn (a round),
with the rest after the round. Exercises share a group number; on screen and on paper each
group is "Superset A", "Superset B", ... in the order the groups first appear."""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class Grouped(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def superset_group(self) -> int | None: ...


T = TypeVar("T", bound=Grouped)


def letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = string.ascii_uppercase
    return letters[index] if index < len(letters) else letter(index // 26 - 1) + letters[index % 26]


def labels(groups: Iterable[int | None]) -> dict[int, str]:
    """Each group number, in the order given, with its label: {7: "Superset A", 3: ...}.
    A group of one exercise is no superset and gets no label."""
    numbers = [g for g in groups if g is not None]
    order: dict[int, str] = {}
    for number in numbers:
        if number not in order and numbers.count(number) > 1:
            order[number] = f"Superset {letter(len(order))}"
    return order


def members(exercises: Sequence[T], exercise_id: int) -> list[T]:
    """The exercises of ``exercise_id``'s superset in their order, or [] when it has none."""
    mine = next((e for e in exercises if e.id == exercise_id), None)
    if mine is None or mine.superset_group is None:
        return []
    group = [e for e in exercises if e.superset_group == mine.superset_group]
    return group if len(group) > 1 else []


def next_in_round(exercises: Sequence[T], exercise_id: int) -> tuple[T | None, bool]:
    """After a set of ``exercise_id``: the exercise to go to (None outside a superset) and
    whether the round is over (the last of the group: rest now, then start again)."""
    group = members(exercises, exercise_id)
    if not group:
        return None, True
    at = next(i for i, e in enumerate(group) if e.id == exercise_id)
    if at == len(group) - 1:
        return group[0], True
    return group[at + 1], False


def joined(exercises: Sequence[Grouped], chosen: Sequence[int]) -> dict[int, int | None]:
    """The new group number of each exercise when ``chosen`` (two or more ids) go into one
    superset: an existing group among them is kept and the others' groups join it."""
    by_id = {e.id: e for e in exercises}
    existing = [by_id[i].superset_group for i in chosen if by_id[i].superset_group is not None]
    used = [e.superset_group for e in exercises if e.superset_group is not None]
    target = existing[0] if existing else max(used, default=0) + 1
    merged = set(existing)
    return {
        e.id: target
        for e in exercises
        if e.id in chosen or (e.superset_group is not None and e.superset_group in merged)
    }


def grouped_names(names: Sequence[tuple[str, int | None]]) -> list[str]:
    """Exercise names in session order, a superset's joined into one entry: [("Back
    squat", 1), ("Bench press", 1), ("Barbell curl", None)] -> ["Superset A: Back squat +
    Bench press", "Barbell curl"]."""
    named = labels(group for _, group in names)
    out: list[str] = []
    placed: dict[int, int] = {}  # group -> its entry in ``out``
    for name, group in names:
        if group is None or group not in named:
            out.append(name)
        elif group in placed:
            out[placed[group]] += f" + {name}"
        else:
            placed[group] = len(out)
            out.append(f"{named[group]}: {name}")
    return out


def together(groups: Sequence[int | None]) -> list[int]:
    """Indexes in the order to print: each superset's members follow its first one, the
    rest keep their order. [None, 1, None, 1] -> [0, 1, 3, 2]."""
    order: list[int] = []
    for index, group in enumerate(groups):
        if index in order:
            continue
        order.append(index)
        if group is not None:
            order += [i for i in range(index + 1, len(groups)) if groups[i] == group]
    return order
