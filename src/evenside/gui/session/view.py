"""What the Session page's components are given: how to reach the data (``Scope``) and one
immutable picture of the exercise being logged (``ExerciseView``). Components never read
each other's attributes; the page hands each the same view after every change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from evenside.domain.library import Exercise
from evenside.domain.profile import Profile, Settings
from evenside.domain.routines import RoutineItem
from evenside.domain.training import SessionExercise, WorkoutSession
from evenside.gui.changes import ChangeHub
from evenside.services.store import Store
from evenside.services.weak_side_plans import ExercisePlan
from evenside.services.workout import Coaching


@dataclass(frozen=True)
class Scope:
    """The data and the change path every Session component writes through."""

    store: Store
    profile: Profile
    hub: ChangeHub
    undo_stack: QUndoStack
    handler: object  # the page: what its components publish as the source of a change


@dataclass(frozen=True)
class ExerciseView:
    """The session as stored now, and the selected exercise with what coaches it."""

    session: WorkoutSession
    settings: Settings
    library: Mapping[int, Exercise]  # every exercise by id, archived ones too
    exercise: SessionExercise | None = None
    lib: Exercise | None = None
    coaching: Coaching | None = None
    target: RoutineItem | None = None
    plan: ExercisePlan | None = None  # the weak side's catch-up plan (one-sided exercises)

    @property
    def weak_side_known(self) -> bool:
        return self.coaching is not None and self.coaching.weak is not None
