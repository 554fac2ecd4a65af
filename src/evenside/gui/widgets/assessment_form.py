"""The guided per-side test form of the Assessment page, usable from the keyboard alone:
type the exercise (Enter takes the top match), choose the test, give the load, then the
left and the right value; Enter saves. A bad value is named beside the form and the cursor
goes back to its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.domain.entry import decimal
from evenside.domain.errors import InvalidInput
from evenside.domain.library import Exercise
from evenside.domain.sides import Side
from evenside.domain.units import Unit, to_kg
from evenside.gui.style import ERROR_STYLE, side_badge_html
from evenside.services import library

TIGHTER_CHOICES = (
    ("not noted", None),
    ("L (left) is tighter", Side.LEFT),
    ("R (right) is tighter", Side.RIGHT),
)


def _number(text: str, field: str, label: str) -> float | None:
    try:
        return decimal(text)
    except ValueError:
        raise InvalidInput(f"The {label} must be a number.", field) from None


class AssessmentForm(QGroupBox):
    """Emits ``submitted`` with an unchecked ``Assessment`` (the service checks it)."""

    submitted = Signal(object)

    def __init__(self, unit: Unit, today: date, parent: QWidget | None = None) -> None:
        super().__init__("New assessment", parent)
        self.unit = unit
        self.exercises: list[Exercise] = []
        self.chosen: Exercise | None = None
        self.exercise = QLineEdit()
        self.exercise.setPlaceholderText("Type an exercise, Enter takes the top match")
        self.exercise.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(120)
        self.matches.hide()
        self.kind = QComboBox()
        for kind in AssessmentKind:
            self.kind.addItem(kind.value[0].upper() + kind.value[1:], kind)
        self.measures = QLabel()
        self.measures.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.load = QLineEdit()
        self.load.setPlaceholderText(unit.value)
        self.reps = QLineEdit()
        self.reps.setPlaceholderText("reps, same on both sides")
        self.left = QLineEdit()
        self.right = QLineEdit()
        self.tighter = QComboBox()
        for text, side in TIGHTER_CHOICES:
            self.tighter.addItem(text, side)
        self.notes = QLineEdit()
        self.save_button = QPushButton("&Save assessment")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self._lay_out()
        self.exercise.textChanged.connect(self._update_matches)
        self.exercise.returnPressed.connect(self._take_top_match)
        self.exercise.installEventFilter(self)
        self.matches.itemActivated.connect(self._take_item)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        for field in (self.load, self.reps, self.left, self.right, self.notes):
            field.returnPressed.connect(self.submit)
        self.save_button.clicked.connect(self.submit)
        self._kind_changed()

    def _lay_out(self) -> None:
        self.form = QFormLayout(self)
        self.form.addRow("&Exercise", self.exercise)
        self.form.addRow(self.matches)
        self.form.addRow("&Test", self.kind)
        self.form.addRow(self.measures)
        self.form.addRow(f"L&oad ({self.unit.value})", self.load)
        self.form.addRow("Re&ps", self.reps)
        self.form.addRow(QLabel(f"{side_badge_html(Side.LEFT)} Left"), self.left)
        self.form.addRow(QLabel(f"{side_badge_html(Side.RIGHT)} Right"), self.right)
        self.form.addRow("T&ighter side", self.tighter)
        self.form.addRow("&Notes", self.notes)
        # Last: today is the usual answer, and a date field takes Tab for its own parts.
        self.form.addRow("&Date", self.day)
        self.form.addRow(self.save_button)
        self.form.addRow(self.error)

    # -- choosing the exercise --------------------------------------------------------------

    def set_exercises(self, exercises: list[Exercise]) -> None:
        self.exercises = [e for e in exercises if not e.archived]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up and Down in the exercise box move through the matches."""
        if watched is self.exercise and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.matches.count():
                row = (self.matches.currentRow() + step) % self.matches.count()
                self.matches.setCurrentRow(row)
                return True
        return False

    def _update_matches(self, text: str) -> None:
        if self.chosen is not None and text != self.chosen.name:
            self.chosen = None
        self.matches.clear()
        if not text.strip() or self.chosen is not None:
            self.matches.hide()
            return
        for exercise in library.search(self.exercises, text)[:6]:
            item = QListWidgetItem(exercise.name)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def _take_top_match(self) -> None:
        item = self.matches.currentItem() if self.matches.isVisible() else None
        if item is not None:
            self._take_item(item)
        elif self.chosen is not None or self.exercise.text().strip():
            self.kind.setFocus()  # a named check (range of motion) needs no exercise

    def _take_item(self, item: QListWidgetItem) -> None:
        exercise_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.choose(next(e for e in self.exercises if e.id == exercise_id))
        self.kind.setFocus()

    def choose(self, exercise: Exercise) -> None:
        self.chosen = exercise
        self.exercise.setText(exercise.name)
        self.matches.hide()

    # -- the test -----------------------------------------------------------------------------

    @property
    def current_kind(self) -> AssessmentKind:
        return AssessmentKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind
        self.measures.setText(f"Each side: {kind.measures}.")
        for field, shown in (
            (self.load, kind.uses_load),
            (self.reps, kind is AssessmentKind.TOP_SET),
            (self.tighter, kind is AssessmentKind.RANGE_OF_MOTION),
        ):
            self.form.setRowVisible(field, shown)
        for field in (self.left, self.right):
            field.setPlaceholderText(kind.unit)

    def _read(self) -> Assessment:
        kind = self.current_kind
        day = self.day.date()
        load = _number(self.load.text(), "load", "load") if kind.uses_load else None
        reps = _number(self.reps.text(), "reps", "reps") if kind is AssessmentKind.TOP_SET else None
        if reps is not None and reps != int(reps):
            raise InvalidInput("Reps are whole numbers.", "reps")
        return Assessment(
            kind,
            date(day.year(), day.month(), day.day()),
            _number(self.left.text(), "left", "left value"),  # type: ignore[arg-type]
            _number(self.right.text(), "right", "right value"),  # type: ignore[arg-type]
            exercise_id=None if self.chosen is None else self.chosen.id,
            name=self.exercise.text() if self.chosen is None else self.chosen.name,
            load_kg=None if load is None else to_kg(load, self.unit),
            reps=None if reps is None else int(reps),
            tighter=self._tighter() if kind is AssessmentKind.RANGE_OF_MOTION else None,
            notes=self.notes.text().strip(),
        )

    def _tighter(self) -> Side | None:
        data = self.tighter.currentData()  # Qt hands a StrEnum back as its text
        return None if data is None else Side(data)

    def submit(self) -> None:
        try:
            assessment = self._read()
        except InvalidInput as exc:
            self.show_error(exc)
            return
        self.submitted.emit(assessment)

    def show_error(self, exc: InvalidInput) -> None:
        self.error.setText(str(exc))
        target = {
            "exercise": self.exercise,
            "load": self.load,
            "reps": self.reps,
            "left": self.left,
            "right": self.right,
            "notes": self.notes,
        }.get(exc.field or "", self.left)
        target.setFocus()
        if isinstance(target, QLineEdit):
            target.selectAll()

    def saved(self) -> None:
        """Ready for the next test: the sides clear, the exercise and load stay (a battery
        of tests runs one exercise after another)."""
        self.error.clear()
        for field in (self.left, self.right, self.notes):
            field.clear()
        self.left.setFocus()
