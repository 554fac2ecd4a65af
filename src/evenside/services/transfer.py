"""Bringing history in from other apps, and getting it out again.

An import is read and checked first (nothing written), then the user confirms how the
exercise names map, then everything is written in one transaction or not at all.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from evenside.domain.errors import DatabaseLocked, EvensideError, InvalidInput
from evenside.domain.imports import (
    ExerciseDraft,
    ExportRow,
    Mapping,
    ParsedImport,
    SessionDraft,
    SetDraft,
)
from evenside.domain.library import (
    MAX_NAME_LENGTH,
    Exercise,
    ExerciseSpec,
    Laterality,
    LoadBasis,
    validate_exercise_spec,
)
from evenside.domain.muscles import MuscleGroup
from evenside.domain.search import match_score
from evenside.domain.sides import Side
from evenside.domain.training import ExerciseRecord, SessionRecord, SetRecord, StretchStatus
from evenside.domain.units import Unit
from evenside.interchange import evenside_csv
from evenside.interchange.importers import parse_file
from evenside.interchange.strong_out import write_strong
from evenside.services.store import Store
from evenside.storage import bulk_repo, history_repo, library_repo
from evenside.storage.database import DbSession

SUGGEST_AT = 0.75
_T = TypeVar("_T")
_EQUIPMENT_NOTE = re.compile(
    r"\((barbell|dumbbells?|cable|machine|kettlebell|band|bodyweight|smith machine|ez bar"
    r"|single arm|each side)\)",
    re.I,
)


class ImportCancelled(EvensideError):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class Suggestion:
    imported: str
    best: Exercise | None
    score: float
    alternatives: tuple[Exercise, ...]
    unilateral: bool


def read_import(path: Path, *, format: str | None = None, unit: Unit | None = None) -> ParsedImport:  # noqa: A002
    """Parse and check a file; writes nothing."""
    return parse_file(path, format=format, unit=unit)


def suggestions(store: Store, parsed: ParsedImport) -> list[Suggestion]:
    """For each imported name, the closest library exercises (case, spacing, word order and
    equipment notes ignored); a one-sided name prefers one-sided exercises."""
    with store.transaction() as tx:
        library = library_repo.list_exercises(tx)
    unilateral = {e.name: e.unilateral for s in parsed.sessions for e in s.exercises}
    result = []
    for name in parsed.exercise_names:
        plain = " ".join(_EQUIPMENT_NOTE.sub(" ", name).split())
        scored = []
        for exercise in library:
            if exercise.name.casefold() == name.casefold():
                score = 1.01
            else:
                score = max(match_score(name, exercise.name), match_score(plain, exercise.name))
            if score > 0:
                if unilateral.get(name) and exercise.laterality.per_side:
                    score += 0.05
                scored.append((score, exercise))
        scored.sort(key=lambda pair: (-pair[0], pair[1].name))
        best = scored[0] if scored and scored[0][0] >= SUGGEST_AT else None
        result.append(
            Suggestion(
                name,
                None if best is None else best[1],
                0.0 if best is None else min(1.0, best[0]),
                tuple(e for _s, e in scored[:8]),
                bool(unilateral.get(name)),
            )
        )
    return result


def default_mapping(found: list[Suggestion]) -> dict[str, Mapping]:
    return {
        s.imported: Mapping(
            s.imported,
            None if s.best is None else s.best.id,
            None
            if s.best is not None
            else (Laterality.UNILATERAL if s.unilateral else Laterality.BILATERAL),
        )
        for s in found
    }


@dataclass(frozen=True)
class ImportResult:
    sessions_added: int
    sets_added: int
    duplicates: int
    exercises_created: int


def count_duplicates(store: Store, profile_id: int, parsed: ParsedImport) -> int:
    with store.transaction() as tx:
        keys, starts = history_repo.known_sessions(tx, profile_id)
    return sum(1 for s in parsed.sessions if s.key in keys or (s.started_at, s.name) in starts)


LOCK_WAIT_SECONDS = 60.0  # how long an import waits for another writer before giving up


def commit_import(
    store: Store,
    profile_id: int,
    parsed: ParsedImport,
    mapping: dict[str, Mapping],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> ImportResult:
    """Write the import in one transaction. Sessions already in the database (same source,
    or same start and name) are skipped, so importing a file twice adds nothing.

    The write lock is taken before anything is read, so a set logged or another import
    running meanwhile waits its turn instead of colliding. While another program keeps the
    database busy, the import retries for up to ``LOCK_WAIT_SECONDS``, then gives up with
    nothing written.
    """
    _require_mapping(parsed, mapping)
    return _retry_while_busy(
        store,
        lambda: _write_import(
            store, profile_id, parsed, mapping, cancelled=cancelled, progress=progress
        ),
    )


def _require_mapping(parsed: ParsedImport, mapping: dict[str, Mapping]) -> None:
    """Every imported exercise name has a place chosen before anything is written."""
    missing = [name for name in parsed.exercise_names if name not in mapping]
    if missing:
        raise InvalidInput(f'Choose where "{missing[0]}" goes before importing.', "mapping")


def _retry_while_busy(store: Store, write: Callable[[], _T]) -> _T:
    """``write()``, tried again every 0.2 s while another program keeps the database locked,
    until ``LOCK_WAIT_SECONDS`` have passed; then ``DatabaseLocked`` with nothing written."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return write()
        except DatabaseLocked:
            if time.monotonic() >= deadline:
                raise DatabaseLocked(
                    f"{store.path} stayed busy with another program's changes for "
                    f"{LOCK_WAIT_SECONDS:.0f} s; nothing was imported. Try again."
                ) from None
            time.sleep(0.2)


@dataclass
class _Tally:
    added: int = 0
    duplicates: int = 0


