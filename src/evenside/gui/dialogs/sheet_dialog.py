"""Print a routine sheet: preview, print, or save as PDF; paper, orientation and weeks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import InvalidInput
from evenside.domain.routines import Routine
from evenside.domain.sheet import DEFAULT_WEEKS, MAX_WEEKS, RoutineSheet
from evenside.gui.printing.sheet_renderer import PageSetup, paint_sheet, write_pdf
from evenside.gui.style import ERROR_STYLE
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store


class SheetDialog(QDialog):
    def __init__(
        self, store: Store, profile_id: int, routine: Routine, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Print {routine.name}")
        self.store, self.profile_id, self.routine = store, profile_id, routine
        self._preview: tuple[QPrintPreviewDialog, QPrinter] | None = None
        self.day = QComboBox()
        self.day.addItem("All days", None)
        for number, day in enumerate(routine.days, start=1):
            self.day.addItem(day.name, number)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, MAX_WEEKS)
        self.weeks.setValue(DEFAULT_WEEKS)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.orientation = QComboBox()
        self.orientation.addItem("Portrait", False)
        self.orientation.addItem("Landscape", True)
        self.orientation.setCurrentIndex(1)  # the compact table fits six weeks across
        self.style_choice = QComboBox()
        self.style_choice.addItem("Compact table (a day per page)", "compact")
        self.style_choice.addItem("Detailed (one exercise per block)", "blocks")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.preview_button = QPushButton("Pre&view…")
        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Save as P&DF…")
        form = QFormLayout()
        form.addRow("&Day", self.day)
        form.addRow("&Weeks to log", self.weeks)
        form.addRow("P&aper", self.paper)
        form.addRow("&Orientation", self.orientation)
        form.addRow("&Layout", self.style_choice)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self.save_pdf)

    def setup(self) -> PageSetup:
        return PageSetup(
            str(self.paper.currentData()),
            bool(self.orientation.currentData()),
            str(self.style_choice.currentData()),
        )

    def sheet(self) -> RoutineSheet | None:
        try:
            return routine_sheet(
                self.store,
                self.profile_id,
                self.routine.name,
                day=self.day.currentData(),
                weeks=self.weeks.value(),
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return None

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        layout: QPageLayout = self.setup().layout()
        printer.setPageLayout(layout)
        printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
        return printer

    def _paint(self, printer: QPrinter) -> None:
        sheet = self.sheet()
        if sheet is not None:
            paint_sheet(sheet, printer, self.setup().style)

    def preview(self) -> QPrintPreviewDialog:
        """Open the preview over this dialog. QPrintPreviewDialog only borrows its printer,
        so the printer is kept here with the dialog for as long as the dialog can paint."""
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(f"Preview {self.routine.name}")
        dialog.paintRequested.connect(self._paint)
        dialog.finished.connect(dialog.deleteLater)
        self._preview = (dialog, printer)  # replaced by the next preview, never freed early
        dialog.open()
        return dialog

    def print_sheet(self) -> None:
        printer = self._printer()
        if QPrintDialog(printer, self).exec():
            self._paint(printer)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            default = f"{self.routine.name}.pdf".replace("/", "-")
            name, _ = QFileDialog.getSaveFileName(
                self, "Save routine sheet", default, "PDF (*.pdf)"
            )
            if not name:
                return None
            path = Path(name)
        sheet = self.sheet()
        if sheet is None:
            return None
        write_pdf(sheet, path, self.setup())
        return path
