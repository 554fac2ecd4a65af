"""The weak side's catch-up plan per exercise, from the one weak-side verdict: what the
Session page's entry, the routine editor and the printed sheet show. A catch-up found here
is recorded once; the screen that tells the user marks it shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from evenside.domain.changes import NOTHING, Changes
from evenside.domain.routines import RoutineItem
from evenside.domain.weak_side_plan import (
    DEFAULT_REP_RANGE,
    CatchUpRecord,
    Progression,
    WeakSidePlan,
    weak_side_plan,
)
from evenside.services import verdicts
from evenside.services.store import Store
from evenside.storage import catch_up_repo, history_repo, library_repo, profile_repo

BILATERAL = "both sides work together, so there is no side to coach."


@dataclass(frozen=True)
class ExercisePlan:
    exercise_id: int
    plan: WeakSidePlan
    catch_up: CatchUpRecord | None = None  # the stored catch-up behind ``plan.caught_up``

    @property
    def announce(self) -> bool:
        """Whether the catch-up is news: recorded and not shown to the user yet."""
        return self.catch_up is not None and not self.catch_up.shown

    @property
    def line(self) -> str:
        """What the entry shows: the plan, the news of a catch-up (once), or why no plan."""
        if self.announce and self.catch_up is not None:
            return (
                f"Caught up: back to even work. The gap stayed within noise for "
                f"{self.plan.catch_up_sessions} sessions in a row, so "
                f"{self.catch_up.weak.letter} gets no extra sets from now on."
            )
        return self.plan.line


def exercise_plan(
    store: Store,
    profile_id: int,
    exercise_id: int,
    *,
    target: RoutineItem | None = None,
    before: datetime | None = None,
    exclude_session_id: int | None = None,
) -> ExercisePlan:
    """The plan for one exercise, judged from the sessions before ``before`` (the session
    being logged is left out with ``exclude_session_id``)."""
    judged = verdicts.exercise_verdict(
        store, profile_id, exercise_id, before=before, exclude_session_id=exclude_session_id
    )
    with store.transaction() as tx:
        profile = profile_repo.get_profile(tx, profile_id)
        settings = profile_repo.get_settings(tx, profile_id)
        exercise = library_repo.get_exercise(tx, exercise_id)
        recent = history_repo.recent_exercise_sets(
            tx,
            profile_id,
            exercise_id,
            before=before or store.now(),
            exclude_session_id=exclude_session_id,
        )
    rules = settings.plan_rules()
    if not exercise.laterality.per_side:
        return ExercisePlan(
            exercise_id,
            WeakSidePlan(None, 0, None, None, 0, rules.catch_up_sessions, None, BILATERAL),
        )
    low, high = (target.rep_low, target.rep_high) if target else DEFAULT_REP_RANGE
    progression = Progression(
        exercise.load_basis,
        profile.unit,
        low,
        high,
        settings.plan_target_rpe,
        min(settings.plates_kg, default=1.25),
    )
    plan = weak_side_plan(
        judged.verdict,
        judged.scores,
        [sets for _session_id, sets in recent],
        rules,
        progression,
        why_none=judged.sentence,
    )
    catch_up = None
    if plan.caught_up is not None:
        at = datetime.combine(plan.caught_up.day, time())
        with store.transaction() as tx:
            catch_up = catch_up_repo.record_catch_up(
                tx, profile_id, exercise_id, plan.caught_up.weak, at
            )
    return ExercisePlan(exercise_id, plan, catch_up)


def routine_plans(
    store: Store, profile_id: int, items: Sequence[RoutineItem]
) -> dict[int, ExercisePlan]:
    """The plan of each item of a routine (by item id), as of now."""
    return {
        item.id: exercise_plan(store, profile_id, item.exercise_id, target=item) for item in items
    }


def acknowledge_catch_up(store: Store, catch_up_id: int) -> Changes:
    """The user has been told: the catch-up is not announced again."""
    with store.transaction() as tx:
        catch_up_repo.mark_shown(tx, catch_up_id)
    return NOTHING


def catch_ups(store: Store, profile_id: int, exercise_id: int | None = None) -> list[CatchUpRecord]:
    with store.transaction() as tx:
        return catch_up_repo.list_catch_ups(tx, profile_id, exercise_id)
