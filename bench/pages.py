"""Times a user feels, absolute, in this process (offscreen): each page's first visit and
revisit, changing exercise on Progress, and finishing a session (its summary). Each
repetition opens a new window on a fresh copy of the database. A visit is timed from the
click to the end of the event processing it causes (the page built, filled, laid out and
painted)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from databases import discard, fresh_copy
from measure import timed

PAGES = ("Progress", "Measurements", "History")
FINISHED_EXERCISES = (
    ("Bulgarian split squat", ("left", "right")),
    ("One-arm dumbbell row", ("left", "right")),
    ("Back squat", ("both",)),
)


def page_times(db: Path, repeats: int, work: Path) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from evenside.gui.main_window import MainWindow
    from evenside.services.store import open_store

    app = QApplication.instance() or QApplication([])
    found: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        found.setdefault(name, []).append(value)

    for _ in range(repeats):
        copy = fresh_copy(db, work)
        store = open_store(copy)
        window = MainWindow(store)
        window.show()
        app.processEvents()
        try:
            _one_window(app, window, add)
        finally:
            window.hide()
            window.deleteLater()
            app.processEvents()
            store.close()
            discard(copy)
    return found


def _one_window(app, window, add) -> None:  # type: ignore[no-untyped-def]
    for name in PAGES:
        add(f"{name}, first visit", timed(lambda n=name: _visit(app, window, n)))
    for name in PAGES:
        _visit(app, window, "Session")
        add(f"{name}, revisit", timed(lambda n=name: _visit(app, window, n)))
    page = _visit(app, window, "Progress")
    rows = page.exercise_list.count()
    for _step in range(3):
        row = (page.exercise_list.currentRow() + 1) % max(rows, 1)
        add(
            "changing exercise on Progress",
            timed(lambda r=row: (page.exercise_list.setCurrentRow(r), app.processEvents())),
        )


def _visit(app, window, name):  # type: ignore[no-untyped-def]
    page = window.go_to(name)
    app.processEvents()
    return page


def record_line_times(db: Path, repeats: int, work: Path) -> list[float]:
    """Log one set of a one-sided exercise and find the record it beat, if any, as the set
    entry does after every set (``records.beaten_by``: every earlier set of the side)."""
    return [_record_line_once(db, work) for _ in range(repeats)]


def _record_line_once(db: Path, work: Path) -> float:
    from evenside.domain.e1rm import Formula
    from evenside.domain.sides import Side
    from evenside.domain.training import SetRecord
    from evenside.services import records, workout

    with _session_on_copy(db, work) as (store, profile_id, session_id, by_name):
        row = by_name["One-arm dumbbell row"]
        entry = workout.add_exercise(store, session_id, row.id)
        logged = SetRecord(Side.LEFT, 40.0, 8)
        set_id = workout.log_set(store, entry, logged).id
        return timed(
            lambda: records.beaten_by(
                store, profile_id, row.id, set_id, logged, formula=Formula.BRZYCKI
            )
        )


@contextmanager
def _session_on_copy(db: Path, work: Path) -> Iterator[tuple[Any, int, int, dict[str, Any]]]:
    """A fresh copy of ``db`` opened, a session started on its profile: the store, the
    profile's id, the session's id and the library by name; the copy discarded after."""
    from evenside.services import library, profiles, workout
    from evenside.services.store import open_store

    copy = fresh_copy(db, work)
    store = open_store(copy)
    try:
        profile = profiles.current_profile(store)
        assert profile is not None
        by_name = {e.name: e for e in library.all_exercises(store)}
        session = workout.start_session(store, profile.id)
        yield store, profile.id, session.id, by_name
    finally:
        store.close()
        discard(copy)


def finishing_times(db: Path, repeats: int, work: Path) -> list[float]:
    """Finish a session of three exercises (two one-sided, three sets a side; one
    bilateral, three sets) and make its summary (records against all earlier history)."""
    return [_finish_once(db, work) for _ in range(repeats)]


def _finish_once(db: Path, work: Path) -> float:
    from evenside.domain.sides import Side
    from evenside.domain.training import SetRecord
    from evenside.services import session_summary, workout

    with _session_on_copy(db, work) as (store, _profile_id, session_id, by_name):
        for name, sides in FINISHED_EXERCISES:
            se_id = workout.add_exercise(store, session_id, by_name[name].id)
            for side in sides * 3:
                workout.log_set(store, se_id, SetRecord(Side(side), 40.0, 8))

        def finish() -> None:
            workout.finish_session(store, session_id)
            session_summary.summarise(store, session_id)

        return timed(finish)
