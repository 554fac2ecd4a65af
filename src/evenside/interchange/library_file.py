"""The exercise and stretch library shipped in resources/library as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evenside.domain.library import (
    ExerciseSpec,
    Laterality,
    LibraryData,
    LoadBasis,
    StretchSpec,
)
from evenside.domain.muscles import MuscleGroup


def _muscles(values: list[str]) -> tuple[MuscleGroup, ...]:
    return tuple(MuscleGroup(v) for v in values)


def read_library(folder: Path) -> LibraryData:
    exercises_doc: dict[str, Any] = json.loads((folder / "exercises.json").read_text("utf-8"))
    stretches_doc: dict[str, Any] = json.loads((folder / "stretches.json").read_text("utf-8"))
    exercises = tuple(
        ExerciseSpec(
            name=e["name"],
            laterality=Laterality(e["laterality"]),
            load_basis=LoadBasis(e["load_basis"]),
            primary=_muscles(e["primary"]),
            secondary=_muscles(e.get("secondary", [])),
            equipment=e.get("equipment", ""),
            key=e["key"],
            stretch_keys=tuple(e.get("stretches", [])),
            opposite_side=_muscles(e.get("opposite_side", [])),
            aliases=tuple(e.get("aliases", [])),
        )
        for e in exercises_doc["exercises"]
    )
    stretches = tuple(
        StretchSpec(
            key=s["key"],
            name=s["name"],
            muscles=_muscles(s["muscles"]),
            cue=s["cue"],
            hold_seconds=int(s["hold"]),
            one_sided=bool(s["one_sided"]),
        )
        for s in stretches_doc["stretches"]
    )
    # One number for the pair: bumping either file makes start-up refresh the library rows.
    version = int(exercises_doc["version"]) * 1000 + int(stretches_doc["version"])
    return LibraryData(version, exercises, stretches)


def read_library_version(folder: Path) -> int:
    exercises_doc = json.loads((folder / "exercises.json").read_text("utf-8"))
    stretches_doc = json.loads((folder / "stretches.json").read_text("utf-8"))
    return int(exercises_doc["version"]) * 1000 + int(stretches_doc["version"])
