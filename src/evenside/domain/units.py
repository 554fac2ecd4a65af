"""Weight units. Weights are stored in kilograms; screens convert to the profile's unit.

A weight typed in pounds must read back exactly as typed (135 lb stays 135 lb, not
134.99999), so conversion back to the display unit rounds to the precision people enter.
A weight typed in the other unit (22 kg seen in a pound profile is 48.50196 lb) is shown
to the nearest step people load (0.5 lb, 0.25 kg): "48.5 lb", never "48.502 lb". Volumes
(weight x reps) are shown in whole units.
"""

from __future__ import annotations

import math
from enum import StrEnum

KG_PER_LB = 0.45359237  # exact by the international yard and pound agreement (1959)
DISPLAY_DECIMALS = 3  # finer than any plate (0.25 kg, 0.5 lb) yet far above float noise
# The smallest step a gym loads in each unit: what a converted weight is rounded to by
# default. Settings -> "Weights shown to" picks another of STEP_CHOICES for the profile.
DISPLAY_STEP = {"kg": 0.25, "lb": 0.5}
STEP_CHOICES = {"kg": (0.1, 0.25, 0.5, 1.0, 2.5), "lb": (0.1, 0.25, 0.5, 1.0, 2.5, 5.0)}
_shown_step = dict(DISPLAY_STEP)  # the profile on screen's choice (one profile at a time)
_TYPED_TOLERANCE = 1e-9  # thousandths per unit of weight: float noise of a kg <-> lb trip


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"

    @property
    def step(self) -> float:
        """0.25 kg or 0.5 lb unless the profile chose another: converted weights are shown
        to this step."""
        return _shown_step[self.value]


def show_weights_to(kg_step: float, lb_step: float) -> None:
    """The steps converted weights are shown to from now on (the profile's setting); a step
    that is not one of STEP_CHOICES leaves the unit at its default."""
    for unit, step in (("kg", kg_step), ("lb", lb_step)):
        _shown_step[unit] = step if step in STEP_CHOICES[unit] else DISPLAY_STEP[unit]


def to_kg(value: float, unit: Unit) -> float:
    """Convert a weight entered in ``unit`` to kilograms for storage."""
    return value if unit is Unit.KG else value * KG_PER_LB


def from_kg(kg: float, unit: Unit) -> float:
    """Convert a stored weight to ``unit``, rounded so that what was typed reads back."""
    value = kg if unit is Unit.KG else kg / KG_PER_LB
    rounded = round(value, DISPLAY_DECIMALS)
    return rounded + 0.0  # turns -0.0 into 0.0


def typed_in(kg: float, unit: Unit) -> bool:
    """True when ``kg`` reads back in ``unit`` as a number someone typed (at most three
    decimals), False when it came from the other unit (22 kg is 48.50196... lb)."""
    value = kg if unit is Unit.KG else kg / KG_PER_LB
    thousandths = value * 1000.0  # DISPLAY_DECIMALS = 3
    return abs(thousandths - round(thousandths)) < _TYPED_TOLERANCE * max(1.0, abs(value))


def display_weight(kg: float, unit: Unit, step: float | None = None) -> float:
    """The weight as the screen shows it in ``unit``: as typed when it was typed in this
    unit, else to the nearest ``step`` (the unit's loading step by default)."""
    if typed_in(kg, unit):
        return from_kg(kg, unit)
    size = unit.step if step is None else step
    value = kg if unit is Unit.KG else kg / KG_PER_LB
    return round(math.floor(value / size + 0.5) * size, DISPLAY_DECIMALS) + 0.0


def _plain(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def format_weight(
    kg: float, unit: Unit, *, with_unit: bool = True, decimals: int | None = None
) -> str:
    """``61.23497`` kg in lb -> ``"135 lb"``; 22 kg in lb -> ``"48.5 lb"``; trailing zeros
    dropped.

    Weights people typed keep every decimal they could have typed, converted ones are
    rounded to the unit's step; estimates (e1RM) pass ``decimals=1`` since a finer figure
    would claim precision the formulas do not have.
    """
    if decimals is None:
        text = _plain(display_weight(kg, unit), DISPLAY_DECIMALS)
    else:
        value = kg if unit is Unit.KG else kg / KG_PER_LB
        text = _plain(value, decimals)
    return f"{text} {unit.value}" if with_unit else text


def format_volume(kg_reps: float, unit: Unit, *, with_unit: bool = True) -> str:
    """Volume (weight x reps) in whole units: 3523 kg x reps in lb -> ``"7767 lb"``."""
    value = kg_reps if unit is Unit.KG else kg_reps / KG_PER_LB
    text = f"{math.floor(value + 0.5):d}"
    return f"{text} {unit.value}" if with_unit else text


def weight_limit_text(limit_kg: float, unit: Unit) -> str:
    """The most a form accepts, in whole units and never above the limit: 1000 kg in lb ->
    ``"2204 lb"`` (1000 kg is 2204.62 lb)."""
    value = limit_kg if unit is Unit.KG else limit_kg / KG_PER_LB
    return f"{math.floor(value + 1e-9):d} {unit.value}"


# Up/Down in a weight field: the smallest change a gym makes to that kind of load. A bar
# goes up by its smallest pair of plates (2 x 1.25 kg, 2 x 2.5 lb); a dumbbell, a cable
# stack or a machine by its own increment (1 kg, 2.5 lb).
LOAD_STEP = {("kg", True): 2.5, ("kg", False): 1.0, ("lb", True): 5.0, ("lb", False): 2.5}


def weight_step(unit: Unit, *, barbell: bool) -> float:
    """2.5 kg or 5 lb on a bar (total load), 1 kg or 2.5 lb for one hand or one side."""
    return LOAD_STEP[(unit.value, barbell)]


def stepped(text: str, step: float, direction: int) -> str:
    """ "45" + one 5 lb step -> "50"; steps from a weight off the step land on it first
    ("47" up by 5 -> "50", down -> "45"); never below 0. Text that is not a number is
    returned as it is."""
    try:
        value = float(text.strip().replace(",", ".")) if text.strip() else 0.0
    except ValueError:
        return text
    units = value / step
    target = (math.floor(units + 1e-9) + 1) if direction > 0 else (math.ceil(units - 1e-9) - 1)
    result = max(0.0, target * step)
    return f"{result:.3f}".rstrip("0").rstrip(".")
