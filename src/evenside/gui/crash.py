"""Unexpected errors: logged with the traceback to a rotating file in the per-user log
folder, then shown in a dialog with the traceback and the log's path. The app keeps going:
the failed action is abandoned, but what was saved stays saved (every change commits on
its own). Known errors get their plain message instead."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from evenside import APP_NAME
from evenside.domain.errors import EvensideError

LOG_NAME = "evenside.log"
log = logging.getLogger("evenside")


class CrashHandler:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.log_path = folder / LOG_NAME
        from logging.handlers import RotatingFileHandler  # after the first paint

        handler = RotatingFileHandler(
            self.log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        self.handler = handler
        self.last_box: QMessageBox | None = None

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        if isinstance(error, EvensideError):
            log.warning("%s", error)
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, str(error))
        else:
            log.error("unexpected error\n%s", text)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                f"{APP_NAME}: something went wrong",
                "That action failed because of a bug in Evenside. Everything saved before it "
                "is safe, and you can keep working.",
            )
            box.setInformativeText(f"The details are in {self.log_path}")
            box.setDetailedText(text)
        print(f"evenside: {error}", file=sys.stderr)
        if QApplication.instance() is not None:
            box.setModal(False)
            box.show()
            self.last_box = box


def install_crash_handler(folder: Path) -> CrashHandler:
    handler = CrashHandler(folder)
    sys.excepthook = handler
    return handler


class EarlyCrashHook:
    """The hook in place until the first paint: nothing is opened or set up until an error
    comes, and then the full handler (log file and dialog) is made and reports it, so an
    error before the first paint is reported just the same."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        install_crash_handler(self.folder)(kind, error, trace)


def install_early_crash_hook(folder: Path) -> EarlyCrashHook:
    hook = EarlyCrashHook(folder)
    sys.excepthook = hook
    return hook


def known_open_error(exc: Exception, path: Path) -> EvensideError:
    """What the user is told when the database cannot be opened. An operating-system error
    is the environment's (a path no file can live at, no permission); anything else is a
    bug, logged with its traceback, but the window is useless without data either way."""
    if isinstance(exc, EvensideError):
        return exc
    if isinstance(exc, OSError):
        return EvensideError(f"Cannot open {path}: {exc.strerror or exc}.")
    first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
    log.error("cannot open %s", path, exc_info=exc)
    return EvensideError(f"Cannot open {path}: {first_line} (details in the log).")
