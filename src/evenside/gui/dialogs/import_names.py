"""Names from imports: each app's exercise names, where they go and why; remap one to
another exercise, which moves the sets it brought in (after a confirmation, with Undo)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.name_mapping import StoredMapping
from evenside.services import import_names, library
from evenside.services.store import Store

MOVED = Changes(sessions=True, sets=True, exercises=True, library=True)


class ImportNamesDialog(QDialog):
    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Names from imports")
        self.resize(900, 520)
        self.store = store
        self.rows: list[StoredMapping] = []
        self.last: import_names.Remap | None = None
        self.confirm: QMessageBox | None = None
        hint = QLabel(
            "Each exercise name met in an import, and the exercise it goes to. Every later "
            "import from the same app uses the same choice. Pick a name, choose another "
            "exercise, and its imported sets move there."
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["App", "Name in the file", "Goes to", "Why", "By"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.target = QComboBox()
        self.move_button = QPushButton("&Move its sets here…")
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QPushButton("Close")
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Send to:"))
        controls.addWidget(self.target, 1)
        controls.addWidget(self.move_button)
        controls.addWidget(self.undo_button)
        controls.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        self.move_button.clicked.connect(self.move_selected)
        self.undo_button.clicked.connect(self.undo)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._selected)
        self.reload()

    def reload(self) -> None:
        self.rows = import_names.names_from_imports(self.store)
        exercises = sorted(library.all_exercises(self.store), key=lambda e: e.name.lower())
        self.target.clear()
        for exercise in exercises:
            self.target.addItem(exercise.name, exercise.id)
        self.table.setRowCount(len(self.rows))
        for row, mapping in enumerate(self.rows):
            by = "you" if mapping.decided_by == "user" else "import"
            cells = (mapping.source_app, mapping.source_name, mapping.exercise_name,
                     mapping.reason, by)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.move_button.setEnabled(bool(self.rows))
        if not self.rows:
            self.message.setText("No import has brought exercise names in yet.")
        elif not self.table.selectedItems():
            self.table.selectRow(0)

    def _selected(self) -> None:
        mapping = self.selected()
        if mapping is not None:
            self.target.setCurrentIndex(self.target.findData(mapping.exercise_id))

    def selected(self) -> StoredMapping | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.rows[min(rows)] if rows else None

    def move_selected(self) -> None:
        mapping = self.selected()
        if mapping is None:
            return
        target_id = int(self.target.currentData())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Move the sets?",
            f'Send "{mapping.source_name}" ({mapping.source_app}) to '
            f"{self.target.currentText()} from now on, and move the sets it brought in? "
            "You can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self.remap(mapping, target_id) if button is yes else None
        )
        self.confirm = box
        box.open()  # window-modal, without a nested event loop

    def remap(self, mapping: StoredMapping, target_id: int) -> None:
        try:
            self.last = import_names.remap(self.store, mapping.id, target_id)
        except EvensideError as exc:
            self.message.setText(escape(str(exc)))
            return
        moved = len(self.last.entries)
        self.message.setText(
            f'"{escape(mapping.source_name)}" now goes to {escape(self.target.currentText())}; '
            f"sets moved from {moved} session{'s' if moved != 1 else ''}."
        )
        self.undo_button.setEnabled(True)
        self.reload()
        self.changed.emit(MOVED)

    def undo(self) -> None:
        if self.last is None:
            return
        import_names.undo_remap(self.store, self.last)
        self.last = None
        self.undo_button.setEnabled(False)
        self.message.setText("Undone: the name and its sets are back where they were.")
        self.reload()
        self.changed.emit(MOVED)
