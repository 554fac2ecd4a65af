"""A headless logging loop used by the crash-safety tests and the soak benchmark.

It logs sets through the same services the Session page uses and prints each set's id
only after the service returned, i.e. after the commit: a line printed means "shown saved".
"""

from __future__ import annotations

import sys
from pathlib import Path

from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, workout
from evenside.services.store import open_store


def log_forever(path: Path, limit: int = 1_000_000) -> None:
    store = open_store(path)
    profile = profiles.current_profile(store) or profiles.create_profile(
        store, "Durability", Side.RIGHT, Unit.KG
    )
    session = workout.active_session(store, profile.id) or workout.start_session(store, profile.id)
    exercise = next(e for e in library.all_exercises(store) if e.laterality.per_side)
    se_id = workout.add_exercise(store, session.id, exercise.id)
    for number in range(limit):
        side = Side.LEFT if number % 2 == 0 else Side.RIGHT
        logged = workout.log_set(store, se_id, SetRecord(side, 20.0 + number % 7, 8))
        sys.stdout.write(f"{logged.id}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    log_forever(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
