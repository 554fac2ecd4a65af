"""Turning an import's drafts into records: the exercise each name goes to (custom ones
created where asked), sets fitted to their exercise, and each set's source key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime

from evenside.domain.errors import InvalidInput
from evenside.domain.imports import ExerciseDraft, Mapping, ParsedImport, SessionDraft, SetDraft
from evenside.domain.library import (
    MAX_NAME_LENGTH,
    Exercise,
    ExerciseSpec,
    Laterality,
    LoadBasis,
    validate_exercise_spec,
)
from evenside.domain.muscles import MuscleGroup
from evenside.domain.sides import Side
from evenside.domain.training import ExerciseRecord, SetRecord, StretchStatus
from evenside.storage import import_repo, library_repo
from evenside.storage.database import DbSession

OWN_FORMAT = "evenside"
MAX_KEY = 200


def targets(
    tx: DbSession, parsed: ParsedImport, mapping: dict[str, Mapping], now: datetime
) -> tuple[dict[str, Exercise], int]:
    """The exercise each imported name goes to, creating custom exercises where asked, and
    each choice remembered for the next import of the same app.

    A name longer than a library name may be is cut; a cut that equals another exercise's
    name gets a number, so two long names never end up merged into one exercise.
    """
    exercises = {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}
    taken = {e.name.casefold() for e in exercises.values()}
    found: dict[str, Exercise] = {}
    created = 0
    for name in parsed.exercise_names:
        choice = mapping[name]
        if choice.exercise_id is not None:
            if choice.exercise_id not in exercises:
                raise InvalidInput(f'The exercise chosen for "{name}" no longer exists.', "mapping")
            found[name] = exercises[choice.exercise_id]
        elif parsed.format == OWN_FORMAT and name.casefold() in taken:
            found[name] = next(
                e for e in exercises.values() if e.name.casefold() == name.casefold()
            )
        else:
            found[name] = _create(tx, parsed, choice, taken)
            taken.add(found[name].name.casefold())
            created += 1
        if parsed.format != OWN_FORMAT:
            reason = choice.reason or "chosen in the import"
            import_repo.save_mapping(
                tx,
                parsed.format,
                name,
                found[name].id,
                reason=reason,
                decided_by=choice.decided_by,
                now=now,
            )
    return found, created


def _create(tx: DbSession, parsed: ParsedImport, choice: Mapping, taken: set[str]) -> Exercise:
    draft = _draft_named(parsed, choice.imported)
    spec = validate_exercise_spec(
        ExerciseSpec(
            unused_name(_own_name(choice.imported, parsed.format, taken), taken),
            draft.laterality or choice.create_as or Laterality.BILATERAL,
            draft.load_basis or choice.load_basis,
            _guess_muscles(choice.imported),
            equipment=choice.equipment[:60],
        ),
        set(),
    )
    return library_repo.add_custom_exercise(
        tx,
        spec,
        kind="cardio" if choice.cardio else "strength",
        import_source=None if parsed.format == OWN_FORMAT else parsed.format,
    )


def _own_name(name: str, app: str, taken: set[str]) -> str:
    """A file's name that another exercise already has (a library name the file uses for a
    different lift) is told apart by the app: "Side Plank (Hevy)"."""
    if app == OWN_FORMAT or " ".join(name.split()).casefold() not in taken:
        return name
    return f"{name} ({app.capitalize()})"


def unused_name(name: str, taken: set[str]) -> str:
    """``name`` cut to the library's limit, numbered "(2)", "(3)"... if the cut is taken."""
    tidy = " ".join(name.split())
    candidate = tidy[:MAX_NAME_LENGTH].rstrip()
    number = 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = tidy[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
    return candidate


def _draft_named(parsed: ParsedImport, name: str) -> ExerciseDraft:
    return next(e for s in parsed.sessions for e in s.exercises if e.name == name)


def _guess_muscles(name: str) -> tuple[MuscleGroup, ...]:
    """A custom exercise made by an import needs a primary group: a guess from the name's
    usual words. The Library shows it, and the mapping step lets the user pick instead."""
    lowered = name.lower()
    for words, group in (
        (("squat", "lunge", "leg press", "leg extension", "step"), MuscleGroup.QUADS),
        (("deadlift", "leg curl", "hamstring", "rdl"), MuscleGroup.HAMSTRINGS),
        (("bench", "chest", "fly", "push-up", "push up", "dip"), MuscleGroup.CHEST),
        (("row", "pulldown", "pull-up", "pull up", "chin"), MuscleGroup.UPPER_BACK),
        (("press", "raise", "shoulder"), MuscleGroup.FRONT_DELTS),
        (("curl",), MuscleGroup.BICEPS),
        (("triceps", "extension", "pushdown", "skull"), MuscleGroup.TRICEPS),
        (("calf",), MuscleGroup.CALVES),
        (("plank", "crunch", "sit-up", "ab "), MuscleGroup.ABS),
        (("hip thrust", "glute", "bridge"), MuscleGroup.GLUTES),
    ):
        if any(word in lowered for word in words):
            return (group,)
    return (MuscleGroup.ABS,)


@dataclass
class KeyMaker:
    """Source keys for a file's sets: session, source name, the source's set number (else
    the set's place among the exercise's rows), side. Unique within the file: every key
    starts with its session's, and a file's sessions have distinct keys, so only one
    session's keys are held at a time."""

    used: set[str] = field(default_factory=set)
    session: str = ""

    def key(self, session: SessionDraft, exercise: str, number: int, side: Side) -> str:
        if session.key != self.session:
            self.used.clear()
            self.session = session.key
        key = f"{session.key}|{exercise}|{number}|{side.value}"
        if len(key) > MAX_KEY:
            digest = hashlib.sha1(key.encode()).hexdigest()
            key = f"{session.key[:100]}|#{digest}"
        base, copy = key, 1
        while key in self.used:
            copy += 1
            key = f"{base}#{copy}"
        self.used.add(key)
        return key


def exercise_record(
    session: SessionDraft, draft: ExerciseDraft, target: Exercise, keys: KeyMaker
) -> ExerciseRecord:
    sets = tuple(_fit(s, target, key) for s, key in _sides_for(session, draft, target, keys))
    first = draft.first_side
    if first is None and target.laterality.per_side:
        first = next((s.side for s in sets if s.side is not Side.BOTH), None)
    return ExerciseRecord(
        target.id,
        sets,
        first,
        StretchStatus(draft.stretch)
        if draft.stretch in ("pending", "done", "skipped")
        else StretchStatus.PENDING,
        None,
        draft.notes,
        draft.superset,
    )


def _sides_for(
    session: SessionDraft, draft: ExerciseDraft, target: Exercise, keys: KeyMaker
) -> list[tuple[SetDraft, str]]:
    """Make the sets fit the exercise, each with its source key. Every set of the file is
    kept (a line may hold many, e.g. JEFIT's packed "50x15,50x15"); only a left and right
    pair made from one row (an "each side" row: one L and one R with the same figures) is
    that row's one set. On a two-sided exercise a set has side 'both'; on a one-sided one a
    set without a side is marked "sides not recorded" (volume only, never a side)."""
    pairs = _one_row_pairs(draft.sets)
    kept_pair: set[int] = set()
    result: list[tuple[SetDraft, str]] = []
    for s in draft.sets:
        if s.line in pairs:
            if s.line in kept_pair:
                continue  # the second half of a pair made from one row
            kept_pair.add(s.line)
        number = s.order if s.order is not None else len(result) + 1
        fitted = s
        both = s.line in pairs or not target.laterality.per_side or target.kind == "cardio"
        if both and s.side is not Side.BOTH:  # a draft already "both" is kept as it is
            fitted = replace(s, side=Side.BOTH)
        result.append((fitted, keys.key(session, draft.name, number, fitted.side)))
    return result


def _one_row_pairs(sets: list[SetDraft]) -> set[int]:
    """Lines whose sets are exactly one left and one right set with the same figures."""
    by_line: dict[int, list[SetDraft]] = {}
    for s in sets:
        by_line.setdefault(s.line, []).append(s)
    return {
        line
        for line, found in by_line.items()
        if len(found) == 2  # noqa: PLR2004 - a pair
        and {f.side for f in found} == {Side.LEFT, Side.RIGHT}
        and replace(found[0], side=Side.BOTH) == replace(found[1], side=Side.BOTH)
    }


def _fit(s: SetDraft, target: Exercise, key: str) -> SetRecord:
    weight = s.weight_kg
    if weight is None and target.load_basis is LoadBasis.BODYWEIGHT_PLUS:
        weight = 0.0
    unrecorded = target.laterality.per_side and target.kind != "cardio" and s.side is Side.BOTH
    return SetRecord(
        side=s.side,
        weight_kg=weight,
        reps=s.reps,
        kind=s.kind,
        logged_at=s.logged_at,
        duration_seconds=s.duration_seconds,
        rpe=s.rpe,
        rir=s.rir,
        volume_override=s.volume_override,
        sides_unrecorded=unrecorded,
        distance_m=s.distance_m,
        notes=s.notes,
        source_key=key,
    )
