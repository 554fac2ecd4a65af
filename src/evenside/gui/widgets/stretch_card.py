"""The stretch card shown right after an exercise: each stretch with its cue and its dose
("2 × 30 s per side"), a countdown through every hold and repetition, alternating sides
(the first side, the weaker when known, leading), then Done or Skip (recorded on that
exercise of the session)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.library import Stretch
from evenside.domain.sides import Side
from evenside.domain.stretching import DEFAULT_REPETITIONS, SWITCH_SECONDS, dose, hold_sequence
from evenside.domain.wording import counted
from evenside.gui.style import side_badge_html, side_colour
from evenside.gui.widgets.clock import Clock, format_seconds, monotonic
from evenside.gui.widgets.hint import HintLabel

COUNTDOWN_STYLE = "font-size: 20pt; font-weight: bold; min-width: 3.2em;"


class HoldTimer(QWidget):
    """One stretch's holds, counted down one after another: a short pause to switch sides
    (or settle back in) between them, so nothing needs pressing mid-stretch."""

    def __init__(
        self,
        stretch: Stretch,
        first: Side,
        clock: Clock,
        repetitions: int = DEFAULT_REPETITIONS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.stretch = stretch
        self.clock = clock
        self.holds = hold_sequence(stretch.hold_seconds, stretch.one_sided, repetitions, first)
        self.repetitions = repetitions
        self.completed = 0  # holds finished
        self._deadline: float | None = None
        self._switching = False
        self.button = QPushButton(f"Start {self._step_name(0)}")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.toggle)
        self.countdown = QLabel(format_seconds(stretch.hold_seconds))
        self.countdown.setStyleSheet(COUNTDOWN_STYLE)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total = len(self.holds) * stretch.hold_seconds + (len(self.holds) - 1) * SWITCH_SECONDS
        self.status = QLabel(f"{counted(len(self.holds), 'hold')}, {format_seconds(total)} in all")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.bar = QProgressBar()
        self.bar.setRange(0, len(self.holds))
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.ticker = QTimer(self)
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self.tick)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.button, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.countdown, 0, 2)
        grid.addWidget(self.bar, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)

    @property
    def finished(self) -> bool:
        return self.completed >= len(self.holds)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def _step_name(self, index: int) -> str:
        hold = self.holds[index]
        where = "" if hold.side is Side.BOTH else f"{hold.side.letter} "
        return f"{where}hold {hold.repetition} of {self.repetitions}"

    def _step_html(self, index: int) -> str:
        hold = self.holds[index]
        where = (
            "" if hold.side is Side.BOTH else f"{side_badge_html(hold.side)} {hold.side.label}, "
        )
        return f"{where}hold {hold.repetition} of {self.repetitions}"

    def toggle(self) -> None:
        if self.running:
            self.pause()
        elif not self.finished:
            self.start()

    def start(self) -> None:
        """Start (or restart after a pause) the hold that is due."""
        self._switching = False
        self._deadline = self.clock() + self.stretch.hold_seconds
        self.button.setText("Pause")
        self.ticker.start()
        self.tick()

    def pause(self) -> None:
        self._deadline = None
        self._switching = False
        self.ticker.stop()
        self.button.setText(f"Restart {self._step_name(self.completed)}")
        self.status.setText(f"Paused: {self._step_html(self.completed)}")
        self.countdown.setText(format_seconds(self.stretch.hold_seconds))

    def tick(self) -> None:
        if self._deadline is None:
            return
        left = self._deadline - self.clock()
        if left > 0:
            self._show(left)
            return
        if self._switching:
            self.start()
            return
        self.completed += 1
        self.bar.setValue(self.completed)
        if self.finished:
            self._deadline = None
            self.ticker.stop()
            self.button.setText("Held ✓")
            self.button.setEnabled(False)
            self.status.setText(
                "Done: " + dose(self.stretch.hold_seconds, self.stretch.one_sided, self.repetitions)
            )
            self.countdown.setText("✓")
            self.countdown.setStyleSheet(COUNTDOWN_STYLE + " color: #1B7F4B;")
            return
        self._switching = True
        self._deadline += SWITCH_SECONDS
        self._show(self._deadline - self.clock())

    def _show(self, left: float) -> None:
        index = self.completed
        side = self.holds[index].side
        colour = side_colour(side).name() if side is not Side.BOTH else ""
        if self._switching:
            now = "Switch sides" if side is not self.holds[index - 1].side else "Relax"
            self.status.setText(f"{now}, next: {self._step_html(index)}")
            colour = ""
        else:
            self.status.setText(f"<b>{self._step_html(index)}</b>")
        self.countdown.setText(format_seconds(left))
        self.countdown.setStyleSheet(COUNTDOWN_STYLE + (f" color: {colour};" if colour else ""))


class StretchCard(QFrame):
    done = Signal(int)  # session exercise id
    skipped = Signal(int)
    shown = Signal()  # the card has been filled and shown

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
        self.body.setContentsMargins(0, 0, 6, 0)
        # No scrolling of its own: the Session page's column scrolls, so on a 600 px high
        # screen the card's header and its first hold are never hidden inside the card.
        self.holds = QWidget()
        self.holds.setLayout(self.body)
        self.done_button = QPushButton("&Done")
        self.skip_button = QPushButton("S&kip")
        self.done_button.setAutoDefault(False)
        self.skip_button.setAutoDefault(False)
        self.note = HintLabel("Stretch to mild tension, never pain: it keeps range of motion even.")
        self.note.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.skip_button)
        header.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.holds, 1)
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
        repetitions: int = DEFAULT_REPETITIONS,
    ) -> None:
        self.session_exercise_id = session_exercise_id
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not when the event loop deletes it
                widget.deleteLater()
        self.timers = []
        self.title.setText(
            f"<b style='font-size:12pt'>Stretch now, after {escape(exercise_name)}</b>"
        )
        for stretch in stretches:
            amount = dose(stretch.hold_seconds, stretch.one_sided, repetitions)
            order = (
                f", {side_badge_html(first)} first, sides alternating" if stretch.one_sided else ""
            )
            text = QLabel(
                f"<b>{escape(stretch.name)}</b>: {amount}{order}<br>{escape(stretch.cue)}"
            )
            text.setWordWrap(True)
            timer = HoldTimer(stretch, first, self.clock, repetitions)
            self.timers.append(timer)
            self.body.addWidget(text)
            self.body.addWidget(timer)
            self.body.addSpacing(8)
        self.body.addStretch(1)
        self.show()
        self.done_button.setFocus()
        self.shown.emit()

    def _done(self) -> None:
        if self.session_exercise_id is not None:
            self.done.emit(self.session_exercise_id)
        self.hide()

    def _skip(self) -> None:
        if self.session_exercise_id is not None:
            self.skipped.emit(self.session_exercise_id)
        self.hide()
