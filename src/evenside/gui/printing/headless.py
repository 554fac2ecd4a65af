"""Writing a sheet PDF without a display (the print command and --self-test)."""

from __future__ import annotations

import os
from pathlib import Path

from evenside.domain.sheet import RoutineSheet
from evenside.gui.printing.sheet_renderer import PageSetup, SheetLayout, write_pdf


def write_pdf_headless(sheet: RoutineSheet, path: Path, setup: PageSetup) -> SheetLayout:
    """Start Qt on the offscreen platform if no application runs, write, then tear Qt down
    while the interpreter is still whole."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    app = existing or QGuiApplication(["evenside"])
    try:
        return write_pdf(sheet, path, setup)
    finally:
        if existing is None:
            app.shutdown()
