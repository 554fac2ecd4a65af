"""The set entry: one row of fields per side, the weaker side first and marked.

Enter logs the set of the row being typed in; Tab moves from the first side's fields to
the second's. Invalid input shows a message under the row and stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.entry import SetInput
from evenside.domain.library import LoadBasis
from evenside.domain.sides import Side
from evenside.domain.training import SetKind, SetRecord
from evenside.domain.units import Unit, format_weight, stepped, weight_step
from evenside.domain.volume_rule import LOG_ANYWAY_KEYS
from evenside.gui.style import ERROR_STYLE, side_badge_html, side_colour
from evenside.gui.widgets.hint import HintLabel


class _EntryField(QLineEdit):
    """A line edit whose Enter submits its row, and whose Ctrl+Z undoes the last logged
    change (the page's undo) rather than the typing in the field."""

    submitted = Signal()
    step = 0.0  # Up/Down change a weight by this much (0: the keys do nothing)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo_keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(k) for k in undo_keys) or (
                event.key() == Qt.Key.Key_Z
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                event.ignore()  # let the page's shortcut have it
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        direction = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if self.step and direction and not event.modifiers():
            self.setText(stepped(self.text(), self.step, direction))
            return
        super().keyPressEvent(event)


class SideRow(QFrame):
    """Weight, reps (or time) and RPE for one side, with its Log button and inline error."""

    submitted = Signal(object)  # Side
    log_anyway_requested = Signal(object)  # Side: past the volume rule, on purpose

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"sideRow{side.letter}")
        colour = side_colour(side).name()
        self.setStyleSheet(f"#sideRow{side.letter} {{ border-left: 5px solid {colour}; }}")
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.RichText)
        self.badge.setMinimumWidth(112)
        self.weight = _EntryField()
        self.filled_kg: float | None = None  # the stored weight the weight field shows
        self.reps = _EntryField()
        self.duration = _EntryField()
        self.rpe = _EntryField()
        self.weight.setPlaceholderText("weight")
        self.reps.setPlaceholderText("reps")
        self.duration.setPlaceholderText("seconds or m:ss")
        self.rpe.setPlaceholderText("RPE (optional)")
        self.effort_scale = "rpe"
        self.timed = False  # timed work: the time held is the measure, a load optional
        for field in (self.weight, self.reps, self.duration, self.rpe):
            field.setMinimumWidth(68)  # "102.5" fits; leaves room for the side badge at 1024 px
            field.submitted.connect(lambda s=side: self.submitted.emit(s))
        # The effort field says it is optional: keep room for the whole placeholder.
        self.rpe.setMinimumWidth(self.rpe.fontMetrics().horizontalAdvance("RPE (optional)") + 20)
        self.log_button = QPushButton(f"Log {side.letter}" if side is not Side.BOTH else "Log set")
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(lambda _=False, s=side: self.submitted.emit(s))
        self.unit_label = QLabel()
        self.unit_label.setMinimumWidth(
            self.unit_label.fontMetrics().horizontalAdvance("lb added") + 6
        )
        self.last_time = HintLabel()
        self.last_time.setWordWrap(True)  # a long "Last time" never widens the row
        self.problem = self._problem_box(side)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 4, 4, 4)
        grid.addWidget(self.badge, 0, 0)
        grid.addWidget(self.weight, 0, 1)
        grid.addWidget(self.unit_label, 0, 2)
        grid.addWidget(self.reps, 0, 3)
        grid.addWidget(self.duration, 0, 4)
        grid.addWidget(self.rpe, 0, 5)
        grid.addWidget(self.log_button, 0, 6)
        grid.addWidget(self.last_time, 1, 1, 1, 6)
        grid.addWidget(self.problem, 2, 1, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)

    def _problem_box(self, side: Side) -> QWidget:
        """The inline message and, for a set the volume rule refused, "Log anyway"; in one
        box hidden together, so a hidden message takes no room."""
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.log_anyway = QPushButton(f"Log anyway ({LOG_ANYWAY_KEYS})")
        self.log_anyway.setAutoDefault(False)
        self.log_anyway.hide()
        self.log_anyway.clicked.connect(lambda _=False, s=side: self.log_anyway_requested.emit(s))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.error, 1)
        row.addWidget(self.log_anyway)
        box.hide()
        return box

    def configure(
        self, load_basis: LoadBasis, unit: Unit, marker: str, *, reps_or_time: bool = False
    ) -> None:
        """Show the fields the exercise takes; ``reps_or_time``: reps, or a time instead."""
        name = self.side.label if self.side is not Side.BOTH else "Set"
        self.badge.setText(
            # The marker on a line of its own: whole at 1024 px, not cut to "(weaker, firs".
            f"{side_badge_html(self.side)} {name}" + (f"<br><b>({marker})</b>" if marker else "")
            if self.side is not Side.BOTH
            else "<b>Set</b>"
        )
        timed = load_basis is LoadBasis.TIME
        self.weight.step = weight_step(unit, barbell=load_basis is LoadBasis.TOTAL)
        self.timed = timed
        self.reps.setVisible(not timed)
        self.duration.setVisible(timed or reps_or_time)
        # Short enough to read whole in a field at 1024 px; the tooltip says it in full.
        self.duration.setPlaceholderText("or sec" if reps_or_time else "seconds or m:ss")
        self.duration.setToolTip("Or a time instead: seconds or m:ss" if reps_or_time else "")
        self.unit_label.setText(
            unit.value + (" added" if load_basis is LoadBasis.BODYWEIGHT_PLUS else "")
        )
        self.weight.setPlaceholderText(
            "+ load"
            if load_basis is LoadBasis.BODYWEIGHT_PLUS
            else "load (optional)"  # a carry's or a weighted hold's load; time is the measure
            if timed
            else f"weight ({load_basis.value})"
        )
        self.clear_error()

    def fields(self) -> list[QLineEdit]:
        return [f for f in (self.weight, self.reps, self.duration, self.rpe) if not f.isHidden()]

    def first_field(self) -> QLineEdit:
        """Where typing starts: the time held for timed work (its load is optional)."""
        if self.timed:
            return self.duration
        return self.fields()[0]

    def set_effort_scale(self, scale: str) -> None:
        """ "rpe" or "rir": what the effort field holds."""
        self.effort_scale = scale
        self.rpe.setPlaceholderText(f"{scale.upper()} (optional)")

    def entry(self) -> SetInput:
        effort = self.rpe.text()
        return SetInput(
            weight=self.weight.text() if not self.weight.isHidden() else "",
            reps=self.reps.text() if not self.reps.isHidden() else "",
            duration=self.duration.text() if not self.duration.isHidden() else "",
            rpe=effort if self.effort_scale == "rpe" else "",
            rir=effort if self.effort_scale == "rir" else "",
            shown_kg=self.filled_kg,
        )

    def fill(self, record: SetRecord | None, unit: Unit) -> None:
        """Pre-fill from a set (last time's, or the other side's just logged); with no set,
        empty every field, so nothing typed for another exercise can be logged here."""
        self.filled_kg = None if record is None else record.weight_kg
        if record is None:
            for field in (self.weight, self.reps, self.duration, self.rpe):
                field.clear()
            return
        self.weight.setText(
            ""
            if record.weight_kg is None
            else format_weight(record.weight_kg, unit, with_unit=False)
        )
        self.reps.setText("" if record.reps is None else str(record.reps))
        self.duration.setText(
            "" if record.duration_seconds is None else str(record.duration_seconds)
        )

    def show_error(self, message: str, field: str | None) -> None:
        self.error.setText(message)
        self.error.show()
        self.problem.show()
        target = {
            "weight": self.weight,
            "reps": self.reps,
            "duration": self.duration,
            "rpe": self.rpe,
            "rir": self.rpe,
        }
        widget = target.get(field or "", self.first_field())
        widget.setFocus()
        widget.selectAll()

    def show_refusal(self, message: str, field: str) -> None:
        """The volume rule refused the set: say why, and offer to log it anyway."""
        self.show_error(message, field)
        self.log_anyway.show()

    def clear_error(self) -> None:
        self.error.hide()
        self.log_anyway.hide()
        if self.problem.isHidden():
            return
        self.problem.hide()
        # A wrapped message's height stays cached (per width) in the layouts above the row;
        # drop it, or the entry keeps the room the message took.
        widget: QWidget | None = self
        while widget is not None:
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
            widget = widget.parentWidget()


