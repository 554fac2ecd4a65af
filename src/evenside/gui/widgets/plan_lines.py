"""Under a routine day's exercises: the weak-side plan of each one-sided exercise, as of
today ("One-arm dumbbell row: weak side L +1 set, try 18 kg × 8"), or that it gets even
work because no side is weaker beyond noise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from evenside.domain.errors import EvensideError
from evenside.domain.library import Exercise
from evenside.domain.routines import RoutineItem
from evenside.gui.style import side_badge_html
from evenside.services import weak_side_plans
from evenside.services.store import Store
from evenside.services.weak_side_plans import ExercisePlan

EVEN = "even work: no side weaker beyond day-to-day variation"


def item_html(name: str, found: ExercisePlan) -> str:
    plan = found.plan
    if plan.weak is None:
        return f"<b>{escape(name)}</b>: {EVEN}"
    text = f"<b>{escape(name)}</b>: weak side {side_badge_html(plan.weak)} {plan.sets_text()}"
    if plan.suggestion is not None:
        text += f", try {escape(plan.suggestion.target)} next time"
    return text


class RoutinePlanLines(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.hide()

    def show_items(
        self,
        store: Store,
        profile_id: int,
        items: Sequence[RoutineItem],
        exercises: Mapping[int, Exercise],
    ) -> None:
        one_sided = [
            item
            for item in items
            if item.exercise_id in exercises and exercises[item.exercise_id].laterality.per_side
        ]
        try:
            plans = weak_side_plans.routine_plans(store, profile_id, one_sided)
        except EvensideError as exc:
            self.setText(f"Weak-side plans not available: {escape(str(exc))}")
            self.show()
            return
        lines = [item_html(exercises[item.exercise_id].name, plans[item.id]) for item in one_sided]
        self.setText("Weak-side plan:<br>" + "<br>".join(lines))
        self.setVisible(bool(lines))
