"""Muscle groups and the opposing pairs to balance by weekly working-set volume."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from evenside.domain.sides import Side


class MuscleGroup(StrEnum):
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    HIP_FLEXORS = "hip flexors"
    ADDUCTORS = "adductors"
    ABDUCTORS = "abductors"
    CALVES = "calves"
    CHEST = "chest"
    UPPER_BACK = "upper back"
    LATS = "lats"
    FRONT_DELTS = "front delts"
    SIDE_DELTS = "side delts"
    REAR_DELTS = "rear delts"
    INTERNAL_ROTATORS = "internal rotators"
    EXTERNAL_ROTATORS = "external rotators"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    UPPER_TRAPS = "upper traps"
    ABS = "abs"
    OBLIQUES = "obliques"
    LOWER_BACK = "lower back"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class OpposingPair:
    """Two groups to balance; the target is a range for ``first / second`` weekly volume.

    ``per_side`` pairs compare one group's left-side work with its right-side work
    (left obliques : right obliques, from side planks, carries and side bends).
    """

    key: str
    first: MuscleGroup
    second: MuscleGroup
    low: float
    high: float
    per_side: bool = False
    source: str = ""  # where the range comes from, said with the finding

    @property
    def label(self) -> str:
        if self.per_side:
            return f"Left {self.first.value} : right {self.second.value}"
        return f"{self.first.label} : {self.second.value}"


# Every range is a target for weekly working SETS, not for strength. No study has validated a
# set-volume ratio between opposing groups, so each range says where it comes from.
PULL_SOURCE = (
    "practitioners' convention of 1:1 up to 1:2 in favour of pulling; no validated volume ratio"
)
EVEN_SOURCE = "even work; no validated volume ratio"
QUADS_HAMSTRINGS_SOURCE = (
    "even work; the hamstring : quadriceps ratio of about 0.6 (Coombs & Garbutt 2002) "
    "is a strength ratio, not a volume target"
)
ROTATORS_SOURCE = (
    "even work; external : internal rotation strength of about 2:3 (Ivey 1985) is a "
    "strength ratio, not a volume target"
)
OPPOSING_PAIRS: tuple[OpposingPair, ...] = (
    OpposingPair(
        "chest_upper_back", MuscleGroup.CHEST, MuscleGroup.UPPER_BACK, 0.5, 1.0, source=PULL_SOURCE
    ),
    OpposingPair(
        "front_rear_delts",
        MuscleGroup.FRONT_DELTS,
        MuscleGroup.REAR_DELTS,
        0.5,
        1.0,
        source=PULL_SOURCE,
    ),
    OpposingPair(
        "biceps_triceps", MuscleGroup.BICEPS, MuscleGroup.TRICEPS, 0.8, 1.25, source=EVEN_SOURCE
    ),
    OpposingPair(
        "quads_hamstrings",
        MuscleGroup.QUADS,
        MuscleGroup.HAMSTRINGS,
        0.8,
        1.25,
        source=QUADS_HAMSTRINGS_SOURCE,
    ),
    OpposingPair(
        "abs_lower_back", MuscleGroup.ABS, MuscleGroup.LOWER_BACK, 0.8, 1.25, source=EVEN_SOURCE
    ),
    OpposingPair(
        "adductors_abductors",
        MuscleGroup.ADDUCTORS,
        MuscleGroup.ABDUCTORS,
        0.8,
        1.25,
        source=EVEN_SOURCE,
    ),
    OpposingPair(
        "internal_external_rotators",
        MuscleGroup.INTERNAL_ROTATORS,
        MuscleGroup.EXTERNAL_ROTATORS,
        0.8,
        1.25,
        source=ROTATORS_SOURCE,
    ),
    OpposingPair(
        "obliques_left_right",
        MuscleGroup.OBLIQUES,
        MuscleGroup.OBLIQUES,
        0.9,
        1.1,
        per_side=True,
        source=EVEN_SOURCE,
    ),
)


@dataclass(frozen=True)
class PairBalance:
    pair: OpposingPair
    first_sets: float
    second_sets: float

    @property
    def ratio(self) -> float | None:
        """first / second; ``None`` when the second group had no work."""
        return None if self.second_sets == 0 else self.first_sets / self.second_sets

    @property
    def in_range(self) -> bool | None:
        """Whether the ratio lies in the target range; ``None`` when neither side was trained."""
        if self.first_sets == 0 and self.second_sets == 0:
            return None
        ratio = self.ratio
        return ratio is not None and self.pair.low <= ratio <= self.pair.high


def pair_balances(
    sets_by_group: Mapping[MuscleGroup, float],
    sets_by_group_side: Mapping[tuple[MuscleGroup, Side], float],
    pairs: tuple[OpposingPair, ...] = OPPOSING_PAIRS,
) -> list[PairBalance]:
    """Weekly working-set volume ratio for each pair.

    ``sets_by_group`` counts working sets per group (a left/right pair counts as one set);
    ``sets_by_group_side`` counts per-side sets, used by the per-side pairs.
    """
    result = []
    for pair in pairs:
        if pair.per_side:
            first = sets_by_group_side.get((pair.first, Side.LEFT), 0.0)
            second = sets_by_group_side.get((pair.second, Side.RIGHT), 0.0)
        else:
            first = sets_by_group.get(pair.first, 0.0)
            second = sets_by_group.get(pair.second, 0.0)
        result.append(PairBalance(pair, first, second))
    return result
