"""Sides of the body and how a set is attributed to them."""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    """Which side a set was done with. ``BOTH`` is a bilateral set logged as one."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"

    @property
    def letter(self) -> str:
        """The letter shown beside the side colour everywhere: L, R or B."""
        return {"left": "L", "right": "R", "both": "B"}[self.value]

    @property
    def label(self) -> str:
        return self.value.capitalize()

    def opposite(self) -> Side:
        if self is Side.LEFT:
            return Side.RIGHT
        if self is Side.RIGHT:
            return Side.LEFT
        raise ValueError("a bilateral set has no opposite side")
