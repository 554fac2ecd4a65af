"""Routines: editing, the balance checker and its fixes, the generator, starting a
session from a day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from evenside.domain.balance_check import (
    AddExercise,
    AddSets,
    Finding,
    Fix,
    check_routine,
)
from evenside.domain.balance_fix import FixPreview, best_fix, preview, refusal
from evenside.domain.changes import Changes, of_sessions
from evenside.domain.errors import InvalidInput
from evenside.domain.generator import (
    GeneratorChoice,
    GeneratorRules,
    allowed_exercises,
    generate,
)
from evenside.domain.library import Exercise
from evenside.domain.profile import Settings
from evenside.domain.progress import CurrentAsymmetry
from evenside.domain.routines import (
    Routine,
    RoutineItem,
    validate_name,
    validate_targets,
)
from evenside.domain.volume import set_ranges
from evenside.services import progress
from evenside.services.store import Store
from evenside.services.workout import SessionStarted
from evenside.storage import library_repo, profile_repo, routine_repo, session_repo

MAX_FIX_ROUNDS = 60
NOT_MET = "Not met:"


EQUIPMENT_NOTE = "Equipment: "
BODYWEIGHT_ONLY = "bodyweight only"


def routine_equipment(routine: Routine) -> frozenset[str] | None:
    """The equipment a generated routine was made for (in its notes); None when not said."""
    for line in routine.notes.splitlines():
        if line.startswith(EQUIPMENT_NOTE):
            text = line[len(EQUIPMENT_NOTE) :]
            return frozenset() if text == BODYWEIGHT_ONLY else frozenset(text.split(", "))
    return None


def _allowed_for(routine: Routine, library: dict[int, Exercise]) -> set[int] | None:
    equipment = routine_equipment(routine)
    return None if equipment is None else set(allowed_exercises(library, equipment))


def unmet_reasons(routine: Routine) -> tuple[str, ...]:
    """What the generator could not meet, as saved in the routine's notes."""
    lines = routine.notes.splitlines()
    if NOT_MET not in lines:
        return ()
    after = lines[lines.index(NOT_MET) + 1 :]
    return tuple(line[2:] for line in after if line.startswith("- "))


# What every write below changes. Writes that hand back a new id or a snapshot keep doing so
# (the command line and scripts use them); the screens pair them with this value.
CHANGED = Changes(routines=True)


def list_routines(store: Store, profile_id: int) -> list[tuple[int, str]]:
    with store.transaction() as tx:
        return routine_repo.list_routines(tx, profile_id)


def get_routine(store: Store, routine_id: int) -> Routine:
    with store.transaction() as tx:
        return routine_repo.get_routine(tx, routine_id)


def find_routine(store: Store, profile_id: int, name_or_id: str) -> Routine:
    """A routine by name (case-insensitive) or id, for the command line."""
    with store.transaction() as tx:
        routine_id = routine_repo.find_by_name(tx, profile_id, name_or_id)
        if routine_id is None and name_or_id.isdigit():
            routine_id = int(name_or_id)
        if routine_id is None:
            names = ", ".join(n for _, n in routine_repo.list_routines(tx, profile_id)) or "none"
            raise InvalidInput(f'No routine called "{name_or_id}" (routines: {names}).', "routine")
        return routine_repo.get_routine(tx, routine_id)


def create_routine(store: Store, profile_id: int, name: str, first_day: str = "Day 1") -> Routine:
    clean = validate_name(name)
    with store.transaction() as tx:
        routine_id = routine_repo.create_routine(tx, profile_id, clean, store.now())
        routine_repo.add_day(tx, routine_id, first_day)
        return routine_repo.get_routine(tx, routine_id)


def rename_routine(store: Store, routine_id: int, name: str) -> Changes:
    clean = validate_name(name)
    with store.transaction() as tx:
        routine_repo.rename_routine(tx, routine_id, clean)
    return CHANGED


def delete_routine(store: Store, routine_id: int) -> Routine:
    """Delete a routine; returns it so the deletion can be undone."""
    with store.transaction() as tx:
        snapshot = routine_repo.get_routine(tx, routine_id)
        routine_repo.delete_routine(tx, routine_id)
        return snapshot


def restore_routine(store: Store, snapshot: Routine) -> int:
    with store.transaction() as tx:
        routine_id = routine_repo.create_routine(
            tx, snapshot.profile_id, snapshot.name, store.now(), snapshot.notes
        )
        for day in snapshot.days:
            routine_repo.copy_day(tx, day, routine_id, day.name)
        return routine_id


