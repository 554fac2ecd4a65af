"""Exercises and stretches: reading them as domain objects, syncing the shipped library."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from evenside.domain.library import (
    Exercise,
    ExerciseSpec,
    Laterality,
    LibraryData,
    LoadBasis,
    Stretch,
    StretchSpec,
    stretches_for,
)
from evenside.domain.muscles import MuscleGroup
from evenside.storage import meta_repo
from evenside.storage.models import ExerciseRow, ExerciseStretchRow, StretchRow

LIBRARY_VERSION_KEY = "library_version"
# Library exercises whose named groups work hardest on the side opposite the loaded one,
# as JSON {library key: [group, ...]} (kept with the library version, refreshed with it).
OPPOSITE_SIDE_KEY = "library_opposite_side"
# Other names of library exercises, as JSON {library key: [name, ...]} (refreshed likewise).
ALIASES_KEY = "library_aliases"


def _split(text: str) -> tuple[MuscleGroup, ...]:
    return tuple(MuscleGroup(part) for part in text.split(",") if part)


def _join(groups: tuple[MuscleGroup, ...]) -> str:
    return ",".join(g.value for g in groups)


def _stretch(row: StretchRow) -> Stretch:
    return Stretch(row.id, row.name, _split(row.muscles), row.cue, row.hold_seconds, row.one_sided)


def _opposite_side(tx: Session) -> dict[str, tuple[MuscleGroup, ...]]:
    text = meta_repo.get(tx, OPPOSITE_SIDE_KEY)
    raw: dict[str, list[str]] = json.loads(text) if text else {}
    return {key: tuple(MuscleGroup(m) for m in groups) for key, groups in raw.items()}


def _aliases(tx: Session) -> dict[str, tuple[str, ...]]:
    text = meta_repo.get(tx, ALIASES_KEY)
    raw: dict[str, list[str]] = json.loads(text) if text else {}
    return {key: tuple(names) for key, names in raw.items()}


def _exercise(
    row: ExerciseRow,
    stretches: tuple[Stretch, ...] = (),
    opposite: dict[str, tuple[MuscleGroup, ...]] | None = None,
    aliases: dict[str, tuple[str, ...]] | None = None,
) -> Exercise:
    return Exercise(
        id=row.id,
        name=row.name,
        laterality=Laterality(row.laterality),
        load_basis=LoadBasis(row.load_basis),
        primary=_split(row.primary_muscles),
        secondary=_split(row.secondary_muscles),
        equipment=row.equipment,
        custom=row.custom,
        archived=row.archived,
        rest_seconds=row.rest_seconds,
        stretches=stretches,
        opposite_side=(opposite or {}).get(row.library_key or "", ()),
        kind=row.kind or "strength",
        import_source=row.import_source,
        aliases=(aliases or {}).get(row.library_key or "", ()),
    )


def stored_library_version(tx: Session) -> int | None:
    value = meta_repo.get(tx, LIBRARY_VERSION_KEY)
    return None if value is None else int(value)


def sync_library(tx: Session, library: LibraryData) -> None:
    """Insert or update the shipped exercises and stretches by their stable key.

    Custom exercises (no key) are never touched, nor are the user's archived flags and
    rest choices on library exercises.
    """
    stretch_rows = {r.library_key: r for r in tx.scalars(select(StretchRow))}
    for stretch in library.stretches:
        stretch_row = stretch_rows.get(stretch.key)
        if stretch_row is None:
            stretch_row = StretchRow(library_key=stretch.key)
            tx.add(stretch_row)
            stretch_rows[stretch.key] = stretch_row
        stretch_row.name, stretch_row.cue = stretch.name, stretch.cue
        stretch_row.muscles = _join(stretch.muscles)
        stretch_row.hold_seconds, stretch_row.one_sided = stretch.hold_seconds, stretch.one_sided
    exercise_rows = {r.library_key: r for r in tx.scalars(select(ExerciseRow))}
    for ex in library.exercises:
        exercise_row = exercise_rows.get(ex.key)
        if exercise_row is None:
            exercise_row = ExerciseRow(library_key=ex.key, custom=False, archived=False)
            tx.add(exercise_row)
        exercise_row.name = ex.name
        exercise_row.laterality, exercise_row.load_basis = ex.laterality, ex.load_basis
        exercise_row.primary_muscles = _join(ex.primary)
        exercise_row.secondary_muscles = _join(ex.secondary)
        exercise_row.equipment = ex.equipment
    tx.flush()
    library_ids = [
        r.id for r in tx.scalars(select(ExerciseRow).where(ExerciseRow.custom.is_(False)))
    ]
    tx.execute(delete(ExerciseStretchRow).where(ExerciseStretchRow.exercise_id.in_(library_ids)))
    by_key = {ex.key: ex for ex in library.exercises}
    for row in tx.scalars(select(ExerciseRow).where(ExerciseRow.custom.is_(False))):
        spec = by_key.get(row.library_key)
        if spec is not None:
            _link_stretches(tx, row.id, spec, library.stretches, stretch_rows)
    opposite = {ex.key: [m.value for m in ex.opposite_side] for ex in library.exercises}
    meta_repo.put(tx, OPPOSITE_SIDE_KEY, json.dumps({k: v for k, v in opposite.items() if v and k}))
    aliases = {ex.key: list(ex.aliases) for ex in library.exercises if ex.key and ex.aliases}
    meta_repo.put(tx, ALIASES_KEY, json.dumps(aliases))
    meta_repo.put(tx, LIBRARY_VERSION_KEY, str(library.version))


def _link_stretches(
    tx: Session,
    exercise_id: int,
    spec: ExerciseSpec,
    stretches: tuple[StretchSpec, ...],
    stretch_rows: dict[str | None, StretchRow],
) -> None:
    chosen = stretches_for(spec.primary, spec.secondary, stretches, spec.stretch_keys)
    for position, stretch in enumerate(chosen):
        tx.add(
            ExerciseStretchRow(
                exercise_id=exercise_id,
                stretch_id=stretch_rows[stretch.key].id,
                position=position,
            )
        )


def _stretch_specs(
    tx: Session,
) -> tuple[tuple[StretchSpec, ...], dict[str | None, StretchRow]]:
    rows = list(tx.scalars(select(StretchRow).order_by(StretchRow.id)))
    specs = tuple(
        StretchSpec(
            r.library_key or f"custom-{r.id}",
            r.name,
            _split(r.muscles),
            r.cue,
            r.hold_seconds,
            r.one_sided,
        )
        for r in rows
    )
    return specs, {r.library_key or f"custom-{r.id}": r for r in rows}


def add_custom_exercise(
    tx: Session, spec: ExerciseSpec, *, kind: str = "strength", import_source: str | None = None
) -> Exercise:
    row = ExerciseRow(
        kind=kind,
        import_source=import_source,
        library_key=None,
        name=spec.name,
        laterality=spec.laterality.value,
        load_basis=spec.load_basis.value,
        primary_muscles=_join(spec.primary),
        secondary_muscles=_join(spec.secondary),
        equipment=spec.equipment,
        custom=True,
        archived=False,
    )
    tx.add(row)
    tx.flush()
    specs, rows = _stretch_specs(tx)
    _link_stretches(tx, row.id, spec, specs, rows)
    tx.flush()
    return get_exercise(tx, row.id)


def set_rest(tx: Session, exercise_id: int, seconds: int | None) -> None:
    row = tx.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    row.rest_seconds = seconds


def exercise_names(tx: Session) -> set[str]:
    return set(tx.scalars(select(ExerciseRow.name)))


def _stretches_by_exercise(tx: Session, ids: list[int] | None) -> dict[int, list[Stretch]]:
    query = (
        select(ExerciseStretchRow.exercise_id, StretchRow)
        .join(StretchRow, StretchRow.id == ExerciseStretchRow.stretch_id)
        .order_by(ExerciseStretchRow.exercise_id, ExerciseStretchRow.position)
    )
    if ids is not None:
        query = query.where(ExerciseStretchRow.exercise_id.in_(ids))
    result: dict[int, list[Stretch]] = defaultdict(list)
    for exercise_id, stretch_row in tx.execute(query):
        result[exercise_id].append(_stretch(stretch_row))
    return result


def list_exercises(tx: Session, *, include_archived: bool = False) -> list[Exercise]:
    query = select(ExerciseRow).order_by(func.lower(ExerciseRow.name))
    if not include_archived:
        query = query.where(ExerciseRow.archived.is_(False))
    rows = list(tx.scalars(query))
    stretches = _stretches_by_exercise(tx, None)
    opposite, aliases = _opposite_side(tx), _aliases(tx)
    return [_exercise(r, tuple(stretches.get(r.id, ())), opposite, aliases) for r in rows]


def get_exercise(tx: Session, exercise_id: int) -> Exercise:
    row = tx.get(ExerciseRow, exercise_id)
    if row is None:
        raise LookupError(f"no exercise {exercise_id}")
    stretches = _stretches_by_exercise(tx, [exercise_id])
    return _exercise(row, tuple(stretches.get(row.id, ())), _opposite_side(tx), _aliases(tx))


def exercise_ids_by_name(tx: Session) -> dict[str, int]:
    return {name: id_ for id_, name in tx.execute(select(ExerciseRow.id, ExerciseRow.name))}


def list_stretches(tx: Session) -> list[Stretch]:
    return [_stretch(r) for r in tx.scalars(select(StretchRow).order_by(StretchRow.name))]
