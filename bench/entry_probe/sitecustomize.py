"""Evenside's real entry point, watched: with this folder first on PYTHONPATH, the command
``python -m evenside --db FILE`` runs unchanged and this module only watches it.

When ``evenside.gui.app`` has been imported (by the command line, as usual), its
``application()`` is wrapped so the QApplication it makes gets an event filter that prints

    painted <unix time>    at the first paint event of any window (the frame), and
    usable <unix time>     at the first paint of the Session page once the data is attached,

then ends the process (``EVENSIDE_BENCH_PROBE=start``), or, with
``EVENSIDE_BENCH_PROBE=progress``, opens the Progress page first and prints
``points <n>`` (what its charts plot) before ending. Nothing is imported before Evenside
imports it, so start-up pays the same import costs in the same order as a user's launch.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import time
from typing import Any

TARGET = "evenside.gui.app"
MODE = os.environ.get("EVENSIDE_BENCH_PROBE", "")


def _stamp(name: str) -> None:
    print(f"{name} {time.time():.6f}", flush=True)


def _end() -> None:
    sys.stdout.flush()
    os._exit(0)  # the figures are taken; the benchmark does not time the tear-down


def _chart_points(page: Any) -> int:
    current = getattr(page, "current", None)
    if current is None:
        return 0
    return (
        2 * len(getattr(current, "points", ()))
        + len(getattr(current, "asymmetry", ()))
        + 2 * len(getattr(current, "weekly", ()))
    )


def _make_watcher(app: Any) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = False
            self.done = False

        def _session_page(self) -> QWidget | None:
            for widget in app.topLevelWidgets():
                pages = getattr(widget, "_pages", None)
                if getattr(widget, "store", None) is not None and pages:
                    page = pages.get("Session")
                    if page is not None and widget.stack.currentWidget() is page:
                        return page
            return None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() != QEvent.Type.Paint or self.done:
                return False
            if not self.painted:
                self.painted = True
                _stamp("painted")
            page = self._session_page()
            if (
                page is not None
                and isinstance(obj, QWidget)
                and (obj is page or page.isAncestorOf(obj))
            ):
                self.done = True
                _stamp("usable")
                if MODE == "progress":
                    QTimer.singleShot(0, self.open_progress)
                else:
                    _end()
            return False

        def open_progress(self) -> None:
            window = next(w for w in app.topLevelWidgets() if getattr(w, "_pages", None))
            page = window.go_to("Progress")
            app.processEvents()
            print(f"points {_chart_points(page)}", flush=True)
            _end()

    return Watcher()


class _Wrap(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``evenside.gui.app`` the usual way, then wraps ``application`` once loaded."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        self.inner = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> Any:
        return self.inner.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self.inner.exec_module(module)
        original = module.application
        kept: list[Any] = []

        def application() -> Any:
            app = original()
            if not kept:
                kept.append(_make_watcher(app))
                app.installEventFilter(kept[0])
            return app

        module.application = application


if MODE:
    sys.meta_path.insert(0, _Wrap())
