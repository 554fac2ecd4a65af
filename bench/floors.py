"""The floors the benchmarks measure Evenside against: the least any program doing the same
job could do. Run as scripts by bench/run.py, in separate processes when whole-process.
bench/probe.py borrows the first-paint watcher, so both sides are timed the same way."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """Prints "painted <time>" at the application's first paint event, then quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self.app.quit)
            self.app.removeEventFilter(self)
        return False


def query_once(db: str) -> None:
    """SQLAlchemy imported, an engine opened on the file, one query run."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sessions")).scalar()


def bare_window(db: str) -> None:
    """PySide6 + SQLAlchemy: open an engine on the file, run one query, show a window."""
    app = QApplication([])
    query_once(db)
    window = QMainWindow()
    window.resize(1180, 760)
    window.show()
    QTimer.singleShot(0, lambda: (print(f"ready {time.time():.6f}", flush=True), app.quit()))
    app.exec()


def bare_paint() -> None:
    """A bare QMainWindow: time of its first paint."""
    app = QApplication([])
    window = QMainWindow()
    window.resize(1180, 760)
    watch = FirstPaint(app)
    window.show()
    app.exec()
    del watch


def bare_plot_memory(db: str, points: int) -> None:
    """The bare window plus a pyqtgraph plot of ``points`` points: peak memory."""
    import resource

    import pyqtgraph as pg

    app = QApplication([])
    query_once(db)
    window = QMainWindow()
    plot = pg.PlotWidget()
    plot.plot(list(range(points)), list(range(points)), symbol="o")
    window.setCentralWidget(plot)
    window.show()
    app.processEvents()
    print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "window":
        bare_window(sys.argv[2])
    elif what == "paint":
        bare_paint()
    elif what == "plot-memory":
        bare_plot_memory(sys.argv[2], int(sys.argv[3]))
