"""Writing a sheet PDF without a display (the print command and --self-test).

Qt's PDF writer does not report a file it could not write, so the sheet goes to a temporary
file beside the target, is checked to be a non-empty PDF, and only then takes the final
name: success is reported only for a PDF that is really there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from evenside.domain.errors import DiskFull, LocationNotWritable
from evenside.domain.sheet import RoutineSheet
from evenside.gui.printing.sheet_renderer import PageSetup, SheetLayout, write_pdf
from evenside.interchange.file_targets import check_output_target, put_in_place, temporary_beside

PDF_MAGIC = b"%PDF"
PDF_END = b"%%EOF"
PDF_TAIL_BYTES = 1024
ROOM_FOR_A_SHEET = 1_000_000  # bytes; a sheet PDF is a few tens of kilobytes


def write_pdf_headless(sheet: RoutineSheet, path: Path, setup: PageSetup) -> SheetLayout:
    """Start Qt on the offscreen platform if no application runs, write, then tear Qt down
    while the interpreter is still whole."""
    check_output_target(path)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    app = existing or QGuiApplication(["evenside"])
    temporary = temporary_beside(path)
    try:
        layout = write_pdf(sheet, temporary, setup)
        if not is_pdf(temporary):
            raise _not_written(path)
        put_in_place(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        if existing is None:
            app.shutdown()
    return layout


def is_pdf(path: Path) -> bool:
    """Starts like a PDF and ends like one: a writer cut short by a full disk leaves the
    start but not the end-of-file marker."""
    try:
        with open(path, "rb") as pdf:
            start = pdf.read(len(PDF_MAGIC))
            pdf.seek(max(0, path.stat().st_size - PDF_TAIL_BYTES))
            tail = pdf.read()
    except OSError:
        return False
    return start == PDF_MAGIC and PDF_END in tail


def _not_written(path: Path) -> DiskFull | LocationNotWritable:
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = ROOM_FOR_A_SHEET
    if free < ROOM_FOR_A_SHEET:
        return DiskFull(f"The disk is full; {path} was not written and nothing was changed.")
    return LocationNotWritable(f"Could not write the PDF {path}; nothing was written.")
