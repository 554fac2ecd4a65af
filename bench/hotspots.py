"""The profile behind a figure: cProfile's top entries for one benchmark path, on a fresh
copy of a benchmark database (what bench/README.md quotes for each miss).

    python bench/hotspots.py series 10       # one exercise's series, 10-year database
    python bench/hotspots.py overview 30
    python bench/hotspots.py log 1
    python bench/hotspots.py progress-page 10
    python bench/hotspots.py measurements-page 30   # (or history-page): a page's first visit
    python bench/hotspots.py finish 10
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import databases  # noqa: E402
import pages  # noqa: E402
from inproc import _open  # noqa: E402
from measure import isolate_this_process  # noqa: E402


def profiled(fn, top: int = 18) -> str:  # type: ignore[no-untyped-def]
    profile = cProfile.Profile()
    profile.enable()
    fn()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> int:
    what, years = sys.argv[1], float(sys.argv[2])
    isolate_this_process(Path(tempfile.mkdtemp(prefix="evenside-hotspots-home-")))
    copy = databases.fresh_copy(databases.database(years))
    try:
        if what.endswith("-page"):
            from PySide6.QtWidgets import QApplication

            from evenside.gui.main_window import MainWindow
            from evenside.services.store import open_store

            app = QApplication([])
            window = MainWindow(open_store(copy))
            window.show()
            app.processEvents()
            page = what.removesuffix("-page").capitalize()
            print(profiled(lambda: pages._visit(app, window, page)))
            return 0
        if what == "finish":
            print(profiled(lambda: pages._finish_once(copy, copy.parent)))
            return 0
        from evenside.domain.sides import Side
        from evenside.domain.training import SetRecord
        from evenside.services import progress, workout

        store, profile, exercise = _open(copy)
        if what == "series":
            print(profiled(lambda: progress.exercise_progress(store, profile.id, exercise.id)))
        elif what == "overview":
            print(profiled(lambda: progress.overview(store, profile.id)))
        elif what == "log":
            session = workout.start_session(store, profile.id)
            se_id = workout.add_exercise(store, session.id, exercise.id)
            record = SetRecord(Side.LEFT, 20.0, 8)
            workout.log_set(store, se_id, record)

            def fifty() -> None:
                for _ in range(50):
                    workout.log_set(store, se_id, record)

            print(profiled(fifty))
        store.close()
    finally:
        databases.discard(copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
