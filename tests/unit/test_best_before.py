"""The best before a session, per side, from the SQL aggregate the summary uses: the
heaviest load of each rep count through the chosen formula, worked out by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.library import LoadBasis
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.services import library, workout
from evenside.services.store import Store
from evenside.storage import records_repo

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

LEFT = [
    SetRecord(Side.LEFT, 100.0, 1),  # 100 with every formula
    SetRecord(Side.LEFT, 90.0, 5),  # Brzycki 90 * 36 / 32 = 101.25; Epley 90 * (1 + 5/30) = 105
    SetRecord(Side.LEFT, 75.0, 10),  # Brzycki 75 * 36 / 27 = 100; Epley 75 * (1 + 10/30) = 100
    SetRecord(Side.LEFT, 70.0, 10),  # lighter at the same reps: never the best
    SetRecord(Side.LEFT, 60.0, 15),  # beyond 12 reps: no estimate
    SetRecord(Side.LEFT, 120.0, 3, SetKind.WARM_UP),  # a warm-up never counts
]
RIGHT = [SetRecord(Side.RIGHT, 80.0, 8)]  # Brzycki 80 * 36 / 29 = 99.31; Epley 101.33


def _best(store: Store, profile: Profile, formula: Formula) -> dict[Side, float]:
    row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
    earlier = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, earlier.id, row)
    for record in LEFT + RIGHT:
        workout.log_set(store, se_id, record)
    workout.finish_session(store, earlier.id)
    with store.transaction() as tx:
        return records_repo.best_strength_before(
            tx,
            profile.id,
            row,
            before=store.now() + timedelta(days=1),
            exclude_session_id=0,
            load_basis=LoadBasis.PER_SIDE,
            formula=formula,
        )


def test_best_before_with_brzycki(store: Store, profile: Profile) -> None:
    best = _best(store, profile, Formula.BRZYCKI)
    assert best[Side.LEFT] == pytest.approx(101.25)
    assert best[Side.RIGHT] == pytest.approx(80 * 36 / 29)


def test_best_before_with_epley(store: Store, profile: Profile) -> None:
    best = _best(store, profile, Formula.EPLEY)
    assert best[Side.LEFT] == pytest.approx(105.0)
    assert best[Side.RIGHT] == pytest.approx(80 * (1 + 8 / 30))
