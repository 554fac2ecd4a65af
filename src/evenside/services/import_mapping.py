"""Where each exercise name of an import goes: a mapping remembered from an earlier import
(the user's own choice first), else the one library exercise whose movement, equipment and
laterality agree, else a new custom exercise named as in the file. Custom exercises an
import created are never matched to other names."""

from __future__ import annotations

from dataclasses import dataclass

from evenside.domain.imports import ExerciseDraft, Mapping, ParsedImport
from evenside.domain.library import Exercise, Laterality
from evenside.domain.name_mapping import (
    CARDIO_REASON,
    NewExercise,
    best_match,
    name_traits,
    new_exercise,
)
from evenside.domain.sides import Side
from evenside.services.store import Store
from evenside.storage import import_repo, library_repo

OWN_FORMAT = "evenside"  # our own export names Evenside's exercises: matched by name
SAME_NAME = "same name as the exercise an earlier import created"


@dataclass(frozen=True)
class Suggestion:
    imported: str
    best: Exercise | None
    score: float  # 1.0 when an exercise was chosen, else 0.0
    alternatives: tuple[Exercise, ...]
    unilateral: bool
    reason: str = ""
    create: NewExercise | None = None  # what a new custom exercise would be
    remembered: str | None = None  # 'import' or 'user' when a stored mapping decided


@dataclass(frozen=True)
class _NameFacts:
    one_sided: bool  # an explicit marker in the name, or sides in the rows
    cardio: bool
    laterality: Laterality | None  # given by our own format


def _facts(parsed: ParsedImport) -> dict[str, _NameFacts]:
    drafts: dict[str, list[ExerciseDraft]] = {}
    for session in parsed.sessions:
        for draft in session.exercises:
            drafts.setdefault(draft.name, []).append(draft)
    facts = {}
    for name, found in drafts.items():
        sided = any(s.side is not Side.BOTH for d in found for s in d.sets)
        laterality = next((d.laterality for d in found if d.laterality is not None), None)
        facts[name] = _NameFacts(
            sided or name_traits(name).one_sided, any(d.cardio for d in found), laterality
        )
    return facts


def suggestions(store: Store, parsed: ParsedImport) -> list[Suggestion]:
    """For each name in the file, where it goes and why (see the module's rule)."""
    with store.transaction() as tx:
        library = library_repo.list_exercises(tx, include_archived=True)
        stored = {m.source_name: m for m in import_repo.stored_mappings(tx, parsed.format)}
    by_id = {e.id: e for e in library}
    candidates = [e for e in library if e.import_source is None and e.kind == "strength"]
    facts = _facts(parsed)
    result = []
    for name in parsed.exercise_names:
        fact = facts[name]
        create = new_exercise(name, one_sided=fact.one_sided, cardio=fact.cardio)
        if fact.laterality is not None:
            create = NewExercise(
                name, fact.laterality, create.load_basis, create.equipment, create.cardio
            )
        remembered = stored.get(name) if parsed.format != OWN_FORMAT else None
        if remembered is not None and remembered.exercise_id in by_id:
            best: Exercise | None = by_id[remembered.exercise_id]
            who = "you chose it" if remembered.decided_by == "user" else "an earlier import"
            reason = f"remembered ({who}): {remembered.reason}"
        else:
            remembered = None
            best, reason = _choose(name, fact, library, candidates)
        result.append(
            Suggestion(
                name,
                best,
                0.0 if best is None else 1.0,
                () if best is None else (best,),
                fact.one_sided,
                reason,
                create,
                None if remembered is None else remembered.decided_by,
            )
        )
    return result


def _choose(
    name: str, fact: _NameFacts, library: list[Exercise], candidates: list[Exercise]
) -> tuple[Exercise | None, str]:
    folded = name.casefold()
    if fact.laterality is not None:  # our own format: the exercise of that name
        same = next((e for e in library if e.name.casefold() == folded), None)
        return same, "same name" if same else "a new exercise, as in the file"
    if fact.cardio:
        same = next(
            (e for e in library if e.kind == "cardio" and e.name.casefold() == folded), None
        )
        return same, CARDIO_REASON
    best, reason = best_match(name, candidates, one_sided=fact.one_sided)
    if best is None:
        made = next(
            (
                e
                for e in library
                if e.import_source is not None
                and e.kind == "strength"
                and e.name.casefold() == folded
                and e.laterality.per_side == fact.one_sided
            ),
            None,
        )
        if made is not None:
            return made, SAME_NAME
    return best, reason


def default_mapping(found: list[Suggestion]) -> dict[str, Mapping]:
    return {s.imported: mapping_for(s) for s in found}


def mapping_for(s: Suggestion, exercise_id: int | None = None, *, user: bool = False) -> Mapping:
    """The suggestion as a mapping; ``exercise_id`` when the user chose another exercise."""
    create = s.create or new_exercise(s.imported, one_sided=s.unilateral, cardio=False)
    chosen = exercise_id if user else (None if s.best is None else s.best.id)
    return Mapping(
        s.imported,
        chosen,
        create.laterality,
        create.load_basis,
        "chosen in the import" if user else s.reason,
        "user" if user or s.remembered == "user" else "import",
        create.equipment,
        create.cardio,
    )
