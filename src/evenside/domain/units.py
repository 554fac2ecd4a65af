"""Weight units. Weights are stored in kilograms; screens convert to the profile's unit.

A weight typed in pounds must read back exactly as typed (135 lb stays 135 lb, not
134.99999), so conversion back to the display unit rounds to the precision people enter.
"""

from __future__ import annotations

from enum import StrEnum

KG_PER_LB = 0.45359237  # exact by the international yard and pound agreement (1959)
DISPLAY_DECIMALS = 3  # finer than any plate (0.25 kg, 0.5 lb) yet far above float noise


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


def to_kg(value: float, unit: Unit) -> float:
    """Convert a weight entered in ``unit`` to kilograms for storage."""
    return value if unit is Unit.KG else value * KG_PER_LB


def from_kg(kg: float, unit: Unit) -> float:
    """Convert a stored weight to ``unit``, rounded so that what was typed reads back."""
    value = kg if unit is Unit.KG else kg / KG_PER_LB
    rounded = round(value, DISPLAY_DECIMALS)
    return rounded + 0.0  # turns -0.0 into 0.0


def format_weight(
    kg: float, unit: Unit, *, with_unit: bool = True, decimals: int = DISPLAY_DECIMALS
) -> str:
    """``61.23497`` kg in lb -> ``"135 lb"``; trailing zeros dropped.

    Weights people typed keep every decimal they could have typed; estimates (e1RM) pass
    ``decimals=1`` since a finer figure would claim precision the formulas do not have.
    """
    text = f"{from_kg(kg, unit):.{decimals}f}".rstrip("0").rstrip(".")
    return f"{text} {unit.value}" if with_unit else text