def _write_import(
    store: Store,
    profile_id: int,
    parsed: ParsedImport,
    mapping: dict[str, Mapping],
    *,
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None],
) -> ImportResult:
    """One attempt: the write lock first, then the known sessions and the targets are read,
    then the new sessions are written as they are made."""
    with store.transaction() as tx:
        bulk_repo.hold_write_lock(tx)
        known = history_repo.known_sessions(tx, profile_id)
        targets, created = _targets(tx, parsed, mapping)
        tally = _Tally()
        records = _new_records(
            parsed, known, targets, tally, cancelled=cancelled, progress=progress
        )
        sets = bulk_repo.insert_sessions(tx, profile_id, records)
        _stop_if_cancelled(cancelled)
    return ImportResult(tally.added, sets, tally.duplicates, created)


def _new_records(
    parsed: ParsedImport,
    known: tuple[set[str], set[tuple[datetime, str]]],
    targets: dict[str, Exercise],
    tally: _Tally,
    *,
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None],
) -> Iterator[SessionRecord]:
    """The sessions not already in the database (by source key, or by start and name),
    made into records one at a time as they are written; ``tally`` counts both kinds."""
    keys, starts = known
    total = len(parsed.sessions)
    for done, draft in enumerate(parsed.sessions, start=1):
        _stop_if_cancelled(cancelled)
        if draft.key in keys or (draft.started_at, draft.name) in starts:
            tally.duplicates += 1
            continue
        keys.add(draft.key)
        starts.add((draft.started_at, draft.name))
        tally.added += 1
        yield _session_record(draft, targets)
        progress(done, total)


def _stop_if_cancelled(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise ImportCancelled("Import cancelled; nothing was written.")


def _targets(
    tx: DbSession, parsed: ParsedImport, mapping: dict[str, Mapping]
) -> tuple[dict[str, Exercise], int]:
    """The exercise each imported name goes to, creating custom exercises where asked.

    A name longer than a library name may be is cut; a cut that equals another exercise's
    name gets a number, so two long names never end up merged into one exercise.
    """
    exercises = {e.id: e for e in library_repo.list_exercises(tx, include_archived=True)}
    by_name = {e.name.casefold(): e for e in exercises.values()}
    targets: dict[str, Exercise] = {}
    created = 0
    for name in parsed.exercise_names:
        choice = mapping[name]
        if choice.exercise_id is not None:
            if choice.exercise_id not in exercises:
                raise InvalidInput(f'The exercise chosen for "{name}" no longer exists.', "mapping")
            targets[name] = exercises[choice.exercise_id]
            continue
        existing = by_name.get(name.casefold())
        if existing is None:
            draft = _draft_named(parsed, name)
            spec = validate_exercise_spec(
                ExerciseSpec(
                    _unused_name(name, set(by_name)),
                    draft.laterality or choice.create_as or Laterality.BILATERAL,
                    draft.load_basis or choice.load_basis,
                    _guess_muscles(name),
                ),
                set(),
            )
            existing = library_repo.add_custom_exercise(tx, spec)
            by_name[existing.name.casefold()] = existing
            created += 1
        targets[name] = existing
    return targets, created


def _unused_name(name: str, taken: set[str]) -> str:
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


def _session_record(draft: SessionDraft, targets: dict[str, Exercise]) -> SessionRecord:
    exercises = []
    for exercise_draft in draft.exercises:
        target = targets[exercise_draft.name]
        sets = tuple(_fit(s, target) for s in _sides_for(exercise_draft.sets, target))
        first = exercise_draft.first_side
        if first is None and target.laterality.per_side:
            first = next((s.side for s in sets if s.side is not Side.BOTH), None)
        exercises.append(
            ExerciseRecord(
                target.id,
                sets,
                first,
                StretchStatus(exercise_draft.stretch)
                if exercise_draft.stretch in ("pending", "done", "skipped")
                else StretchStatus.PENDING,
                None,
                exercise_draft.notes,
            )
        )
    return SessionRecord(
        draft.started_at,
        draft.ended_at or draft.started_at,
        tuple(exercises),
        draft.name,
        draft.notes,
        draft.key,
    )


def _sides_for(sets: list[SetDraft], target: Exercise) -> list[SetDraft]:
    """Make the sets fit the exercise: an "each side" pair on a two-sided exercise becomes
    one set; a set with no side on a one-sided exercise becomes a left and a right set."""
    result: list[SetDraft] = []
    seen_lines: set[int] = set()
    for s in sets:
        if not target.laterality.per_side and s.side is not Side.BOTH:
            if s.line in seen_lines:
                continue
            seen_lines.add(s.line)
            result.append(replace(s, side=Side.BOTH))
        elif target.laterality.per_side and s.side is Side.BOTH:
            result += [replace(s, side=Side.LEFT), replace(s, side=Side.RIGHT)]
        else:
            result.append(s)
    return result


def _fit(s: SetDraft, target: Exercise) -> SetRecord:
    weight = s.weight_kg
    if weight is None and target.load_basis is LoadBasis.BODYWEIGHT_PLUS:
        weight = 0.0
    return SetRecord(s.side, weight, s.reps, s.kind, s.logged_at, s.duration_seconds, s.rpe, s.rir)


# -- export --------------------------------------------------------------------------------


def _export_rows(store: Store, profile_id: int) -> list[ExportRow]:
    with store.transaction() as tx:
        return history_repo.export_rows(tx, profile_id)


def export_evenside(store: Store, profile_id: int, path: Path) -> int:
    return evenside_csv.write(path, _export_rows(store, profile_id))


def export_strong(store: Store, profile_id: int, path: Path, unit: Unit) -> int:
    return write_strong(path, _export_rows(store, profile_id), unit)
