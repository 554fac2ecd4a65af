"""The volume rule: within one exercise of a session, the strong side does no more work than
the weak side.

Work is counted the way the exercise is measured: kg x reps for loaded work, seconds for
holds, reps for bodyweight. A set logged at 0 kg adds 0 kg x reps, never 1 kg; when no set of
the exercise today carries any load (bodyweight plus 0 kg, or a loaded exercise done
unloaded) the exercise is counted in reps instead, so the rule still means something.

"Refuse" is the default: the set is not stored and the user may log it anyway, which is
recorded on the set as an override. "Notice" stores the set and says that the strong side
is ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit, format_volume

TOLERANCE = 1e-6  # float sums of kg x reps
LOG_ANYWAY_KEYS = "Ctrl+Shift+Enter"


class VolumeRule(StrEnum):
    """What happens when a set would take the strong side past the weak side's volume."""

    REFUSE = "refuse"  # refused inline, with a one-keystroke "log anyway"
    NOTICE = "notice"  # stored, with a notice that the strong side is ahead


class VolumeMeasure(StrEnum):
    """What an exercise's volume counts today."""

    KG = "kg"  # kg x reps
    REPS = "reps"
    SECONDS = "s"

    def amount(self, value: float, unit: Unit = Unit.KG) -> str:
        """ "480 kg" (or "1058 lb" for a profile in pounds), "12 reps", "1 rep", "40 s"."""
        if self is VolumeMeasure.REPS:
            whole = round(value)
            return f"{whole} rep" if whole == 1 else f"{whole} reps"
        if self is VolumeMeasure.KG:
            return format_volume(value, unit)
        return f"{value:.0f} {self.value}"


def _effective_load(record: SetRecord, load_basis: LoadBasis, body_load: float | None) -> float:
    added = record.weight_kg or 0.0
    if load_basis is LoadBasis.BODYWEIGHT_PLUS and body_load is not None:
        return body_load + added
    return added


def volume_measure(
    load_basis: LoadBasis, sets: Iterable[SetRecord], body_load: float | None = None
) -> VolumeMeasure:
    """Seconds for holds (and for reps-or-time work logged by time); kg x reps when some set
    carries load (for bodyweight plus load, only when the share of body mass moved is known:
    ``body_load``); reps otherwise."""
    if load_basis is LoadBasis.TIME:
        return VolumeMeasure.SECONDS
    counted = [s for s in sets if s.kind.counts]
    if counted and all(s.reps is None and s.duration_seconds for s in counted):
        return VolumeMeasure.SECONDS  # reps or time (bird dog, dead bug), done as holds
    loaded = any((s.weight_kg or 0.0) > 0 for s in sets if s.kind.counts)
    if not loaded:
        return VolumeMeasure.REPS
    if load_basis is LoadBasis.BODYWEIGHT_PLUS and body_load is None:
        return VolumeMeasure.REPS
    return VolumeMeasure.KG


def set_work(
    record: SetRecord,
    measure: VolumeMeasure,
    load_basis: LoadBasis,
    body_load: float | None = None,
) -> float:
    """One set's volume in ``measure``; a warm-up counts nothing."""
    if not record.kind.counts:
        return 0.0
    if measure is VolumeMeasure.SECONDS:
        return float(record.duration_seconds or 0)
    reps = record.reps or 0
    if measure is VolumeMeasure.REPS:
        return float(reps)
    return _effective_load(record, load_basis, body_load) * reps


@dataclass(frozen=True)
class VolumeMatch:
    """Each side's volume so far in one exercise of the session, and what the strong side
    may still do."""

    weak: Side
    measure: VolumeMeasure
    weak_volume: float
    strong_volume: float
    unit: Unit = Unit.KG  # the profile's unit, for the words only; volumes stay in kg

    @property
    def strong(self) -> Side:
        return self.weak.opposite()

    @property
    def room(self) -> float:
        """How much more the strong side may do (never below 0)."""
        return max(0.0, self.weak_volume - self.strong_volume)

    @property
    def ahead(self) -> float:
        return max(0.0, self.strong_volume - self.weak_volume)

    @property
    def strong_ahead(self) -> bool:
        return self.ahead > TOLERANCE

    def allows(self, side: Side, work: float) -> bool:
        """Whether a set of ``work`` on ``side`` keeps the strong side at or below the weak."""
        return side is not self.strong or self.strong_volume + work <= self.weak_volume + TOLERANCE

    def describe(self, unit: Unit | None = None) -> str:
        """The notice: "R is ahead of L by 96 kg of volume"; "" when it is not ahead."""
        if not self.strong_ahead:
            return ""
        return (
            f"{self.strong.letter} is ahead of {self.weak.letter} by "
            f"{self.measure.amount(self.ahead, unit or self.unit)} of volume"
        )

    def refusal(self, work: float) -> str:
        """Why a set of ``work`` on the strong side is refused, and the key that logs it."""
        strong, weak = self.strong.letter, self.weak.letter

        def amount(value: float) -> str:
            return self.measure.amount(value, self.unit)

        return (
            f"Not logged: this set would take {strong} to "
            f"{amount(self.strong_volume + work)}, past {weak}'s {amount(self.weak_volume)} "
            f"({strong} has {amount(self.room)} left in this exercise). "
            f"Lighten it, or press {LOG_ANYWAY_KEYS} to log it anyway."
        )


def volume_match(
    sets: Iterable[SetRecord],
    load_basis: LoadBasis,
    weak: Side,
    *,
    body_load: float | None = None,
    candidate: SetRecord | None = None,
    unit: Unit = Unit.KG,
) -> VolumeMatch:
    """Tally one exercise's sets so far per side; ``candidate`` (the set being logged)
    only decides the measure, so that a first loaded set switches the count to kg."""
    if weak is Side.BOTH:
        raise ValueError("the weak side must be left or right")
    logged = list(sets)
    measure = volume_measure(load_basis, [*logged, *([candidate] if candidate else [])], body_load)
    totals = {Side.LEFT: 0.0, Side.RIGHT: 0.0, Side.BOTH: 0.0}
    for record in logged:
        totals[record.side] += set_work(record, measure, load_basis, body_load)
    return VolumeMatch(weak, measure, totals[weak], totals[weak.opposite()], unit)


class VolumeRefused(InvalidInput):
    """A strong-side set refused by the volume rule; it can be logged anyway."""

    def __init__(self, match: VolumeMatch, work: float) -> None:
        super().__init__(match.refusal(work), None)
        self.match = match
        self.work = work


def over_volume(
    sets: Iterable[SetRecord],
    record: SetRecord,
    load_basis: LoadBasis,
    weak: Side,
    *,
    body_load: float | None = None,
    unit: Unit = Unit.KG,
) -> VolumeRefused | None:
    """The refusal for ``record`` when it would take the strong side past the weak side."""
    if record.side is Side.BOTH or not record.kind.counts:
        return None
    match = volume_match(sets, load_basis, weak, body_load=body_load, candidate=record, unit=unit)
    work = set_work(record, match.measure, load_basis, body_load)
    return None if match.allows(record.side, work) else VolumeRefused(match, work)
