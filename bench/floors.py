"""The floors the benchmarks measure Evenside against: the least any program doing the same
job could do. Run as scripts by bench/run.py, in separate processes when whole-process."""

from __future__ import annotations

import os
import sys
import time


def bare_window(db: str) -> None:
    """PySide6 + SQLAlchemy: open an engine on the file, run one query, show a window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication([])
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sessions")).scalar()
    window = QMainWindow()
    window.resize(1180, 760)
    window.show()
    QTimer.singleShot(0, lambda: (print(f"ready {time.time():.6f}", flush=True), app.quit()))
    app.exec()


def bare_paint() -> None:
    """A bare QMainWindow: time of its first paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1180, 760)

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                QTimer.singleShot(0, app.quit)
                app.removeEventFilter(self)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    window.show()
    app.exec()


def bare_plot_memory(db: str, points: int) -> None:
    """The bare window plus a pyqtgraph plot of ``points`` points: peak memory."""
    import resource

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication([])
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sessions")).scalar()
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
