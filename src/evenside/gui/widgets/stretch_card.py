"""The stretch card shown right after an exercise: each stretch with its cue and a hold
timer per side, then Done or Skip (recorded on that exercise of the session)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.library import Stretch
from evenside.domain.sides import Side
from evenside.gui.style import side_badge_html
from evenside.gui.widgets.clock import Clock, format_seconds, monotonic


class HoldTimer(QWidget):
    """One stretch's hold: a button per side (or one), counting down the hold time."""

    def __init__(
        self, stretch: Stretch, first: Side, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.stretch = stretch
        self.clock = clock
        self._deadline: float | None = None
        self._active: QPushButton | None = None
        self.buttons: dict[Side, QPushButton] = {}
        self._labels: dict[Side, str] = {}
        self._side = first
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        sides = [first, first.opposite()] if stretch.one_sided else [Side.BOTH]
        for side in sides:
            label = f"Hold {side.letter}" if side is not Side.BOTH else "Hold"
            self._labels[side] = label
            button = QPushButton(f"{label} {stretch.hold_seconds} s")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=side: self.start(s))
            self.buttons[side] = button
            layout.addWidget(button)
        self.status = QLabel("")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.ticker = QTimer(self)
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self.tick)
        self.held: set[Side] = set()

    def start(self, side: Side) -> None:
        self._deadline = self.clock() + self.stretch.hold_seconds
        self._side = side
        self.ticker.start()
        self.tick()

    def tick(self) -> None:
        if self._deadline is None:
            return
        left = self._deadline - self.clock()
        name = "" if self._side is Side.BOTH else f"{self._side.label}: "
        if left <= 0:
            self._deadline = None
            self.ticker.stop()
            self.held.add(self._side)
            self.buttons[self._side].setText(f"{self._labels[self._side]} ✓")
            self.status.setText(f"{name}held" if name else "Held")
        else:
            self.status.setText(f"{name}{format_seconds(left)}")


class StretchCard(QFrame):
    done = Signal(int)  # session exercise id
    skipped = Signal(int)

    def __init__(self, clock: Clock = monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stretchCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#stretchCard { border: 2px solid #1B7F4B; border-radius: 6px; }")
        self.clock = clock
        self.session_exercise_id: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.body = QVBoxLayout()
        self.done_button = QPushButton("&Done")
        self.skip_button = QPushButton("S&kip")
        self.done_button.setAutoDefault(False)
        self.skip_button.setAutoDefault(False)
        note = QLabel("Stretch to mild tension, never pain: it keeps range of motion even.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        layout.addLayout(buttons)
        self.timers: list[HoldTimer] = []
        self.done_button.clicked.connect(self._done)
        self.skip_button.clicked.connect(self._skip)
        self.hide()

    def show_for(
        self,
        session_exercise_id: int,
        exercise_name: str,
        stretches: tuple[Stretch, ...],
        first: Side,
    ) -> None:
        self.session_exercise_id = session_exercise_id
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.timers = []
        self.title.setText(f"<h3>Stretch now, after {escape(exercise_name)}</h3>")
        for stretch in stretches:
            per_side = (
                f"hold {stretch.hold_seconds} s per side, one side at a time, "
                f"{side_badge_html(first)} first"
                if stretch.one_sided
                else f"hold {stretch.hold_seconds} s"
            )
            text = QLabel(f"<b>{escape(stretch.name)}</b> ({per_side})<br>{escape(stretch.cue)}")
            text.setWordWrap(True)
            timer = HoldTimer(stretch, first, self.clock)
            self.timers.append(timer)
            self.body.addWidget(text)
            self.body.addWidget(timer)
        self.show()
        self.done_button.setFocus()

    def _done(self) -> None:
        if self.session_exercise_id is not None:
            self.done.emit(self.session_exercise_id)
        self.hide()

    def _skip(self) -> None:
        if self.session_exercise_id is not None:
            self.skipped.emit(self.session_exercise_id)
        self.hide()
