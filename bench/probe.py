"""Child processes for the whole-process benchmarks: Evenside's first paint, and peak memory
with the Progress page open. Prints one "name value" line."""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402


def first_paint(db: str) -> None:
    from floors import FirstPaint  # the floor's watcher: both sides timed alike

    from evenside.gui.app import application
    from evenside.gui.main_window import MainWindow

    app = application()

    def attach() -> None:
        from evenside.services.store import open_store  # after the first paint, as in the app

        window.attach(open_store(Path(db)))

    watch = FirstPaint(app)
    # As the app does: the window is shown, then the data is opened (after the first paint).
    window = MainWindow(None)
    window.show()
    app.processEvents()
    QTimer.singleShot(0, attach)
    app.exec()
    del watch
    window.deleteLater()


def progress_memory(db: str) -> None:
    from evenside.gui.app import application
    from evenside.gui.main_window import MainWindow
    from evenside.gui.pages.progress import ProgressPage
    from evenside.services.store import open_store

    app = application()
    window = MainWindow(open_store(Path(db)))
    window.show()
    page = window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    app.processEvents()
    points = (
        len(page.current.points) * 2 + len(page.current.asymmetry) + 2 * len(page.current.weekly)
    )
    print(f"points {points}", flush=True)
    print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    window.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    {"paint": first_paint, "memory": progress_memory}[sys.argv[1]](sys.argv[2])
