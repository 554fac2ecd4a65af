"""The session's exercises on the left of the Session page: add one by typing its name,
pick one, move it, remove it (undo brings it back), and the session's notes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import EvensideError
from evenside.domain.supersets import labels as superset_labels
from evenside.domain.training import SessionExercise, StretchStatus
from evenside.domain.wording import counted
from evenside.gui.dialogs.custom_exercise import CustomExerciseDialog
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.undo import ServiceCommand
from evenside.services import library, studio_link, supersets, workout

SUPERSET_KEY = "Ctrl+G"
UNGROUP_KEY = "Ctrl+Shift+G"


def list_text(name: str, exercise: SessionExercise, superset: str = "", waiting: int = 0) -> str:
    """Two lines; an exercise of a superset carries a bracket on both and its label. Sets
    waiting to send (a studio server out of reach) are counted too, and said."""
    count = sum(1 for s in exercise.sets if s.record.kind.counts) + waiting
    sets = counted(count, "set") + (f" ({waiting} waiting)" if waiting else "")
    mark = {
        StretchStatus.DONE: "  ✓ stretched",
        StretchStatus.SKIPPED: "  stretch skipped",
    }.get(exercise.stretch_status, "")
    if superset:
        return f"┃ {name}\n┃ {superset} · {sets}{mark}"
    return f"{name}\n{sets}{mark}"


class ExerciseList(QWidget):
    """Emits ``selected`` with a session exercise id when the user picks or adds one."""

    selected = Signal(int)
    message = Signal(str)  # a failure to show the user
    chosen = Signal()  # Enter on an exercise of the list: back to typing its sets

    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.view: ExerciseView | None = None
        self.custom_dialog: CustomExerciseDialog | None = None
        self.add_box = QLineEdit()
        self.add_box.setPlaceholderText("Add exercise (Ctrl+K): type a name")
        self.add_box.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(150)
        # A long "No match: create …" line wraps rather than scrolling sideways.
        self.matches.setWordWrap(True)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.hide()
        self.exercise_list = QListWidget()
        self.exercise_list.setMinimumWidth(200)
        self.exercise_list.setAccessibleName("Exercises of this session")
        self.matches.setAccessibleName("Matching exercises")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.remove_button = QPushButton("Remove")
        self._build_superset_actions()
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setAutoDefault(False)
            moves.addWidget(button)
        self.session_notes = QLineEdit()
        self.session_notes.setPlaceholderText("Session notes")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.add_box)
        box.addWidget(self.matches)
        box.addWidget(self.exercise_list, 1)
        box.addLayout(moves)
        box.addWidget(self.superset_button)  # its own line: the list keeps its narrow width
        box.addWidget(self.session_notes)
        self.add_box.textChanged.connect(self._update_matches)
        self.add_box.returnPressed.connect(self._add_top_match)
        self.matches.itemActivated.connect(self._add_match_item)
        self.exercise_list.currentRowChanged.connect(self._row_changed)
        self.exercise_list.itemActivated.connect(lambda _item: self.chosen.emit())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.session_notes.editingFinished.connect(self._save_notes)

    def _build_superset_actions(self) -> None:
        """Ctrl+G supersets the exercise with the next one (the last with the one before it),
        Ctrl+Shift+G takes its superset
        apart: from the Superset menu button, the list's context menu or the keys."""
        self.superset_action = QAction(
            f"Superset with the next exercise, or the previous one if last ({SUPERSET_KEY})", self
        )
        self.superset_action.setShortcut(QKeySequence(SUPERSET_KEY))
        self.superset_action.triggered.connect(self.superset_with_next)
        self.ungroup_action = QAction(f"Take the superset apart ({UNGROUP_KEY})", self)
        self.ungroup_action.setShortcut(QKeySequence(UNGROUP_KEY))
        self.ungroup_action.triggered.connect(self.ungroup_selected)
        self.superset_menu = QMenu("Superset", self)
        self.superset_button = QToolButton()
        self.superset_button.setText("Superset")
        self.superset_button.setAccessibleName("Superset menu")
        self.superset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.superset_button.setMenu(self.superset_menu)
        self.superset_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.exercise_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.superset_action, self.ungroup_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.superset_menu.addAction(action)
            self.exercise_list.addAction(action)

    def show_view(self, view: ExerciseView) -> None:
        """Redraw the list from the stored session, keeping the selected exercise."""
        session_changed = self.view is None or self.view.session.id != view.session.id
        self.view = view
        if session_changed or not self.session_notes.hasFocus():
            self.session_notes.setText(view.session.notes)
        self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        groups = superset_labels(e.superset_group for e in view.session.exercises)
        waiting = self._waiting()
        for exercise in view.session.exercises:
            name = view.library[exercise.exercise_id].name
            group = exercise.superset_group
            label = "" if group is None else groups.get(group, "")
            item = QListWidgetItem(list_text(name, exercise, label, waiting.get(exercise.id, 0)))
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.exercise_list.addItem(item)
            if view.exercise is not None and exercise.id == view.exercise.id:
                self.exercise_list.setCurrentItem(item)
        self.exercise_list.blockSignals(False)
        if self.add_box.text():
            self._update_matches(self.add_box.text())  # the library may have grown

    def _waiting(self) -> dict[int, int]:
        """Counted sets in the studio outbox, by session exercise (none on a file)."""
        outbox = studio_link.outbox_for(self.scope.store, self.scope.profile.id)
        found: dict[int, int] = {}
        for queued in outbox.waiting() if outbox is not None else []:
            if queued.record.kind.counts:
                found[queued.session_exercise_id] = found.get(queued.session_exercise_id, 0) + 1
        return found

    def show_waiting(self) -> None:
        """A set just went to the outbox: count it at once."""
        if self.view is not None:
            self.show_view(self.view)

    def focus_add_box(self) -> None:
        self.add_box.setFocus()
        self.add_box.selectAll()

    # -- adding ---------------------------------------------------------------------------

    def _update_matches(self, text: str) -> None:
        self.matches.clear()
        if not text.strip() or self.view is None:
            self.matches.hide()
            return
        for exercise in library.search(list(self.view.library.values()), text)[:8]:
            if exercise.archived:
                continue
            item = QListWidgetItem(exercise.name)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.matches.addItem(item)
        if not self.matches.count():  # offer to make it, rather than show nothing
            item = QListWidgetItem(f"No match: create custom exercise “{text.strip()}”…")
            item.setData(Qt.ItemDataRole.UserRole, None)
            self.matches.addItem(item)
        self.matches.show()
        self.matches.setCurrentRow(0)

    def _add_top_match(self) -> None:
        item = self.matches.currentItem() or self.matches.item(0)
        if item is not None:
            self._add_match_item(item)

    def _add_match_item(self, item: QListWidgetItem) -> None:
        exercise_id = item.data(Qt.ItemDataRole.UserRole)
        if exercise_id is None:
            self.create_custom(self.add_box.text())
        else:
            self.add_exercise(int(exercise_id))

    def create_custom(self, name: str) -> CustomExerciseDialog:
        """The custom exercise dialog, named as typed; saving adds it to the session."""
        dialog = CustomExerciseDialog(self.scope.store, self)
        dialog.name.setText(" ".join(name.split()))
        dialog.accepted.connect(lambda: self._custom_created(dialog))
        dialog.open()
        dialog.primary.setFocus()
        self.custom_dialog = dialog
        return dialog

    def _custom_created(self, dialog: CustomExerciseDialog) -> None:
        if dialog.created is None:
            return
        self.scope.hub.publish(dialog.changes, self.scope.handler)
        self.add_exercise(dialog.created.id)

    def add_exercise(self, exercise_id: int) -> None:
        if self.view is None:
            return
        scope = self.scope
        added = workout.add_to_session(scope.store, self.view.session.id, exercise_id)
        self.add_box.clear()
        self.matches.hide()
        self.selected.emit(added.id)
        scope.hub.publish(added, scope.handler)

    # -- choosing, moving, removing -------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        if self.view is not None and 0 <= row < len(self.view.session.exercises):
            self.selected.emit(self.view.session.exercises[row].id)

    def move_selected(self, step: int) -> None:
        view = self.view
        if view is None or view.exercise is None:
            return
        last = len(view.session.exercises) - 1
        moving, before = view.exercise.id, view.exercise.position
        target = max(0, min(last, before + step))
        if target == before:
            return
        scope = self.scope
        moved = workout.move_exercise(scope.store, moving, target)
        scope.undo_stack.push(
            ServiceCommand(
                "move exercise",
                lambda: workout.move_exercise(scope.store, moving, target),
                lambda: workout.move_exercise(scope.store, moving, before),
                scope.hub,
            )
        )
        scope.hub.publish(moved, scope.handler)

    def remove_selected(self) -> None:
        view = self.view
        if view is None or view.exercise is None:
            return
        exercise, scope = view.exercise, self.scope
        name = view.library[exercise.exercise_id].name
        if exercise.sets:
            answer = QMessageBox.question(
                self,
                "Remove exercise",
                f"Remove {name} and its {counted(len(exercise.sets), 'set')} "
                "from this session? "
                "Ctrl+Z brings it back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        removed = workout.remove_exercise(scope.store, exercise.id)
        scope.undo_stack.push(
            ServiceCommand(
                f"remove {name}",
                lambda: workout.remove_exercise(scope.store, exercise.id).changes,
                lambda: workout.restore_exercise(scope.store, removed),
                scope.hub,
            )
        )
        scope.hub.publish(removed, scope.handler)

    def _save_notes(self) -> None:
        view = self.view
        if view is None or self.session_notes.text() == view.session.notes:
            return
        try:
            changes = workout.set_session_notes(
                self.scope.store, view.session.id, notes=self.session_notes.text()
            )
        except EvensideError as exc:  # kept in the box, to retry
            self.message.emit(f"Notes not saved: {exc}")
            return
        self.scope.hub.publish(changes, self.scope.handler)

    # -- supersets ------------------------------------------------------------------------

    def superset_with_next(self) -> None:
        view = self.view
        if view is not None and view.exercise is not None:
            chosen = view.exercise.id
            self._change_groups(
                "superset", lambda: supersets.group_with_next(self.scope.store, chosen)
            )

    def superset_with(self, session_exercise_ids: list[int]) -> None:
        """The chosen exercises (two or more) into one superset."""
        self._change_groups(
            "superset", lambda: supersets.group(self.scope.store, session_exercise_ids)
        )

    def ungroup_selected(self) -> None:
        view = self.view
        if view is not None and view.exercise is not None:
            chosen = view.exercise.id
            self._change_groups("ungroup", lambda: supersets.ungroup(self.scope.store, chosen))

    def _change_groups(self, text: str, make: Callable[[], supersets.SupersetChange]) -> None:
        scope = self.scope
        try:
            change = make()
        except EvensideError as exc:  # nothing after it, not in a superset
            self.message.emit(str(exc))
            return
        scope.undo_stack.push(
            ServiceCommand(
                text,
                lambda: supersets.put_groups(scope.store, change.after),
                lambda: supersets.put_groups(scope.store, change.before),
                scope.hub,
            )
        )
        self.message.emit("")
        scope.hub.publish(change, scope.handler)
