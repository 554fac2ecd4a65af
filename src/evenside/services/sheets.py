"""Gathering what a printed routine sheet shows: targets, the side to start with and why,
last session's numbers per side, and the stretch after each exercise."""

from __future__ import annotations

from dataclasses import replace

from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.routines import RoutineItem
from evenside.domain.sheet import (
    MAX_WEEKS,
    RoutineSheet,
    SheetDay,
    SheetExercise,
    SheetStretch,
    as_rounds,
)
from evenside.domain.supersets import labels, together
from evenside.domain.training import SessionExercise, StretchStatus, WorkoutSession
from evenside.services import habits, profiles, routines, weak_side_plans, workout
from evenside.services.store import Store
from evenside.storage import library_repo, session_repo


def _plan(store: Store, profile_id: int, exercise: Exercise, item: RoutineItem) -> tuple[int, str]:
    """Extra weak-side sets (the routine's or the plan's, whichever asks for more) and the
    plan's line; none for bilateral work."""
    if not exercise.laterality.per_side:
        return 0, ""
    plan = weak_side_plans.exercise_plan(store, profile_id, exercise.id, target=item).plan
    return max(item.extra_weak_side_sets, plan.extra_sets), plan.sheet_line


def _target(item: RoutineItem, exercise: Exercise, default_rest: int) -> str:
    """ "3 x 8-10, 90 s rest"; holds and carries are in seconds: "3 x 30-45 s, 60 s rest"."""
    text = item.target_text(default_rest)
    if not exercise.load_basis.timed:
        return text
    sets_and_reps, _, rest = text.partition(", ")
    return f"{sets_and_reps} s, {rest}"


def routine_sheet(
    store: Store, profile_id: int, routine_name: str, *, day: int | None = None, weeks: int = 6
) -> RoutineSheet:
    """The sheet for a whole routine, or for its ``day``-th day (1-based)."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(f"Weeks to log must be 1 to {MAX_WEEKS}.", "weeks")
    routine = routines.find_routine(store, profile_id, routine_name)
    if not routine.days:
        raise InvalidInput(f'The routine "{routine.name}" has no days.', "routine")
    days = routine.days
    if day is not None:
        if not 1 <= day <= len(days):
            raise InvalidInput(f'"{routine.name}" has days 1 to {len(days)}.', "day")
        days = (days[day - 1],)
    profile = profiles.get_profile(store, profile_id)
    settings = profiles.settings(store, profile_id)
    with store.transaction() as tx:
        library = {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}
        grouped = {d.id: session_repo.day_supersets(tx, profile_id, d.id) for d in days}
    # Coaching needs a session to compare against: the moment of printing stands in for it.
    now = store.now()
    stand_in = WorkoutSession(0, profile_id, "", "", now, None, ())
    sheet_days = []
    for routine_day in days:
        # How the day was last done back to back: a superset prints together, labelled.
        groups = [grouped[routine_day.id].get(i.exercise_id) for i in routine_day.items]
        names = labels(groups)
        blocks = []
        for index in together(groups):
            item, group = routine_day.items[index], groups[index]
            exercise = library[item.exercise_id]
            block = _block(store, profile, settings, stand_in, exercise=exercise, item=item)
            label = "" if group is None else names.get(group, "")
            blocks.append(replace(block, superset=label))
        sheet_days.append(SheetDay(routine_day.name, as_rounds(tuple(blocks))))
    header = (routine.name, profile.name, profile.unit.value, now.date(), weeks)
    return RoutineSheet(*header, tuple(sheet_days), habits=_habit_lines(store, profile_id))


def _block(
    store: Store,
    profile: Profile,
    settings: Settings,
    stand_in: WorkoutSession,
    *,
    exercise: Exercise,
    item: RoutineItem,
) -> SheetExercise:
    """One exercise's block: targets, the side to start with and why, last time, stretch."""
    probe = SessionExercise(0, exercise.id, 0, None, StretchStatus.PENDING, "", ())
    coaching = workout.coaching(store, profile, stand_in, probe, exercise)
    extra, plan_line = _plan(store, profile.id, exercise, item)
    last = {side: workout.describe_sets(sets, profile) for side, sets in coaching.last_time.items()}
    return SheetExercise(
        name=exercise.name,
        target=_target(item, exercise, exercise.rest_seconds or settings.rest_between_sets_seconds),
        per_side=exercise.laterality.per_side,
        start=coaching.weak.side if coaching.weak else None,
        start_reason=coaching.weak.reason if coaching.weak else "",
        sets=item.target_sets,
        extra_weak_sets=extra,
        last_time=last,
        stretches=tuple(
            SheetStretch(s.name, s.cue, s.hold_seconds, s.one_sided) for s in exercise.stretches
        ),
        start_weaker=bool(coaching.weak and coaching.weak.weaker),
        verdict=coaching.weak.sentence if coaching.weak else "",
        plan=plan_line,
        timed=exercise.load_basis.timed,
    )


def _habit_lines(store: Store, profile_id: int) -> tuple[str, ...]:
    """The profile's everyday-habits checklist, for the sheet's footer."""
    return tuple(habit.text for habit in habits.personal_checklist(store, profile_id))
