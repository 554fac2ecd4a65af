"""Add a custom exercise: validated inline; nothing is stored until it is valid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.changes import Changes
from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise, ExerciseSpec, Laterality, LoadBasis
from evenside.domain.muscles import MuscleGroup
from evenside.gui.style import ERROR_STYLE
from evenside.services import library
from evenside.services.store import Store


def _muscle_list() -> QListWidget:
    widget = QListWidget()
    for group in MuscleGroup:
        item = QListWidgetItem(group.label)
        item.setData(Qt.ItemDataRole.UserRole, group.value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMinimumHeight(140)
    return widget


def _checked(widget: QListWidget) -> tuple[MuscleGroup, ...]:
    return tuple(
        MuscleGroup(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class CustomExerciseDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a custom exercise")
        self.store = store
        self.created: Exercise | None = None
        self.changes = Changes()  # what saving changed, for the page to publish
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. One-arm landmine row")
        self.laterality = QComboBox()
        for lat in Laterality:
            self.laterality.addItem(lat.value.capitalize(), lat.value)
        self.laterality.setCurrentIndex(1)  # most custom exercises here are one-sided
        self.load_basis = QComboBox()
        for basis in LoadBasis:
            self.load_basis.addItem(basis.value.capitalize(), basis.value)
        self.equipment = QLineEdit()
        self.primary = _muscle_list()
        self.secondary = _muscle_list()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Sides", self.laterality)
        form.addRow("&Weight means", self.load_basis)
        form.addRow("&Equipment", self.equipment)
        form.addRow("&Primary muscles", self.primary)
        form.addRow("Se&condary muscles", self.secondary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 560)

    def spec(self) -> ExerciseSpec:
        return ExerciseSpec(
            name=self.name.text(),
            laterality=Laterality(self.laterality.currentData()),
            load_basis=LoadBasis(self.load_basis.currentData()),
            primary=_checked(self.primary),
            secondary=_checked(self.secondary),
            equipment=self.equipment.text(),
        )

    def save(self) -> None:
        try:
            result = library.add_custom_exercise(self.store, self.spec())
            self.created, self.changes = result.exercise, result.changes
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            target = {"name": self.name, "primary": self.primary, "secondary": self.secondary}
            widget = target.get(exc.field or "", self.name)
            widget.setFocus()
            return
        self.accept()
