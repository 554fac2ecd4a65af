"""One attempt at writing an import: the write lock first, then what is already stored is
read, then the missing sets are added to sessions already there and the new sessions are
written, all in one transaction (rolled back at the end for a dry run)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from evenside.domain.errors import EvensideError
from evenside.domain.imports import Mapping, ParsedImport, SessionDraft
from evenside.domain.library import Exercise
from evenside.domain.training import ExerciseRecord, SessionRecord, SetRecord
from evenside.services.import_records import KeyMaker, exercise_record, targets
from evenside.services.store import Store
from evenside.storage import bulk_repo, import_repo


@dataclass(frozen=True)
class ImportResult:
    sessions_added: int
    sets_added: int
    duplicates: int  # sessions already there with every set
    exercises_created: int
    sessions_extended: int = 0  # sessions already there that got their missing sets
    sets_already_there: int = 0
    sides_unrecorded: int = 0  # one-sided sets whose file did not say the side
    dry_run: bool = False


@dataclass(frozen=True)
class Options:
    cancelled: Callable[[], bool]
    progress: Callable[[int, int], None]
    dry_run: bool
    cancel_error: type[EvensideError]


@dataclass
class _Tally:
    added: int = 0
    duplicates: int = 0
    extended: int = 0
    sets_there: int = 0
    unrecorded: int = 0
    appended: int = 0


class _DryRunDone(Exception):
    """Ends a dry run's transaction so everything it did is rolled back."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


@dataclass
class _Plan:
    """Each session's records, split into what goes into stored sessions and new ones."""

    appends: list[tuple[int, SessionRecord]] = field(default_factory=list)
    new: list[SessionDraft] = field(default_factory=list)


def write_import(
    store: Store, profile_id: int, parsed: ParsedImport, mapping: dict[str, Mapping], opts: Options
) -> ImportResult:
    try:
        with store.transaction() as tx:
            bulk_repo.hold_write_lock(tx)
            stored = import_repo.sessions_by_key(tx, profile_id)
            known_keys = import_repo.known_set_keys(tx, profile_id)
            found, created = targets(tx, parsed, mapping, store.now())
            tally, keys = _Tally(), KeyMaker()
            plan = _plan(parsed, stored, known_keys, found=found, keys=keys, tally=tally)
            for session_id, record in plan.appends:
                _stop_if_cancelled(opts)
                tally.appended += import_repo.append_to_session(
                    tx, session_id, record.started_at, list(record.exercises)
                )
            records = _new_records(plan.new, found, keys, tally, opts)
            with _collector_paused():  # the bulk step makes many objects, keeps few
                sets = bulk_repo.insert_sessions(tx, profile_id, records) + tally.appended
            _stop_if_cancelled(opts)
            result = ImportResult(
                tally.added,
                sets,
                tally.duplicates,
                created,
                tally.extended,
                tally.sets_there,
                tally.unrecorded,
                opts.dry_run,
            )
            if opts.dry_run:
                raise _DryRunDone(result)
    except _DryRunDone as done:
        return done.result
    return result


def _plan(
    parsed: ParsedImport,
    stored: dict[object, tuple[int, bool]],
    known_keys: set[str],
    *,
    found: dict[str, Exercise],
    keys: KeyMaker,
    tally: _Tally,
) -> _Plan:
    """Sessions already stored get only their missing sets; one imported before sets had
    keys (or logged in Evenside) is left as it is. The rest are new."""
    plan = _Plan()
    seen: dict[object, int] = {}
    for draft in parsed.sessions:
        hit = stored.get(draft.key) or stored.get((draft.started_at, draft.name))
        if hit is None and (draft.key in seen or (draft.started_at, draft.name) in seen):
            tally.duplicates += 1  # the same session twice in one file
            continue
        if hit is None:
            seen[draft.key] = seen[(draft.started_at, draft.name)] = 1
            plan.new.append(draft)
            continue
        session_id, keyed = hit
        if not keyed:
            tally.duplicates += 1
            continue
        record = _record(draft, found, keys, tally, known_keys)
        if any(e.sets for e in record.exercises):
            tally.extended += 1
            plan.appends.append((session_id, record))
        else:
            tally.duplicates += 1
    return plan


def _new_records(
    drafts: list[SessionDraft],
    found: dict[str, Exercise],
    keys: KeyMaker,
    tally: _Tally,
    opts: Options,
) -> Iterator[SessionRecord]:
    total = len(drafts)
    for done, draft in enumerate(drafts, start=1):
        _stop_if_cancelled(opts)
        tally.added += 1
        yield _record(draft, found, keys, tally, set())
        opts.progress(done, total)


def _record(
    draft: SessionDraft,
    found: dict[str, Exercise],
    keys: KeyMaker,
    tally: _Tally,
    known_keys: set[str],
) -> SessionRecord:
    """The session as a record, without the sets whose keys are already stored."""
    exercises = []
    for exercise_draft in draft.exercises:
        full = exercise_record(draft, exercise_draft, found[exercise_draft.name], keys)
        sets = tuple(s for s in full.sets if s.source_key not in known_keys)
        tally.sets_there += len(full.sets) - len(sets)
        tally.unrecorded += sum(1 for s in sets if s.sides_unrecorded)
        if sets or not known_keys:
            exercises.append(_with_sets(full, sets))
    return SessionRecord(
        draft.started_at,
        draft.ended_at or draft.started_at,
        tuple(exercises),
        draft.name,
        draft.notes,
        draft.key,
    )


def _with_sets(record: ExerciseRecord, sets: tuple[SetRecord, ...]) -> ExerciseRecord:
    return record if len(sets) == len(record.sets) else replace(record, sets=sets)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (on again after, if it was):
    the rows made and written here hold no cycles, and a collection every few hundred
    objects was a share of the import's time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _stop_if_cancelled(opts: Options) -> None:
    if opts.cancelled():
        raise opts.cancel_error("Import cancelled; nothing was written.")
