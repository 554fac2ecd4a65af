"""The summary shown when a session is finished: per exercise and side, against last time
and the best before, and the exercises left unstretched."""

from __future__ import annotations

from dataclasses import dataclass, replace

from evenside.domain.summary import ExerciseSummary, side_figures, summarise_exercise
from evenside.domain.training import StretchStatus, WorkoutSession
from evenside.services import verdicts
from evenside.services.store import Store
from evenside.storage import history_repo, library_repo, profile_repo, session_repo


@dataclass(frozen=True)
class SessionSummary:
    session: WorkoutSession
    exercises: tuple[ExerciseSummary, ...]
    unstretched: tuple[str, ...]
    formula_label: str

    @property
    def minutes(self) -> int | None:
        if self.session.ended_at is None:
            return None
        return int((self.session.ended_at - self.session.started_at).total_seconds() // 60)


def summarise(store: Store, session_id: int) -> SessionSummary:
    with store.transaction() as tx:
        current = session_repo.get_session(tx, session_id)
        settings = profile_repo.get_settings(tx, current.profile_id)
        formula = settings.e1rm_formula
        summaries = []
        unstretched = []
        for exercise in current.exercises:
            lib = library_repo.get_exercise(tx, exercise.exercise_id)
            sets = [s.record for s in exercise.sets]
            recent = history_repo.recent_exercise_sets(
                tx,
                current.profile_id,
                exercise.exercise_id,
                before=current.started_at,
                exclude_session_id=current.id,
                sessions=1,
            )
            earlier = history_repo.all_exercise_sets_before(
                tx, current.profile_id, exercise.exercise_id, current.started_at, current.id
            )
            best_before = {
                side: fig.best
                for side, fig in side_figures(earlier, lib.load_basis, formula).items()
                if fig.best is not None
            }
            stretched = {
                StretchStatus.DONE: True,
                StretchStatus.SKIPPED: False,
                StretchStatus.PENDING: None,
            }[exercise.stretch_status]
            if stretched is not True and lib.stretches:
                unstretched.append(lib.name)
            summaries.append(
                summarise_exercise(
                    lib.name,
                    lib.laterality.per_side,
                    sets,
                    lib.load_basis,
                    formula,
                    previous_sets=recent[0][1] if recent else [],
                    best_before=best_before,
                    weak=exercise.first_side,
                    stretched=stretched,
                    score_basis=verdicts.score_basis(lib, settings),
                )
            )
    # Each one-sided exercise leads with its verdict as of this session.
    summaries = [
        replace(
            summary,
            verdict=verdicts.exercise_verdict(
                store, current.profile_id, exercise.exercise_id, before=current.started_at
            ).sentence,
        )
        if summary.per_side
        else summary
        for summary, exercise in zip(summaries, current.exercises, strict=True)
    ]
    return SessionSummary(current, tuple(summaries), tuple(unstretched), formula.label)
