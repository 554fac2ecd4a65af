"""A person's profile and the settings they choose, with the defaults declared once."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, replace
from typing import Any

from evenside.domain.assessment import DEFAULT_RETEST_WEEKS, check_retest_weeks
from evenside.domain.asymmetry import DEFAULT_NOTICE_PERCENT, DEFAULT_WARNING_PERCENT
from evenside.domain.e1rm import Formula
from evenside.domain.errors import InvalidInput
from evenside.domain.muscles import OPPOSING_PAIRS, OpposingPair
from evenside.domain.sides import Side
from evenside.domain.stretching import DEFAULT_REPETITIONS, check_repetitions
from evenside.domain.units import DISPLAY_STEP, STEP_CHOICES, Unit
from evenside.domain.verdict import DEFAULT_MIN_GAP_PERCENT
from evenside.domain.volume_rule import VolumeRule
from evenside.domain.weak_side_plan import (
    DEFAULT_CATCH_UP_SESSIONS,
    DEFAULT_SETS_AT_NOTICE,
    DEFAULT_SETS_AT_WARNING,
    DEFAULT_TARGET_RPE,
    PlanRules,
)

MAX_PROFILE_NAME = 60
DEFAULT_PLATES_KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    dominant: Side
    unit: Unit


@dataclass(frozen=True)
class Settings:
    """Per-profile choices. Every default lives here and nowhere else."""

    e1rm_formula: Formula = Formula.BRZYCKI
    notice_percent: float = DEFAULT_NOTICE_PERCENT
    warning_percent: float = DEFAULT_WARNING_PERCENT
    rest_between_sets_seconds: int = 90
    rest_between_sides_seconds: int = 15
    rest_timer_enabled: bool = True
    stretch_reminders: bool = True
    stretch_repetitions: int = DEFAULT_REPETITIONS  # each hold repeated (ACSM: 2-4)
    weak_side_first: bool = True
    # The strong side past the weak side's volume: refused (with "log anyway") or a notice.
    volume_rule: VolumeRule = VolumeRule.REFUSE
    bar_weight_kg: float = 20.0
    plates_kg: tuple[float, ...] = field(default=DEFAULT_PLATES_KG)
    backups_to_keep: int = 10
    # The smallest gap between sides worth calling one "weaker" (beyond noise as well).
    min_gap_percent: float = DEFAULT_MIN_GAP_PERCENT
    # For bodyweight-plus-load exercises done at different loads; None: not known (asked for).
    body_mass_kg: float | None = None
    # Weeks from an assessment to its re-test (the Session page reminds when one is due).
    retest_weeks: int = DEFAULT_RETEST_WEEKS
    # (pair key, low, high) for each opposing pair whose target the user changed.
    pair_targets: tuple[tuple[str, float, float], ...] = ()
    # (muscle group, low, high) weekly working sets the generator aims for, where the user
    # changed the defaults (domain/volume.py).
    weekly_set_ranges: tuple[tuple[str, int, int], ...] = ()
    # The weak-side plan: extra sets from the notice and the warning threshold, the RPE a
    # set may reach before the load goes up, and the sessions within noise that end it.
    plan_sets_at_notice: int = DEFAULT_SETS_AT_NOTICE
    plan_sets_at_warning: int = DEFAULT_SETS_AT_WARNING
    plan_target_rpe: float = DEFAULT_TARGET_RPE
    catch_up_sessions: int = DEFAULT_CATCH_UP_SESSIONS
    # What converted weights are shown to ("Weights shown to"), in each unit.
    weight_step_kg: float = DISPLAY_STEP["kg"]
    weight_step_lb: float = DISPLAY_STEP["lb"]

    def plan_rules(self) -> PlanRules:
        return PlanRules(
            self.notice_percent,
            self.warning_percent,
            self.plan_sets_at_notice,
            self.plan_sets_at_warning,
            self.catch_up_sessions,
            self.plan_target_rpe,
            self.min_gap_percent,
        )

    def opposing_pairs(self) -> tuple[OpposingPair, ...]:
        """The opposing pairs with this profile's target ranges."""
        chosen = {key: (low, high) for key, low, high in self.pair_targets}
        return tuple(
            replace(pair, low=chosen[pair.key][0], high=chosen[pair.key][1])
            if pair.key in chosen
            else pair
            for pair in OPPOSING_PAIRS
        )

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["plates_kg"] = list(self.plates_kg)
        data["pair_targets"] = [list(t) for t in self.pair_targets]
        data["weekly_set_ranges"] = [list(t) for t in self.weekly_set_ranges]
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Settings:
        """Read stored settings; unknown keys are ignored and missing keys take defaults,
        so a file written by an older or newer version still opens."""
        if not text:
            return cls()
        raw: dict[str, Any] = json.loads(text)
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        if "e1rm_formula" in values:
            values["e1rm_formula"] = Formula(values["e1rm_formula"])
        # The rule is on by default; the old on/off key ("weak_side_cap", default off) cannot
        # tell a choice from the old default, so it is dropped and the rule applies.
        if values.get("volume_rule") not in {rule.value for rule in VolumeRule}:
            values.pop("volume_rule", None)
        else:
            values["volume_rule"] = VolumeRule(values["volume_rule"])
        if "plates_kg" in values:
            values["plates_kg"] = tuple(float(p) for p in values["plates_kg"])
        if "pair_targets" in values:
            known_pairs = {p.key for p in OPPOSING_PAIRS}
            values["pair_targets"] = tuple(
                (str(k), float(lo), float(hi))
                for k, lo, hi in values["pair_targets"]
                if k in known_pairs
            )
        if "weekly_set_ranges" in values:
            values["weekly_set_ranges"] = tuple(
                (str(m), int(lo), int(hi)) for m, lo, hi in values["weekly_set_ranges"]
            )
        return cls(**values)

    def validated(self) -> Settings:
        if not 0 < self.notice_percent < self.warning_percent <= 100:
            raise InvalidInput(
                "The notice threshold must be above 0 % and below the warning threshold.",
                "notice_percent",
            )
        if not 0 <= self.rest_between_sides_seconds <= 600:
            raise InvalidInput("Rest between sides must be 0 to 600 s.", "rest_between_sides")
        for key, low, high in self.pair_targets:
            if not 0 < low <= high <= 10:
                raise InvalidInput(
                    f"A target ratio range runs from above 0 up to 10, low end first ({key}).",
                    "pair_targets",
                )
        if not 1 <= self.backups_to_keep <= 100:
            raise InvalidInput("Keep 1 to 100 automatic backups.", "backups")
        if not 1 <= self.min_gap_percent <= 50:
            raise InvalidInput("The smallest gap worth acting on is 1 to 50 %.", "min_gap")
        if self.body_mass_kg is not None and not 20 <= self.body_mass_kg <= 400:
            raise InvalidInput("Body mass must be 20 to 400 kg.", "body_mass")
        if not 0 <= self.rest_between_sets_seconds <= 3600:
            raise InvalidInput("Rest between sets must be 0 to 3600 s.", "rest_between_sets")
        check_retest_weeks(self.retest_weeks)
        check_repetitions(self.stretch_repetitions)
        self._check_plan()
        self._check_steps()
        return self

    def _check_steps(self) -> None:
        for unit, step in (("kg", self.weight_step_kg), ("lb", self.weight_step_lb)):
            if step not in STEP_CHOICES[unit]:
                shown = ", ".join(f"{c:g}" for c in STEP_CHOICES[unit])
                raise InvalidInput(f"Weights in {unit} are shown to {shown} {unit}.", "weight_step")

    def _check_plan(self) -> None:
        if not 0 <= self.plan_sets_at_notice <= self.plan_sets_at_warning <= 5:
            raise InvalidInput(
                "Extra weak-side sets are 0 to 5, no fewer at the warning than at the notice.",
                "plan_sets",
            )
        if not 6 <= self.plan_target_rpe <= 10:
            raise InvalidInput("The target RPE is 6 to 10.", "plan_target_rpe")
        if not 2 <= self.catch_up_sessions <= 12:
            raise InvalidInput(
                "Caught up after 2 to 12 sessions within noise.", "catch_up_sessions"
            )


def validate_profile_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("Give the profile a name.", "name")
    if len(cleaned) > MAX_PROFILE_NAME:
        raise InvalidInput(f"A profile name is at most {MAX_PROFILE_NAME} characters.", "name")
    return cleaned
