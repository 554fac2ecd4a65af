"""Under the entry: the weak side's catch-up plan for the exercise being logged, and the
sets planned per side with the weak side's extra sets, counted off as they are logged.

"Weak side L: +1 set · try 18 kg × 8 today: you did 16 × 10 at RPE 7". With no verdict
beyond noise there is no plan, and the line says why. A catch-up ("back to even work") is
told once: it is marked shown as soon as it is on screen, and stays on screen for that
exercise until the session ends.
"""

from __future__ import annotations

from contextlib import suppress
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from evenside.domain.errors import EvensideError
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.session.view import ExerciseView, Scope
from evenside.gui.style import side_badge_html, side_colour
from evenside.services import weak_side_plans
from evenside.services.weak_side_plans import ExercisePlan

DEFAULT_PLANNED_SETS = 3


def plan_style(weak: Side | None) -> str:
    """A bar in the weak side's colour down the plan's left edge; a neutral one without."""
    colour = side_colour(weak).name() if weak is not None else "palette(mid)"
    return f"QLabel {{ border: none; border-left: 4px solid {colour}; padding: 3px 8px; }}"


def planned_sets(view: ExerciseView) -> int:
    """Sets per side before the weak side's extra: the routine's target, else as many as the
    stronger side did last time, else 3."""
    if view.target is not None:
        return view.target.target_sets
    coaching, plan = view.coaching, view.plan
    if coaching is not None and plan is not None and plan.plan.weak is not None:
        last = coaching.last_time.get(plan.plan.weak.opposite())
        if last:
            return len(last)
    return DEFAULT_PLANNED_SETS


def extra_sets(view: ExerciseView) -> int:
    """The plan's extra sets; the routine's own extra sets when it asks for more."""
    plan = view.plan.plan.extra_sets if view.plan is not None and view.plan.plan.active else 0
    routine = view.target.extra_weak_side_sets if view.target is not None else 0
    return max(plan, routine)


def plan_html(found: ExercisePlan, line: str) -> str:
    text = escape(line)
    weak = found.plan.weak
    if weak is not None:
        text = text.replace(
            f"Weak side {weak.letter}:", f"<b>Weak side {side_badge_html(weak)}:</b>", 1
        )
        if found.plan.suggestion is not None:
            target = escape(found.plan.suggestion.target)
            text = text.replace(f"try {target}", f"try <b>{target}</b>", 1)
    return text


class PlanPanel(QWidget):
    use_target = Signal(object)  # SetRecord: today's target for the weak side

    def __init__(self, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.plan_line = QLabel()
        self.plan_line.setTextFormat(Qt.TextFormat.RichText)
        self.plan_line.setWordWrap(True)
        self.plan_line.setStyleSheet(plan_style(None))
        self.planned = QLabel()
        self.planned.setTextFormat(Qt.TextFormat.RichText)
        self.planned.setWordWrap(True)
        self.target_button = QPushButton()
        self.target_button.setAutoDefault(False)
        self.target_button.setToolTip("Put today's target in the weak side's row (Ctrl+T)")
        self.target_button.clicked.connect(self.fill_target)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.plan_line, 1)
        line.addWidget(self.target_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(line)
        box.addWidget(self.planned)
        self.target: SetRecord | None = None
        self._told: dict[int, str] = {}  # session exercise id -> the catch-up told there
        self._session_id: int | None = None
        self.hide()

    def show_view(self, view: ExerciseView) -> None:
        if view.session.id != self._session_id:
            self._session_id, self._told = view.session.id, {}
        exercise, found = view.exercise, view.plan
        if exercise is None or view.lib is None or found is None:
            self.target = None
            self.hide()
            return
        line = self._told.get(exercise.id, found.line)
        if found.announce and found.catch_up is not None:
            # Not marked (disk full, locked): it is told again next time, which is no loss.
            with suppress(EvensideError):
                weak_side_plans.acknowledge_catch_up(self.scope.store, found.catch_up.id)
            self._told[exercise.id] = line
        self.plan_line.setText(plan_html(found, line))
        self.plan_line.setStyleSheet(plan_style(found.plan.weak))
        suggestion = found.plan.suggestion if found.plan.active else None
        self.target = None if suggestion is None else suggestion.record()
        self.target_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.target_button.setText(f"Use {suggestion.target} (Ctrl+T)")
        self._show_planned(view)
        self.show()

    def fill_target(self) -> None:
        """Ask for today's target in the weak side's row (Ctrl+T, or the button)."""
        if self.target is not None and self.isVisible():
            self.use_target.emit(self.target)

    def _show_planned(self, view: ExerciseView) -> None:
        found, exercise = view.plan, view.exercise
        assert found is not None and exercise is not None
        weak = found.plan.weak
        extra = extra_sets(view)
        if weak is None and not extra:
            self.planned.hide()
            return
        weak = weak or (view.coaching.weak.side if view.coaching and view.coaching.weak else None)
        if weak is None:
            self.planned.hide()
            return
        base = planned_sets(view)
        done = {
            side: sum(1 for s in exercise.sets if s.side is side and s.record.kind.counts)
            for side in (Side.LEFT, Side.RIGHT)
        }
        strong = weak.opposite()
        weak_text = f"{side_badge_html(weak)} {done[weak]} of {base + extra}"
        if extra:
            weak_text += f" ({base} + {extra} extra)"
        strong_text = f"{side_badge_html(strong)} {done[strong]} of {base}"
        self.planned.setText(f"Planned sets: {weak_text} · {strong_text}")
        self.planned.show()