def duplicate_routine(store: Store, routine_id: int) -> int:
    with store.transaction() as tx:
        original = routine_repo.get_routine(tx, routine_id)
        taken = {n.lower() for _, n in routine_repo.list_routines(tx, original.profile_id)}
        name, number = f"{original.name} (copy)", 2
        while name.lower() in taken:
            name, number = f"{original.name} (copy {number})", number + 1
        new_id = routine_repo.create_routine(
            tx, original.profile_id, name[:80], store.now(), original.notes
        )
        for day in original.days:
            routine_repo.copy_day(tx, day, new_id, day.name)
        return new_id


def add_day(store: Store, routine_id: int, name: str) -> int:
    with store.transaction() as tx:
        return routine_repo.add_day(tx, routine_id, validate_name(name, "day"))


def rename_day(store: Store, day_id: int, name: str) -> Changes:
    with store.transaction() as tx:
        routine_repo.rename_day(tx, day_id, validate_name(name, "day"))
    return CHANGED


def duplicate_day(store: Store, day_id: int) -> int:
    with store.transaction() as tx:
        routine = routine_repo.get_routine(tx, routine_repo.routine_of_day(tx, day_id))
        day = routine.day(day_id)
        return routine_repo.copy_day(tx, day, routine.id, f"{day.name} (copy)"[:80])


def delete_day(store: Store, day_id: int) -> Changes:
    with store.transaction() as tx:
        routine_repo.delete_day(tx, day_id)
    return CHANGED


def add_item(store: Store, day_id: int, exercise_id: int, target_sets: int = 3) -> int:
    with store.transaction() as tx:
        return routine_repo.add_item(tx, day_id, exercise_id, target_sets=target_sets)


def update_item(store: Store, item: RoutineItem) -> Changes:
    validate_targets(
        item.target_sets, item.rep_low, item.rep_high, item.rest_seconds, item.extra_weak_side_sets
    )
    with store.transaction() as tx:
        routine_repo.update_item(tx, item)
    return CHANGED


def delete_item(store: Store, item_id: int) -> Changes:
    with store.transaction() as tx:
        routine_repo.delete_item(tx, item_id)
    return CHANGED


def move_item(store: Store, item_id: int, new_position: int) -> Changes:
    with store.transaction() as tx:
        routine_repo.move_item(tx, item_id, new_position)
    return CHANGED


# -- balance -------------------------------------------------------------------------------


def current_asymmetries(store: Store, profile_id: int) -> dict[int, CurrentAsymmetry]:
    return {row.exercise.id: row.current for row in progress.overview(store, profile_id)}


def _library(store: Store) -> dict[int, Exercise]:
    with store.transaction() as tx:
        return {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}


def check(
    store: Store,
    profile_id: int,
    routine_id: int,
    allowed: set[int] | None = None,
    *,
    library: dict[int, Exercise] | None = None,
    asymmetry: dict[int, CurrentAsymmetry] | None = None,
) -> list[Finding]:
    """The checker's findings; pass ``library`` and ``asymmetry`` when checking repeatedly.
    A generated routine's fixes keep to the equipment it was made for."""
    with store.transaction() as tx:
        settings = profile_repo.get_settings(tx, profile_id)
        routine = routine_repo.get_routine(tx, routine_id)
    library = library if library is not None else _library(store)
    if allowed is None:
        allowed = _allowed_for(routine, library)
    return check_routine(
        routine,
        library,
        asymmetry if asymmetry is not None else current_asymmetries(store, profile_id),
        notice_percent=settings.notice_percent,
        warning_percent=settings.warning_percent,
        allowed=allowed,
        pairs=settings.opposing_pairs(),
    )


def apply_fix(store: Store, fix: Fix) -> Changes:
    """Apply every step of a finding's fix in one transaction (one click, one undo)."""
    with store.transaction() as tx:
        for step in fix:
            if isinstance(step, AddExercise):
                routine_repo.add_item(
                    tx,
                    step.day_id,
                    step.exercise_id,
                    target_sets=step.target_sets,
                    rep_low=step.rep_low,
                    rep_high=step.rep_high,
                    rest_seconds=step.rest_seconds,
                )
                continue
            routine_id = routine_repo.routine_of_item(tx, step.item_id)
            routine = routine_repo.get_routine(tx, routine_id)
            item = next(i for _d, i in routine.items() if i.id == step.item_id)
            if isinstance(step, AddSets):
                changed = replace(item, target_sets=item.target_sets + step.sets)
            else:
                changed = replace(item, extra_weak_side_sets=item.extra_weak_side_sets + step.sets)
            routine_repo.update_item(tx, changed)
    return CHANGED


def _checker(store: Store, profile_id: int) -> Callable[[Routine], list[Finding]]:
    library = _library(store)
    asymmetry = current_asymmetries(store, profile_id)
    with store.transaction() as tx:
        settings = profile_repo.get_settings(tx, profile_id)

    def check_one(routine: Routine) -> list[Finding]:
        return check_routine(
            routine,
            library,
            asymmetry,
            allowed=_allowed_for(routine, library),
            notice_percent=settings.notice_percent,
            warning_percent=settings.warning_percent,
            pairs=settings.opposing_pairs(),
        )

    return check_one


