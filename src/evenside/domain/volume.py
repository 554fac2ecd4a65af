"""What a routine must respect, stated once: weekly working sets per muscle group, which
exercises belong on which kind of day, how long an exercise takes, and the weak side's extra
sets.

Weekly set ranges (defaults; a profile can change them): about 10-20 hard sets a week per
muscle group for hypertrophy in trained people (Schoenfeld, Ogborn & Krieger 2017,
dose-response meta-analysis), and at least about 6 for the small groups that compound lifts
barely reach, calves and side delts (Israetel's volume landmarks put their minimum effective
volume at about 6-8 sets). Core, hip and rotator-cuff groups get maintenance-level ranges
(at least ~4; Bickel et al. 2011 kept muscle with a third of the training volume).
Front delts start at 0: pressing works them (Israetel: minimum effective volume 0).

Time per exercise (the assumptions the budget uses): each rep takes 4 s (so 10 reps are
40 s a side); a hold or carry takes its target seconds; one-sided work is done once per side
with the profile's rest between sides; after each set comes the item's rest (the exercise's
own rest setting, else 90 s after compound sets and 60 s after the others); each exercise
takes 60 s to set up, plus its stretches held per side. A warm-up is not counted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum

from evenside.domain.library import Exercise, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup as M
from evenside.domain.weak_side_plan import PlanRules, extra_sets

LARGE = (M.QUADS, M.HAMSTRINGS, M.GLUTES, M.CHEST, M.UPPER_BACK, M.LATS)
DEFAULT_SET_RANGES: dict[M, tuple[int, int]] = {
    **{m: (10, 20) for m in LARGE},
    M.SIDE_DELTS: (6, 16),
    M.CALVES: (6, 16),
    M.REAR_DELTS: (6, 16),
    M.BICEPS: (6, 16),
    M.TRICEPS: (6, 16),
    M.FRONT_DELTS: (0, 12),
    M.ABS: (4, 16),
    M.OBLIQUES: (4, 16),
    M.LOWER_BACK: (4, 12),
    M.ADDUCTORS: (4, 12),
    M.ABDUCTORS: (4, 12),
    M.EXTERNAL_ROTATORS: (2, 10),
    M.INTERNAL_ROTATORS: (0, 10),
}
SET_RANGE_SOURCE = (
    "Schoenfeld, Ogborn & Krieger 2017 (10+ sets a week per muscle); Israetel's volume "
    "landmarks (about 6 for calves and side delts)"
)

SECONDS_PER_REP = 4
SETUP_SECONDS = 60
COMPOUND_REST = 90
OTHER_REST = 60
COMPOUND = set(LARGE)

LOWER_BODY = {M.QUADS, M.HAMSTRINGS, M.GLUTES, M.HIP_FLEXORS, M.ADDUCTORS, M.ABDUCTORS, M.CALVES}
CORE = {M.ABS, M.OBLIQUES, M.LOWER_BACK}


class DayType(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    ANY = "any"


def day_type(name: str) -> DayType:
    """What a day's name says it trains: "Upper A", "Push", "Pull" are upper-body days,
    "Lower B" and "Legs" lower-body days; any other name takes any exercise."""
    words = name.lower()
    if "full" in words:
        return DayType.ANY
    if any(w in words for w in ("upper", "push", "pull", "arms")):
        return DayType.UPPER
    if any(w in words for w in ("lower", "legs", "leg day")):
        return DayType.LOWER
    return DayType.ANY


def fits_day(exercise: Exercise, kind: DayType) -> bool:
    """Core work (led by abs, obliques or lower back) fits any day; otherwise an upper day
    takes no lower-body exercise and a lower day no upper-body one."""
    if kind is DayType.ANY or (exercise.primary and exercise.primary[0] in CORE):
        return True
    lower = any(m in LOWER_BODY for m in exercise.primary)
    if kind is DayType.UPPER:
        return not lower
    return lower


def is_timed(exercise: Exercise) -> bool:
    """Holds and carries: their targets are seconds."""
    return exercise.load_basis is LoadBasis.TIME or "carry" in exercise.name.lower()


ISOLATION_WORDS = ("fly", "curl", "extension", "raise", "kickback", "pullover", "abduction")


def is_compound(exercise: Exercise) -> bool:
    """Led by a large group and not an isolation movement (a fly, a curl, a raise...)."""
    name = exercise.name.lower()
    return (
        bool(exercise.primary)
        and exercise.primary[0] in COMPOUND
        and not any(w in name for w in ISOLATION_WORDS)
    )


def default_targets(exercise: Exercise) -> tuple[int, int]:
    """Reps (or seconds for holds and carries) a generated item aims for."""
    if is_timed(exercise):
        return (30, 40) if "carry" in exercise.name.lower() else (30, 45)
    return (6, 10) if is_compound(exercise) else (10, 15)


def default_rest(exercise: Exercise) -> int:
    if exercise.rest_seconds is not None:
        return exercise.rest_seconds
    return COMPOUND_REST if is_compound(exercise) else OTHER_REST


def item_seconds(
    exercise: Exercise,
    sets: int,
    *,
    extra_weak_side_sets: int,
    rep_high: int,
    rest: int,
    rest_between_sides: int,
) -> int:
    """Seconds an exercise takes in a session (the assumptions are in the module text)."""
    work = rep_high if is_timed(exercise) else rep_high * SECONDS_PER_REP
    if exercise.laterality is Laterality.BILATERAL:
        per_set = work + rest
    else:
        per_set = 2 * work + rest_between_sides + rest
    stretch = sum(s.hold_seconds * (2 if s.one_sided else 1) for s in exercise.stretches)
    return sets * per_set + extra_weak_side_sets * (work + rest) + SETUP_SECONDS + stretch


def weak_side_extra_sets(
    percent: float, beyond_noise: bool, *, notice_percent: float, warning_percent: float
) -> int:
    """The weak-side plan's extra sets (``weak_side_plan.extra_sets``: one from the notice
    threshold, two from the warning threshold by default); none for a gap within noise."""
    if not beyond_noise:
        return 0
    return extra_sets(percent, PlanRules(notice_percent, warning_percent))


def set_ranges(overrides: Mapping[str, tuple[int, int]] | None = None) -> dict[M, tuple[int, int]]:
    """The default ranges with a profile's changes (by muscle group name)."""
    ranges = dict(DEFAULT_SET_RANGES)
    for name, (low, high) in (overrides or {}).items():
        try:
            ranges[M(name)] = (int(low), int(high))
        except ValueError:
            continue
    return ranges


def minutes(seconds: float) -> int:
    return math.ceil(seconds / 60)
