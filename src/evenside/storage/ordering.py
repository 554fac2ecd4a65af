"""Keeping a list of rows numbered 0, 1, 2, ... after one of them moves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Positioned(Protocol):
    id: int
    position: int


def place_at(rows: Iterable[Positioned], moving: Positioned, new_position: int) -> None:
    """Put ``moving`` at ``new_position`` (clamped) among ``rows`` and renumber them all."""
    others = [r for r in rows if r.id != moving.id]
    others.insert(max(0, min(new_position, len(others))), moving)
    for index, row in enumerate(others):
        row.position = index