def preview_fix(store: Store, profile_id: int, routine_id: int, finding: Finding) -> FixPreview:
    """What the finding's fix would do: the findings it resolves and any it would add."""
    return preview(get_routine(store, routine_id), finding, _checker(store, profile_id))


def apply_checked_fix(store: Store, profile_id: int, routine_id: int, finding: Finding) -> Changes:
    """Apply the fix only if it adds no finding; otherwise refuse and say what it would add."""
    tried = preview_fix(store, profile_id, routine_id, finding)
    if not tried.acceptable:
        raise InvalidInput(f"Not applied: {refusal(tried)}.", "fix")
    assert tried.finding.fix is not None
    return apply_fix(store, tried.finding.fix)


def fix_all(store: Store, profile_id: int, routine_id: int) -> list[FixPreview]:
    """Apply, one at a time, every fix that adds no finding and lowers their number, until
    none is left (a fixed point: the number of findings cannot fall forever)."""
    check_one = _checker(store, profile_id)
    done: list[FixPreview] = []
    for _round in range(MAX_FIX_ROUNDS):
        step = best_fix(get_routine(store, routine_id), check_one)
        if step is None:
            break
        assert step.finding.fix is not None
        apply_fix(store, step.finding.fix)
        done.append(step)
    return done


def generation_rules(settings: Settings) -> GeneratorRules:
    overrides = {m: (lo, hi) for m, lo, hi in settings.weekly_set_ranges}
    return GeneratorRules(
        settings.notice_percent,
        settings.warning_percent,
        settings.rest_between_sides_seconds,
        set_ranges(overrides),
        settings.opposing_pairs(),
    )


def generate_routine(store: Store, profile_id: int, name: str, choice: GeneratorChoice) -> int:
    """Build and save a balanced routine; its notes list what could not be met."""
    return generate_and_save(store, profile_id, name, choice).routine_id


@dataclass(frozen=True)
class Generated:
    routine_id: int
    reasons: tuple[str, ...]


def generate_and_save(
    store: Store, profile_id: int, name: str, choice: GeneratorChoice
) -> Generated:
    clean = validate_name(name)
    library = _library(store)
    asymmetry = current_asymmetries(store, profile_id)
    with store.transaction() as tx:
        settings = profile_repo.get_settings(tx, profile_id)
        if routine_repo.find_by_name(tx, profile_id, clean) is not None:
            raise InvalidInput(f'A routine called "{clean}" already exists.', "name")
    made = generate(choice, library, asymmetry, generation_rules(settings))
    notes = f"Generated: {choice.days_per_week} days, {choice.minutes} min"
    kinds = ", ".join(sorted(choice.equipment)) or BODYWEIGHT_ONLY
    notes += f"\n{EQUIPMENT_NOTE}{kinds}"
    if made.reasons:
        notes += "\n" + NOT_MET + "\n" + "\n".join(f"- {r}" for r in made.reasons)
    with store.transaction() as tx:
        routine_id = routine_repo.create_routine(tx, profile_id, clean, store.now(), notes)
        for day in made.routine.days:
            day_id = routine_repo.add_day(tx, routine_id, day.name)
            for item in day.items:
                routine_repo.add_item(
                    tx,
                    day_id,
                    item.exercise_id,
                    target_sets=item.target_sets,
                    rep_low=item.rep_low,
                    rep_high=item.rep_high,
                    rest_seconds=item.rest_seconds,
                    extra_weak_side_sets=item.extra_weak_side_sets,
                )
    return Generated(routine_id, made.reasons)


def start_session_from_day(store: Store, profile_id: int, day_id: int) -> SessionStarted:
    """A session with the day's exercises added in order; targets show while logging."""
    with store.transaction() as tx:
        routine = routine_repo.get_routine(tx, routine_repo.routine_of_day(tx, day_id))
        day = routine.day(day_id)
        session_id = session_repo.start_session(
            tx, profile_id, store.now(), f"{routine.name}: {day.name}", day_id
        )
        for item in day.items:
            session_repo.add_exercise(tx, session_id, item.exercise_id)
        started = session_repo.get_session(tx, session_id)
    return SessionStarted(started, of_sessions(session_id))


def day_targets(store: Store, day_id: int) -> dict[int, RoutineItem]:
    """Targets of a routine day by exercise id (the Session page shows them)."""
    with store.transaction() as tx:
        routine = routine_repo.get_routine(tx, routine_repo.routine_of_day(tx, day_id))
        return {item.exercise_id: item for item in routine.day(day_id).items}
