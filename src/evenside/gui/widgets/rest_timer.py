"""Rest timer: a visible countdown with pause, +/-15 s and skip; at zero, a sound or a
system notification where the desktop offers one, and a visual cue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from evenside.gui.widgets.clock import Clock, format_seconds, monotonic

STEP_SECONDS = 15
TICK_MS = 200


@dataclass(frozen=True)
class RestState:
    """A running rest, to carry to the Session page rebuilt after a Settings save."""

    deadline: float  # on the timer's clock
    paused_remaining: float | None
    caption: str


def running_rest(page: object, profile_id: int) -> RestState | None:
    """The rest running on ``page`` (a Session page, or None) of ``profile_id``, if any."""
    timer = getattr(page, "rest_timer", None)
    mine = getattr(getattr(page, "profile", None), "id", None) == profile_id
    return timer.state() if mine and isinstance(timer, RestTimer) else None


def carry_on_rest(page: object, state: RestState | None) -> None:
    """Go on with ``state`` on ``page``'s rest timer (a Session page just built)."""
    timer = getattr(page, "rest_timer", None)
    if state is not None and isinstance(timer, RestTimer):
        timer.resume(state)


class RestTimer(QFrame):
    finished = Signal()

    def __init__(self, clock: Clock = monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restTimer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.clock = clock
        self._deadline: float | None = None
        self._paused_remaining: float | None = None
        self.caption = QLabel("Rest")
        # Room for the usual captions without jumping; on a narrow window a long one wraps
        # instead of running into the time beside it.
        self.caption.setWordWrap(True)
        self.caption.setMinimumWidth(
            self.caption.fontMetrics().horizontalAdvance("No rest running") + 8
        )
        self.display = QLabel("0:00")
        font = self.display.font()
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        self.display.setFont(font)
        self.pause_button = QPushButton("Pause")
        self.minus_button = QPushButton(f"−{STEP_SECONDS} s")
        self.plus_button = QPushButton(f"+{STEP_SECONDS} s")
        self.skip_button = QPushButton("Skip")
        for button in (self.pause_button, self.minus_button, self.plus_button, self.skip_button):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addSpacing(12)  # a long caption would otherwise touch the time
        layout.addWidget(self.display)
        layout.addStretch(1)
        for button in (self.minus_button, self.plus_button, self.pause_button, self.skip_button):
            layout.addWidget(button)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.minus_button.clicked.connect(lambda: self.adjust(-STEP_SECONDS))
        self.plus_button.clicked.connect(lambda: self.adjust(STEP_SECONDS))
        self.skip_button.clicked.connect(self.skip)
        self.tray: QSystemTrayIcon | None = None
        self._set_idle("No rest running")

    # -- state ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._deadline is not None

    @property
    def paused(self) -> bool:
        return self._paused_remaining is not None

    def remaining(self) -> float:
        if self._paused_remaining is not None:
            return self._paused_remaining
        if self._deadline is None:
            return 0.0
        return max(0.0, self._deadline - self.clock())

    def start(self, seconds: int, caption: str) -> None:
        if seconds <= 0:
            self.skip()
            return
        self._deadline = self.clock() + seconds
        self._paused_remaining = None
        self.caption.setText(caption)
        self.pause_button.setText("Pause")
        self._set_enabled(True)
        self.setStyleSheet("")
        self.show()
        self.tick()
        self.ticker.start()

    def state(self) -> RestState | None:
        if self._deadline is None:
            return None
        return RestState(self._deadline, self._paused_remaining, self.caption.text())

    def resume(self, state: RestState) -> None:
        """Carry on a rest from another timer on the same clock, paused or not."""
        self.start(1, state.caption)
        self._deadline = state.deadline
        if state.paused_remaining is not None:
            self._paused_remaining = state.paused_remaining
            self.pause_button.setText("Resume")
        self.tick()

    def toggle_pause(self) -> None:
        if self._deadline is None:
            return
        if self._paused_remaining is None:
            self._paused_remaining = self.remaining()
            self.pause_button.setText("Resume")
        else:
            self._deadline = self.clock() + self._paused_remaining
            self._paused_remaining = None
            self.pause_button.setText("Pause")
        self.tick()

    def adjust(self, seconds: int) -> None:
        if self._deadline is None:
            return
        if self._paused_remaining is not None:
            self._paused_remaining = max(0.0, self._paused_remaining + seconds)
        else:
            self._deadline = max(self.clock(), self._deadline + seconds)
        self.tick()

    def skip(self) -> None:
        self.stop("Rest skipped")

    def stop(self, caption: str = "No rest running") -> None:
        self._deadline = None
        self._paused_remaining = None
        self.ticker.stop()
        self._set_idle(caption)

    def tick(self) -> None:
        left = self.remaining()
        self.display.setText(format_seconds(left))
        if self._deadline is not None and self._paused_remaining is None and left <= 0:
            self._ring()

    # -- end of rest ----------------------------------------------------------------------

    def _ring(self) -> None:
        self._deadline = None
        self.ticker.stop()
        self._set_idle("Rest over: next set")
        self.setStyleSheet("#restTimer { background: #D9F2E6; border: 2px solid #1B7F4B; }")
        QApplication.beep()
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.show()
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage("Evenside", "Rest over: time for the next set.")
        self.finished.emit()

    def _set_idle(self, caption: str) -> None:
        self.caption.setText(caption)
        self.display.setText("0:00")
        self._set_enabled(False)

    def _set_enabled(self, running: bool) -> None:
        for button in (self.pause_button, self.minus_button, self.plus_button, self.skip_button):
            button.setEnabled(running)
