"""Routines page: routines made of days, each day a list of exercises with targets; the
balance checker beside it with one-click fixes; generate, duplicate, print, start a day."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.balance_check import Finding
from evenside.domain.changes import Changes
from evenside.domain.errors import EvensideError
from evenside.domain.profile import Profile
from evenside.domain.routines import Routine
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.dialogs.generate import GenerateDialog
from evenside.gui.pages.routine_day import RoutineDayEditor
from evenside.gui.shortcuts import add_shortcut
from evenside.gui.undo import ServiceCommand
from evenside.gui.widgets.findings import FindingsPanel
from evenside.services import library, routines, workout
from evenside.services.store import Store


def _concerns_routines(changes: Changes) -> bool:
    # The checker weighs each routine against the current asymmetry, which sets move.
    return changes.routines or changes.library or changes.training or changes.settings


FINDINGS_BESIDE_WIDTH = 900  # narrower pages put the balance check below the day


class RoutinesPage(QWidget):
    session_started = Signal(object)  # WorkoutSession

    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.hub = hub or ChangeHub(self)
        self.exercises = {e.id: e for e in library.all_exercises(store, include_archived=True)}
        self.routine: Routine | None = None
        self.undo_stack = QUndoStack(self)
        self.editor = RoutineDayEditor(store, self.hub, self.undo_stack)
        self._expose_editor()
        self.routine_list = QListWidget()
        self.new_button = QPushButton("&New…")
        self.generate_button = QPushButton("&Generate…")
        self.duplicate_button = QPushButton("D&uplicate")
        self.rename_button = QPushButton("Rena&me…")
        self.delete_button = QPushButton("Delete…")
        self.start_button = QPushButton("&Start this day")
        self.start_button.setToolTip("Start a session with this day's exercises and targets")
        self.print_button = QPushButton("&Print sheet…")
        self.editor.item_buttons.addWidget(self.print_button)
        self.editor.item_buttons.addWidget(self.start_button)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.findings = FindingsPanel()
        self._lay_out()
        self._connect()
        StaleGuard(self, self.hub, _concerns_routines, self.reload)
        self.reload()

    def _expose_editor(self) -> None:
        """The day editor's widgets, by the names the tests and the sheet dialog use."""
        editor = self.editor
        self.day, self.add_box, self.model, self.table = (
            editor.day,
            editor.add_box,
            editor.model,
            editor.table,
        )
        self.message = editor.message
        self.add_day_button = editor.add_day_button
        self.duplicate_day_button = editor.duplicate_day_button
        self.rename_day_button = editor.rename_day_button
        self.delete_day_button = editor.delete_day_button
        self.up_button, self.down_button = editor.up_button, editor.down_button
        self.remove_button = editor.remove_button

    def _lay_out(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel("<b>Routines</b>"))
        left_box.addWidget(self.routine_list, 1)
        for row in (
            (self.new_button, self.generate_button),
            (self.duplicate_button, self.rename_button),
            (self.delete_button,),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            left_box.addLayout(line)
        left.setMaximumWidth(230)
        middle = QWidget()
        middle_box = QVBoxLayout(middle)
        middle_box.setContentsMargins(0, 0, 0, 0)
        middle_box.addWidget(self.title)
        middle_box.addWidget(self.editor, 1)
        # The balance check sits beside the day on a wide window, below it on a narrow one
        # (1024 px), so the day's table and buttons keep their full text.
        self.day_and_findings = QSplitter()
        self.day_and_findings.addWidget(middle)
        self.day_and_findings.addWidget(self.findings)
        self.day_and_findings.setStretchFactor(0, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.day_and_findings)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        wide = event.size().width() >= FINDINGS_BESIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.day_and_findings.orientation() != orientation:
            self.day_and_findings.setOrientation(orientation)
            self.day_and_findings.setSizes([600, 300] if wide else [360, 180])

    def _connect(self) -> None:
        self.routine_list.currentItemChanged.connect(lambda *_: self._routine_selected())
        self.new_button.clicked.connect(self.new_routine)
        self.generate_button.clicked.connect(self.generate)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.start_button.clicked.connect(self.start_session)
        self.print_button.clicked.connect(self.print_sheet)
        self.findings.fix_requested.connect(self.apply_fix)
        self.findings.fix_all_requested.connect(self.fix_all)
        add_shortcut(self, QKeySequence.StandardKey.Undo, self.undo_stack.undo)

    # -- loading --------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """The routines, the exercise names and the checker's findings, as stored now."""
        self.exercises = {e.id: e for e in library.all_exercises(self.store, include_archived=True)}
        current = select if select is not None else (self.routine.id if self.routine else None)
        self.routine_list.blockSignals(True)
        self.routine_list.clear()
        for routine_id, name in routines.list_routines(self.store, self.profile.id):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, routine_id)
            self.routine_list.addItem(item)
            if routine_id == current:
                self.routine_list.setCurrentItem(item)
        self.routine_list.blockSignals(False)
        if self.routine_list.currentRow() < 0 and self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        self._routine_selected()

    def _routine_selected(self) -> None:
        item = self.routine_list.currentItem()
        has = item is not None
        for widget in (
            self.duplicate_button,
            self.rename_button,
            self.delete_button,
            self.start_button,
            self.print_button,
        ):
            widget.setEnabled(has)
        if item is None:
            self.routine = None
            self.title.setText(
                "<h3>No routine yet</h3><p>Create one, or let Evenside generate a balanced one.</p>"
            )
            self.editor.show_routine(None, self.exercises)
            self.findings.show_findings([])
            return
        self.routine = routines.get_routine(self.store, int(item.data(Qt.ItemDataRole.UserRole)))
        first_line = self.routine.notes.split("\n", 1)[0]
        self.title.setText(f"<h3>{self.routine.name}</h3><small>{first_line}</small>")
        self.editor.show_routine(self.routine, self.exercises)
        self.findings.show_findings(
            routines.check(self.store, self.profile.id, self.routine.id),
            routines.unmet_reasons(self.routine),
        )

    def selected_day_id(self) -> int | None:
        return self.editor.selected_day_id()

    # -- routines -------------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def _run(self, action: Callable[[], object], select: int | None = None) -> bool:
        """Run a write; show a refusal, else publish it and show routine ``select``."""
        try:
            action()
        except EvensideError as exc:
            self.message.setText(str(exc))
            return False
        self.message.clear()
        if select is not None:
            self.routine = None
            self.reload(select)
        self.hub.publish(routines.CHANGED, self)
        return True

    def new_routine(self) -> None:
        name = self._ask("New routine", "Name of the routine:")
        if name is None:
            return
        made: list[Routine] = []
        action = lambda: made.append(routines.create_routine(self.store, self.profile.id, name))  # noqa: E731
        if self._run(action):
            self.reload(made[0].id)

    def generate(self) -> None:
        dialog = GenerateDialog(self)
        if not dialog.exec():
            return
        made: list[int] = []
        name, choice = dialog.name.text(), dialog.choice()
        if self._run(
            lambda: made.append(
                routines.generate_routine(self.store, self.profile.id, name, choice)
            )
        ):
            self.reload(made[0])

    def duplicate(self) -> None:
        if self.routine is None:
            return
        made: list[int] = []
        routine_id = self.routine.id
        if self._run(lambda: made.append(routines.duplicate_routine(self.store, routine_id))):
            self.reload(made[0])

    def rename(self) -> None:
        if self.routine is None:
            return
        name = self._ask("Rename routine", "New name:", self.routine.name)
        routine_id = self.routine.id
        if name is not None:
            self._run(lambda: routines.rename_routine(self.store, routine_id, name))

    def delete(self) -> None:
        if self.routine is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete routine",
            f'Delete the routine "{self.routine.name}"? Ctrl+Z brings it back.',
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        snapshot = routines.delete_routine(self.store, self.routine.id)
        holder = {"id": snapshot.id}
        self.routine = None

        def redo() -> Changes:
            routines.delete_routine(self.store, holder["id"])
            return routines.CHANGED

        def undo() -> Changes:
            holder["id"] = routines.restore_routine(self.store, snapshot)
            return routines.CHANGED

        self.undo_stack.push(ServiceCommand("delete routine", redo, undo, self.hub))
        self.hub.publish(routines.CHANGED, self)
        self.message.setText(f'Deleted "{snapshot.name}". Ctrl+Z brings it back.')

    def apply_fix(self, finding: Finding) -> None:
        """Preview the fix; Apply is offered only when it adds no finding."""
        if finding.fix is None or self.routine is None:
            return
        from evenside.gui.dialogs.fix_preview import FixPreviewDialog

        routine_id = self.routine.id
        tried = routines.preview_fix(self.store, self.profile.id, routine_id, finding)
        dialog = FixPreviewDialog(tried, self)
        dialog.accepted.connect(
            lambda: self._run(
                lambda: routines.apply_checked_fix(self.store, self.profile.id, routine_id, finding)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.fix_dialog = dialog
        dialog.open()  # window-modal; returns at once

    def fix_all(self) -> None:
        if self.routine is None:
            return
        routine_id = self.routine.id
        done: list[int] = []
        if self._run(
            lambda: done.append(len(routines.fix_all(self.store, self.profile.id, routine_id)))
        ):
            left = len(routines.check(self.store, self.profile.id, routine_id))
            self.message.setText(
                f"Fix all: {done[0]} fix(es) applied; {left} finding(s) left, whose fix would "
                "add another finding or has nothing to add."
                if left
                else f"Fix all: {done[0]} fix(es) applied; no findings left."
            )

    # -- sessions and sheets --------------------------------------------------------------

    def start_session(self) -> None:
        day_id = self.selected_day_id()
        if day_id is None:
            return
        if workout.active_session(self.store, self.profile.id) is not None:
            QMessageBox.information(
                self, "Session in progress", "Finish the session in progress first (Session page)."
            )
            return
        started = routines.start_session_from_day(self.store, self.profile.id, day_id)
        self.hub.publish(started, self)
        self.session_started.emit(started.session)

    def print_sheet(self) -> None:
        if self.routine is None:
            return
        from evenside.gui.dialogs.sheet_dialog import SheetDialog  # print support on first use

        dialog = SheetDialog(self.store, self.profile.id, self.routine, self)
        if self.day.currentIndex() >= 0:
            dialog.day.setCurrentIndex(self.day.currentIndex() + 1)
        dialog.finished.connect(dialog.deleteLater)
        self.sheet_dialog = dialog
        dialog.open()  # window-modal; returns at once, the dialog lives on with the page
