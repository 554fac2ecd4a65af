"""Plate calculator: which plates to load on each side of the bar for a target weight."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evenside.domain.errors import InvalidInput
from evenside.domain.units import Unit, to_kg

_EPSILON = 1e-6

# What a gym in each unit has: a 20 kg bar and metric plates, or a 45 lb bar and pound plates.
STANDARD_BAR = {Unit.KG: 20.0, Unit.LB: 45.0}
STANDARD_PLATES = {
    Unit.KG: (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25),
    Unit.LB: (45.0, 35.0, 25.0, 10.0, 5.0, 2.5),
}


@dataclass(frozen=True)
class Equipment:
    """The bar and plate sizes, stored in kg."""

    bar_kg: float
    plates_kg: tuple[float, ...]

    @classmethod
    def standard(cls, unit: Unit) -> Equipment:
        """The usual bar and plates of a gym that counts in ``unit``."""
        return cls(
            to_kg(STANDARD_BAR[unit], unit), tuple(to_kg(p, unit) for p in STANDARD_PLATES[unit])
        )

    def is_standard(self, unit: Unit) -> bool:
        usual = Equipment.standard(unit)
        return (
            abs(self.bar_kg - usual.bar_kg) < _EPSILON
            and len(self.plates_kg) == len(usual.plates_kg)
            and all(
                abs(a - b) < _EPSILON
                for a, b in zip(sorted(self.plates_kg), sorted(usual.plates_kg), strict=True)
            )
        )

    def for_unit_change(self, old: Unit, new: Unit) -> Equipment:
        """A profile switching units keeps the equipment the user chose, but the usual set
        of the old unit becomes the usual set of the new one (20 kg + metric plates -> a
        45 lb bar and pound plates), so that no "44.092 lb bar" is ever shown."""
        if old is not new and self.is_standard(old):
            return Equipment.standard(new)
        return self


@dataclass(frozen=True)
class PlateLoad:
    target: float
    bar: float
    per_side: tuple[float, ...]  # heaviest first

    @property
    def total(self) -> float:
        return self.bar + 2 * sum(self.per_side)

    @property
    def short_by(self) -> float:
        """How far the loadable total falls below the target (0 when it is exact)."""
        return max(0.0, self.target - self.total)


def plates_per_side(target: float, bar: float, plates: Sequence[float]) -> PlateLoad:
    """Heaviest plates first, as many of each as fit, never above the target.

    Greedy is exact for the usual plate sets (each plate a sum of lighter ones or a
    multiple); with an odd set it gives the closest load at or below the target.
    Plates are assumed to be available in pairs, as many as needed.
    """
    if target < 0 or bar < 0:
        raise InvalidInput("Weights cannot be negative.", "target")
    if target < bar - _EPSILON:
        raise InvalidInput(f"The target is lighter than the bar ({bar:g}).", "target")
    usable = sorted((p for p in plates if p > 0), reverse=True)
    if not usable:
        raise InvalidInput("Add at least one plate size in Settings.", "plates")
    remaining = (target - bar) / 2
    loaded: list[float] = []
    for plate in usable:
        while remaining + _EPSILON >= plate:
            loaded.append(plate)
            remaining -= plate
    return PlateLoad(target, bar, tuple(loaded))


def parse_plates(text: str) -> tuple[float, ...]:
    """ "25, 20, 15, 10, 5, 2.5, 1.25" -> a tuple of positive sizes, heaviest first."""
    sizes = []
    for part in text.replace(";", ",").split(","):
        cleaned = part.strip()
        if not cleaned:
            continue
        try:
            value = float(cleaned)
        except ValueError:
            raise InvalidInput(f'"{cleaned}" is not a plate size.', "plates") from None
        if not 0 < value <= 100:
            raise InvalidInput("Plate sizes must be above 0 and at most 100.", "plates")
        sizes.append(value)
    if not sizes:
        raise InvalidInput("List at least one plate size, e.g. 20, 10, 5, 2.5.", "plates")
    return tuple(sorted(set(sizes), reverse=True))
