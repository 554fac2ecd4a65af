"""Import history: read and check the file, ask the unit if the file has none, map the
exercise names, preview what will be added and every skipped row, then import in one
transaction with a progress bar and Cancel (cancel leaves the database unchanged)."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import EvensideError, InvalidInput
from evenside.domain.import_units import unit_warning
from evenside.domain.imports import Mapping, ParsedImport
from evenside.domain.library import Laterality
from evenside.domain.units import Unit
from evenside.domain.wording import counted
from evenside.gui import worker
from evenside.gui.style import ERROR_STYLE
from evenside.services import library, transfer
from evenside.services.import_mapping import mapping_for
from evenside.services.store import Store

UNIT_QUESTION = "This export does not say whether its weights are in kg or lb. Which is it?"
CREATE_ONE_SIDED = "create-unilateral"
CREATE_TWO_SIDED = "create-bilateral"


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(
        self, store: Store, profile_id: int, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.resize(860, 600)
        self.store, self.profile_id, self.path = store, profile_id, path
        self.parsed: ParsedImport | None = None
        self.chosen_unit: Unit | None = None
        self.unit_checked = False  # the user answered the unit warning
        self.unit_warning_text = ""
        self.suggested: dict[str, transfer.Suggestion] = {}
        self.job: worker.Job | None = None
        self.result_value: transfer.ImportResult | None = None
        self.pages = QStackedWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton("Cancel")
        self.back_button = QPushButton("< Back")
        self.next_button = QPushButton("Next >")
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 3)
        buttons.addStretch(1)  # keeps the buttons their own size when the bar is hidden
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.reading_page = QLabel("Reading the file and checking every row…")
        self.reading_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.reading_page)
        self._build_unit_page()
        self._build_mapping_page()
        self._build_preview_page()
        self.message_page = QLabel()
        self.message_page.setWordWrap(True)
        self.message_page.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.addWidget(self.message_page)
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.read(None)

    # -- pages ----------------------------------------------------------------------------

    def _build_unit_page(self) -> None:
        self.unit_page = QWidget()
        self.kg = QRadioButton("Kilograms (kg)")
        self.lb = QRadioButton("Pounds (lb)")
        self.kg.setChecked(True)
        box = QVBoxLayout(self.unit_page)
        self.unit_question = QLabel(UNIT_QUESTION)
        self.unit_question.setWordWrap(True)
        box.addWidget(self.unit_question)
        box.addWidget(self.kg)
        box.addWidget(self.lb)
        box.addStretch(1)
        self.pages.addWidget(self.unit_page)

    def _build_mapping_page(self) -> None:
        self.mapping_page = QWidget()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Name in the file", "Sets", "Goes to", "Why"])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        box = QVBoxLayout(self.mapping_page)
        hint = QLabel(
            "A name goes to a library exercise only when the movement, the equipment and the "
            "sides agree (one-sided only when the name says so: Single Arm, One Leg, "
            "(Left)/(Right)…); otherwise it becomes its own exercise, named as in the file. "
            "Your choices are remembered for the next import from the same app."
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(self.table)
        self.pages.addWidget(self.mapping_page)
        self.combos: dict[str, QComboBox] = {}

    def _build_preview_page(self) -> None:
        self.preview_page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.skipped_list = QListWidget()
        box = QVBoxLayout(self.preview_page)
        box.addWidget(self.summary)
        box.addWidget(QLabel("<b>Rows that will be skipped</b>"))
        box.addWidget(self.skipped_list, 1)
        self.pages.addWidget(self.preview_page)

    # -- steps ----------------------------------------------------------------------------

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setText("Cancel")
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.back_button.setEnabled(self.pages.currentWidget() in (self.preview_page,))
        self.next_button.setEnabled(True)

    def read(self, unit: Unit | None) -> None:
        self.chosen_unit = unit
        self.pages.setCurrentWidget(self.reading_page)
        self._busy(f"Reading {self.path.name}…")
        path = self.path
        self.job = worker.start(
            lambda job: transfer.read_import(path, unit=unit),
            finished=self._read_done,
            failed=self._read_failed,
        )

    def _read_failed(self, exc: Exception) -> None:
        if isinstance(exc, InvalidInput) and exc.field == "unit":
            self.pages.setCurrentWidget(self.unit_page)
            self.status.setText("One question first.")
            self._idle()
            self.next_button.setText("Next >")
            return
        self._show_message(
            "Nothing was imported", str(exc) if isinstance(exc, EvensideError) else repr(exc)
        )

    def _show_message(self, title: str, text: str) -> None:
        self.pages.setCurrentWidget(self.message_page)
        self.status.setText(f"<b>{escape(title)}</b>")
        self.message_page.setText(escape(text).replace("\n", "<br>"))
        self.message_page.setStyleSheet(ERROR_STYLE if "Nothing" in title else "")
        self.progress.hide()
        self.back_button.setEnabled(False)
        self.next_button.setText("Close")
        self.next_button.setEnabled(True)
        self.cancel_button.hide()

    def _ask_unit(self, warning: str) -> None:
        """The weights look like the other unit: say why and ask again."""
        self.unit_question.setText(f"<b>Check the unit.</b> {escape(warning)} Which is it?")
        self.unit_question.setStyleSheet(ERROR_STYLE)
        self.lb.setChecked(True)
        self.unit_checked = True
        self.pages.setCurrentWidget(self.unit_page)
        self.status.setText("One question first.")
        self._idle()
        self.next_button.setText("Next >")

    def _read_done(self, parsed: ParsedImport) -> None:
        self.parsed = parsed
        read_as = self.chosen_unit.value if self.chosen_unit and parsed.unit_note else None
        warning = unit_warning(parsed, read_as)
        if warning and not self.unit_checked:
            self._ask_unit(warning)
            return
        self.unit_warning_text = warning
        suggestions = transfer.suggestions(self.store, parsed)
        self.suggested = {s.imported: s for s in suggestions}
        choices = sorted(library.all_exercises(self.store), key=lambda e: e.name.lower())
        counts = {name: 0 for name in parsed.exercise_names}
        for session in parsed.sessions:
            for draft in session.exercises:
                counts[draft.name] += len({s.line for s in draft.sets})  # a row is one set
        self.table.setRowCount(len(suggestions))
        self.combos = {}
        for row, suggestion in enumerate(suggestions):
            name = QTableWidgetItem(
                suggestion.imported + ("  (one-sided)" if suggestion.unilateral else "")
            )
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            sets = QTableWidgetItem(str(counts[suggestion.imported]))
            sets.setFlags(Qt.ItemFlag.ItemIsEnabled)
            combo = QComboBox()
            combo.addItem("New custom exercise, one-sided", CREATE_ONE_SIDED)
            combo.addItem("New custom exercise, both sides together", CREATE_TWO_SIDED)
            for choice in choices:
                combo.addItem(choice.name, choice.id)
            if suggestion.best is not None:
                combo.setCurrentIndex(combo.findData(suggestion.best.id))
            else:
                combo.setCurrentIndex(0 if suggestion.unilateral else 1)
            combo.setToolTip(suggestion.reason)
            name.setToolTip(suggestion.reason)
            why = QTableWidgetItem(suggestion.reason)
            why.setFlags(Qt.ItemFlag.ItemIsEnabled)
            why.setToolTip(suggestion.reason)
            self.table.setItem(row, 3, why)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, sets)
            self.table.setCellWidget(row, 2, combo)
            self.combos[suggestion.imported] = combo
        self.pages.setCurrentWidget(self.mapping_page)
        matched = sum(1 for s in suggestions if s.best is not None)
        self.status.setText(
            f"<b>Step 1 of 2: exercises.</b> {matched} of {len(suggestions)} names matched the "
            "library. Check each one."
        )
        self._idle()
        self.next_button.setText("Next >")

    def mapping(self) -> dict[str, Mapping]:
        """Each name's choice; one the user changed is kept for later imports as theirs."""
        result = {}
        for name, combo in self.combos.items():
            suggestion = self.suggested[name]
            data = combo.currentData()
            default = mapping_for(suggestion)
            if data in (CREATE_ONE_SIDED, CREATE_TWO_SIDED):
                sided = Laterality.UNILATERAL if data == CREATE_ONE_SIDED else Laterality.BILATERAL
                chosen = replace(default, exercise_id=None, create_as=sided)
                if chosen != default:
                    chosen = replace(chosen, reason="chosen in the import", decided_by="user")
                result[name] = chosen
            elif default.exercise_id == int(data):
                result[name] = default
            else:
                result[name] = mapping_for(suggestion, int(data), user=True)
        return result

    def _count(self) -> None:
        """Do the import without keeping it, so the preview's counts are the import's."""
        parsed, mapping = self.parsed, self.mapping()
        assert parsed is not None
        self._busy("Counting what will be added…")
        store, profile_id = self.store, self.profile_id
        self.job = worker.start(
            lambda job: transfer.commit_import(
                store, profile_id, parsed, mapping, cancelled=job.cancelled, dry_run=True
            ),
            finished=self._show_preview,
            failed=self._commit_failed,
        )

    def _show_preview(self, will: transfer.ImportResult) -> None:
        parsed = self.parsed
        assert parsed is not None
        dates = parsed.date_range
        span = "" if dates is None else f" from {dates[0]:%d %b %Y} to {dates[1]:%d %b %Y}"
        unit = parsed.unit_note or "the file says its unit"
        if self.chosen_unit is not None and parsed.unit_note:
            unit = f"weights read as {self.chosen_unit.value}, as you chose"
        lines = [
            f"<b>Step 2 of 2: check and import.</b> Format: {escape(parsed.format)}"
            + (f" ({escape(parsed.layout)})" if parsed.layout else ""),
            f"Units: {escape(unit)}.",
            f"<b>{will.sessions_added}</b> new sessions and <b>{will.sets_added}</b> sets{span}"
            + (f"; {counted(will.sessions_extended, 'session')} already in Evenside get "
               "their missing sets" if will.sessions_extended else "")
            + (f"; {counted(will.sets_already_there, 'set')} already there are left as "
               "they are" if will.sets_already_there else ""),
            f"Rows read: {parsed.rows_read} = {parsed.rows_imported} imported + "
            f"{len(parsed.skipped)} skipped"
            + (f" + {len(parsed.kept_as_notes)} kept as notes." if parsed.kept_as_notes else "."),
            f"New custom exercises: {will.exercises_created}."
            if will.exercises_created
            else "No new exercises.",
            "Everything is written in one go: if anything fails or you cancel, nothing changes.",
        ]  # fmt: skip
        if will.sides_unrecorded:
            lines.insert(3, (
                f"<b>{counted(will.sides_unrecorded, 'one-sided set')}</b> without a side in "
                "the file: kept as \"sides not recorded\" (volume only, never a side)."
            ))  # fmt: skip
        if self.unit_warning_text:
            lines.insert(2, f"<span style='color:#b00020'>{escape(self.unit_warning_text)}</span>")
        self.summary.setText("<br>".join(lines))
        self.skipped_list.clear()
        for skipped in parsed.skipped:
            self.skipped_list.addItem(f"Line {skipped.line}: {skipped.reason}")
        if not parsed.skipped:
            self.skipped_list.addItem("None: every row becomes a set.")
        self.pages.setCurrentWidget(self.preview_page)
        self.status.setText("")
        self._idle()
        self.next_button.setText("&Import")

    def next(self) -> None:
        current = self.pages.currentWidget()
        if current is self.message_page:
            self.accept() if self.result_value else self.reject()
        elif current is self.unit_page:
            self.read(Unit.LB if self.lb.isChecked() else Unit.KG)
        elif current is self.mapping_page:
            self._count()
        elif current is self.preview_page:
            self.commit()

    def back(self) -> None:
        if self.pages.currentWidget() is self.preview_page:
            self.pages.setCurrentWidget(self.mapping_page)
            self._idle()
            self.next_button.setText("Next >")

    def commit(self) -> None:
        parsed, mapping = self.parsed, self.mapping()
        assert parsed is not None
        self._busy("Importing…")
        self.progress.setRange(0, max(1, len(parsed.sessions)))
        store, profile_id = self.store, self.profile_id
        self.job = worker.start(
            lambda job: transfer.commit_import(
                store, profile_id, parsed, mapping, cancelled=job.cancelled, progress=job.report
            ),
            finished=self._imported,
            failed=self._commit_failed,
            progress=lambda done, _total: self.progress.setValue(done),
        )

    def _imported(self, result: transfer.ImportResult) -> None:
        self.result_value = result
        self._show_message(
            "Imported",
            f"{counted(result.sessions_added, 'session')} and "
            f"{counted(result.sets_added, 'set')} imported; "
            f"{counted(result.duplicates, 'session')} already there; "
            f"{result.exercises_created} custom exercises created.",
        )
        self.imported.emit(result)

    def _commit_failed(self, exc: Exception) -> None:
        if isinstance(exc, transfer.ImportCancelled):
            self._show_message(
                "Nothing was imported", "Import cancelled; the database is unchanged."
            )
        else:
            self._show_message(
                "Nothing was imported", str(exc) if isinstance(exc, EvensideError) else repr(exc)
            )

    def cancel(self) -> None:
        if self.job is not None and not self.job.done.is_set():
            self.job.cancel()
            self.status.setText("Cancelling…")
            return
        self.reject()

    def wait_for_job(self, timeout_ms: int = 30_000) -> bool:
        """Tests and closing the window wait for the running job to end."""
        return self.job is None or self.job.done.wait(timeout_ms / 1000)
