"""The everyday-habits questionnaire: seven short questions, every one optional.

Used by the New profile dialog (its second step) and by the Habits dialog (Settings and the
Session start panel)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from evenside.domain.habits import MAX_INJURY_NOTE, HabitAnswers

NOT_SAID = ("Not answered", "")
SLEEP_CHOICES = (
    NOT_SAID,
    ("Left side", "left"),
    ("Right side", "right"),
    ("Back", "back"),
    ("It varies", "varies"),
)
CARRY_CHOICES = (
    NOT_SAID,
    ("Left hand or shoulder", "left"),
    ("Right hand or shoulder", "right"),
    ("Either, as it comes", "both"),
    ("Split between both hands", "split"),
)


def _sided(none_label: str) -> tuple[tuple[str, str], ...]:
    return (NOT_SAID, ("Left", "left"), ("Right", "right"), (none_label, "none"))


INTRO = (
    "Everyday habits can build an imbalance too. Answer what applies; Evenside turns it into "
    "a short checklist shown before each session and printed on your sheet."
)


def _combo(choices: tuple[tuple[str, str], ...], name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in choices:
        box.addItem(label, value)
    return box


class HabitsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.sleeping = _combo(SLEEP_CHOICES, "Sleeping side")
        self.carrying = _combo(CARRY_CHOICES, "Carrying side")
        self.bag = QCheckBox("I wear a bag on one shoulder")
        self.phone_hand = _combo(_sided("No preference"), "Phone hand")
        self.phone_down = QCheckBox("I read my phone looking down")
        self.crossed = _combo(_sided("I do not cross my legs"), "Leg on top")
        self.standing = _combo(_sided("Both, evenly"), "Standing leg")
        self.sport = _combo(_sided("No one-sided sport"), "Sport or throwing arm")
        self.mouse = _combo(_sided("No desk work"), "Mouse hand")
        self.injuries_left = QLineEdit()
        self.injuries_right = QLineEdit()
        for field, side in ((self.injuries_left, "left"), (self.injuries_right, "right")):
            field.setMaxLength(MAX_INJURY_NOTE)
            field.setPlaceholderText("none")
            field.setAccessibleName(f"Past injuries, {side} side")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(intro)
        form.addRow("&Sleeping side", self.sleeping)
        form.addRow("&Carrying bags with", self.carrying)
        form.addRow("", self.bag)
        form.addRow("&Phone in which hand", self.phone_hand)
        form.addRow("", self.phone_down)
        form.addRow("Le&g on top when crossed", self.crossed)
        form.addRow("Standing, &weight on", self.standing)
        form.addRow("Racket or &throwing arm", self.sport)
        form.addRow("Desk &mouse hand", self.mouse)
        form.addRow("Past injuries, &left side", self.injuries_left)
        form.addRow("Past injuries, &right side", self.injuries_right)

    def _choices(self) -> dict[str, QComboBox]:
        return {
            "sleeping_side": self.sleeping,
            "carrying_side": self.carrying,
            "phone_hand": self.phone_hand,
            "crossed_leg_on_top": self.crossed,
            "standing_leg": self.standing,
            "sport_arm": self.sport,
            "mouse_hand": self.mouse,
        }

    def answers(self) -> HabitAnswers:
        chosen = {name: str(box.currentData()) for name, box in self._choices().items()}
        return HabitAnswers(
            **chosen,
            one_shoulder_bag=self.bag.isChecked(),
            phone_looking_down=self.phone_down.isChecked(),
            injuries_left=self.injuries_left.text(),
            injuries_right=self.injuries_right.text(),
        )

    def show_answers(self, answers: HabitAnswers) -> None:
        for name, box in self._choices().items():
            box.setCurrentIndex(max(0, box.findData(getattr(answers, name))))
        self.bag.setChecked(answers.one_shoulder_bag)
        self.phone_down.setChecked(answers.phone_looking_down)
        self.injuries_left.setText(answers.injuries_left)
        self.injuries_right.setText(answers.injuries_right)