class SetEntryPanel(QWidget):
    """The rows for one exercise, in the order the sides are to be done."""

    submitted = Signal(object)  # Side
    log_anyway_requested = Signal(object)  # Side

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setWordWrap(True)
        self.kind = QComboBox()
        for kind in SetKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        self.kind.setCurrentIndex(1)  # working
        self.effort = QComboBox()
        self.effort.addItem("RPE", "rpe")
        self.effort.addItem("RIR", "rir")
        self.effort.setToolTip("Effort as RPE (5-10) or reps in reserve (0-5)")
        self.swap_button = QPushButton("Start with the other side")
        self.swap_button.setAutoDefault(False)
        self.swap_button.setToolTip("Override the weak-side-first order for this set (Ctrl+E)")
        head = QHBoxLayout()
        head.addWidget(self.prompt, 1)
        head.addWidget(QLabel("Set kind"))
        head.addWidget(self.kind)
        head.addWidget(self.effort)
        head.addWidget(self.swap_button)
        self.rows: dict[Side, SideRow] = {
            side: SideRow(side) for side in (Side.LEFT, Side.RIGHT, Side.BOTH)
        }
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(self.rows_box)
        for row in self.rows.values():
            row.submitted.connect(self.submitted)
            row.log_anyway_requested.connect(self.log_anyway_requested)
            row.hide()
        self.effort.currentIndexChanged.connect(self._effort_changed)
        self.order: list[Side] = []

    def set_order(self, order: list[Side]) -> None:
        """Show the rows for ``order`` (weak side first) and chain Tab through them."""
        if order == self.order and all(self.rows[side].isVisibleTo(self) for side in order):
            return  # re-laying out would hide the focused field
        self.order = order
        for row in self.rows.values():
            self.rows_box.removeWidget(row)
            row.hide()
        for side in order:
            self.rows_box.addWidget(self.rows[side])
            self.rows[side].show()
        chain: list[QWidget] = [f for side in order for f in self.rows[side].fields()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.swap_button.setVisible(len(order) == 2)

    def _effort_changed(self) -> None:
        for row in self.rows.values():
            row.set_effort_scale(str(self.effort.currentData()))

    def row(self, side: Side) -> SideRow:
        return self.rows[side]

    def set_kind(self) -> SetKind:
        return SetKind(self.kind.currentData())
