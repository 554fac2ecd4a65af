"""Library page: search and filter exercises, read their stretches, add custom ones."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.library import Exercise, Laterality
from evenside.domain.muscles import MuscleGroup
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.dialogs.custom_exercise import CustomExerciseDialog
from evenside.gui.dialogs.import_names import ImportNamesDialog
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.exercises import ExerciseTableModel
from evenside.services import library
from evenside.services.store import Store


def describe_exercise(exercise: Exercise) -> str:
    """The detail pane's rich text: what the exercise is and what to stretch after it."""
    lines = [f"<h2>{escape(exercise.name)}</h2>"]
    sides = {
        Laterality.BILATERAL: "Both sides together; logged as one set.",
        Laterality.UNILATERAL: "One side at a time; each side is logged, weaker side first.",
        Laterality.CONTRALATERAL: "Opposite arm and leg together; logged per side.",
    }[exercise.laterality]
    lines.append(f"<p>{sides}<br>Weight means: <b>{escape(exercise.load_basis.value)}</b>")
    if exercise.equipment:
        lines.append(f"<br>Equipment: {escape(exercise.equipment)}")
    lines.append("</p>")
    lines.append("<p>Primary: <b>" + escape(", ".join(m.value for m in exercise.primary)) + "</b>")
    if exercise.secondary:
        lines.append("<br>Secondary: " + escape(", ".join(m.value for m in exercise.secondary)))
    lines.append("</p><h3>Stretch right after it</h3>")
    if not exercise.stretches:
        lines.append("<p>No stretch is linked to these muscles.</p>")
    for stretch in exercise.stretches:
        hold = f"hold {stretch.hold_seconds} s" + (" per side" if stretch.one_sided else "")
        lines.append(f"<p><b>{escape(stretch.name)}</b> ({hold})<br>{escape(stretch.cue)}</p>")
    return "".join(lines)


class LibraryPage(QWidget):
    exercise_history_requested = Signal(int, str)  # exercise id, name

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, hub: ChangeHub | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.hub = hub or ChangeHub(self)
        self._all: list[Exercise] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search exercises (typos and any word order are fine)")
        self.search.setClearButtonEnabled(True)
        self.muscle = QComboBox()
        self.muscle.addItem("All muscle groups", None)
        for group in MuscleGroup:
            self.muscle.addItem(group.label, group.value)
        self.laterality = QComboBox()
        self.laterality.addItem("All kinds", None)
        for lat in Laterality:
            self.laterality.addItem(lat.value.capitalize(), lat.value)
        self.add_button = QPushButton("&Add custom exercise…")
        self.history_button = QPushButton("&History of this exercise")
        self.names_button = QPushButton("Names from &imports…")
        self.names_button.setToolTip(
            "Exercise names from other apps' files and where they go; remap one"
        )
        self.count = QLabel()
        self.model = ExerciseTableModel()
        self.table = row_table(self.model)
        stretch_column(self.table, 0)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        self._lay_out()
        self._connect()
        StaleGuard(self, self.hub, lambda c: c.library, self.reload)
        self.reload()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.muscle, 1)
        filters.addWidget(self.laterality, 1)
        filters.addWidget(self.add_button)
        filters.addWidget(self.names_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.history_button)
        left_layout.addLayout(counts)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.apply_filter)
        self.muscle.currentIndexChanged.connect(self.apply_filter)
        self.laterality.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.add_custom)
        self.history_button.clicked.connect(self.ask_history)
        self.names_button.clicked.connect(self.open_import_names)

    def reload(self) -> None:
        self._all = library.all_exercises(self.store)
        self.apply_filter()

    def apply_filter(self) -> None:
        muscle = self.muscle.currentData()
        lat = self.laterality.currentData()
        shown = library.search(
            self._all,
            self.search.text(),
            muscle=None if muscle is None else MuscleGroup(muscle),
            laterality=None if lat is None else Laterality(lat),
        )
        self.model.set_exercises(shown)
        self.count.setText(f"{len(shown)} of {len(self._all)} exercises")
        if shown:
            self.table.selectRow(0)
        else:
            self.detail.setHtml("<p>No exercise matches. Try fewer words or another filter.</p>")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            self.detail.setHtml(describe_exercise(self.model.exercise(min(rows))))

    def ask_history(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            chosen = self.model.exercise(rows[0].row())
            self.exercise_history_requested.emit(chosen.id, chosen.name)

    def select_exercise(self, exercise_id: int) -> None:
        row = self.model.row_of(exercise_id)
        if row is not None:
            self.table.selectRow(row)

    def add_custom(self) -> None:
        dialog = CustomExerciseDialog(self.store, self)
        if dialog.exec() and dialog.created is not None:
            self.search.clear()
            self.muscle.setCurrentIndex(0)
            self.laterality.setCurrentIndex(0)
            self.hub.publish(dialog.changes, self)  # this page reloads with every other
            self.select_exercise(dialog.created.id)

    def open_import_names(self) -> ImportNamesDialog:
        """Names from imports; a remap (or its undo) refreshes every page it touches."""
        dialog = ImportNamesDialog(self.store, self)
        dialog.changed.connect(lambda changes: self.hub.publish(changes, dialog))
        dialog.setModal(True)
        dialog.show()
        return dialog
