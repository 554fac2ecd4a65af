"""The sets of the exercise being logged, editable in place (each edit goes through undo).
On a studio server, sets kept in the outbox follow the stored ones, in the order they were
logged, marked "waiting to send" in words (and read out so), and are not editable until
the server has them. A set logged past the volume rule says "logged anyway" beside its time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont

from evenside.domain.entry import SetInput, parse_set
from evenside.domain.errors import InvalidInput
from evenside.domain.library import LoadBasis
from evenside.domain.training import LoggedSet, SetKind, SetRecord
from evenside.domain.units import Unit, format_weight
from evenside.gui.models.base import Index, RowsModel
from evenside.gui.style import side_colour

HEADERS = ("#", "Side", "Weight", "Reps", "Time", "RPE", "Kind", "Logged")
WEIGHT, REPS, TIME, RPE, KIND, LOGGED = 2, 3, 4, 5, 6, 7
EDITABLE = {WEIGHT, REPS, TIME, RPE, KIND}


UNRECORDED = "sides not recorded"
UNRECORDED_TIP = (
    "Imported from a file that did not say which side: counts toward volume, never toward "
    "a side or the weak-side verdict."
)
ANYWAY = "logged anyway"
ANYWAY_TIP = "Logged past the volume rule (Ctrl+Shift+Enter): this side went ahead of the other."
WAITING = "waiting to send"
WAITING_TIP = (
    "Saved on this laptop: the studio server could not be reached. It is sent, in order "
    "and once, when the server answers; it can be changed then."
)


def _time_and_distance(record: SetRecord) -> str:
    """'1500 s', or with a distance '1500 s · 2.4 km' (cardio)."""
    parts = [] if record.duration_seconds is None else [f"{record.duration_seconds} s"]
    if record.distance_m is not None:
        parts.append(f"{record.distance_m / 1000:g} km")
    return " · ".join(parts)


def _text(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


_WAITING_ROLES = (
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.FontRole,
)


class SetTableModel(RowsModel[LoggedSet]):
    headers = HEADERS
    edit_requested = Signal(int, object)  # set id, new SetRecord
    edit_refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.unit = Unit.KG
        self.load_basis = LoadBasis.TOTAL
        self.reps_or_time = False  # contralateral work: a time may stand in for the reps
        self._stored = 0  # rows from here on wait in the studio outbox

    def set_sets(
        self,
        sets: list[LoggedSet],
        unit: Unit,
        load_basis: LoadBasis,
        reps_or_time: bool = False,
        waiting: Sequence[SetRecord] = (),
    ) -> None:
        self.unit, self.load_basis, self.reps_or_time = unit, load_basis, reps_or_time
        self._stored = len(sets)
        # A waiting set has no id yet (0); its place follows the stored sets.
        queued = [LoggedSet(0, len(sets) + i, record) for i, record in enumerate(waiting)]
        self.replace_rows(sets + queued)

    def logged(self, row: int) -> LoggedSet:
        return self.row_at(row)

    def waiting(self, row: int) -> bool:
        """The set on ``row`` is kept in the outbox, not yet on the server."""
        return row >= self._stored

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self.waiting(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _display(self, logged: LoggedSet, column: int) -> str:
        record = logged.record
        values = {
            0: self._number_of(logged),
            1: UNRECORDED if record.sides_unrecorded else record.side.letter,
            2: "" if record.weight_kg is None else format_weight(record.weight_kg, self.unit),
            3: _text(record.reps),
            4: _time_and_distance(record),
            5: _text(
                record.rpe
                if record.rpe is not None
                else (None if record.rir is None else 10 - record.rir)
            ),
            6: record.kind.value,
            7: self._logged_text(logged),
        }
        return values[column]

    def _logged_text(self, logged: LoggedSet) -> str:
        """The time it was logged; a set in the outbox says, in words, that it waits."""
        if logged.id == 0 and logged in self._rows[self._stored :]:
            return WAITING
        when = logged.record.logged_at
        shown = "" if when is None else when.strftime("%H:%M:%S")
        if logged.record.volume_override:  # past the volume rule: said in words
            shown = f"{shown} · {ANYWAY}" if shown else ANYWAY
        return shown

    def _number_of(self, logged: LoggedSet) -> str:
        """Set number per side (a left/right pair shares a number); warm-ups are "W"."""
        if not logged.record.kind.counts:
            return "W"
        same_side = [s for s in self._rows if s.side is logged.side and s.record.kind.counts]
        return str(same_side.index(logged) + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        logged = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(logged, index.column())
        if self.waiting(index.row()) and role in _WAITING_ROLES:
            return self._waiting_data(logged, index.column(), role)
        if role == Qt.ItemDataRole.EditRole:
            text = self._display(logged, index.column())
            return text.split(" ")[0] if index.column() in (WEIGHT, TIME) else text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return UNRECORDED_TIP if logged.record.sides_unrecorded else None
        anyway = logged.record.volume_override and index.column() == LOGGED
        if role == Qt.ItemDataRole.ToolTipRole and anyway:
            return ANYWAY_TIP
        if role == Qt.ItemDataRole.ToolTipRole and logged.record.notes:
            return logged.record.notes
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return side_colour(logged.side)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in (1, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _waiting_data(self, logged: LoggedSet, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            when = logged.record.logged_at
            return WAITING_TIP if when is None else f"Logged {when:%H:%M:%S}. {WAITING_TIP}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._display(logged, column)
            return shown if column == LOGGED else f"{shown}, set {WAITING}"
        font = QFont()
        font.setItalic(True)
        return font

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in EDITABLE
        ):
            return False
        logged = self._rows[index.row()]
        try:
            record = self._edited(logged.record, index.column(), str(value))
        except InvalidInput as exc:
            self.edit_refused.emit(str(exc))
            return False
        if record != logged.record:
            self.edit_requested.emit(logged.id, record)
        return True

    def _edited(self, record: SetRecord, column: int, text: str) -> SetRecord:
        kind = record.kind
        if column == KIND:
            try:
                kind = SetKind(text.strip().lower())
            except ValueError:
                raise InvalidInput("Kind is warm-up, working, drop or failure.", "kind") from None
        fields = SetInput(
            weight=self._display_for_edit(record) if column != WEIGHT else text,
            reps=_text(record.reps) if column != REPS else text,
            duration=_text(record.duration_seconds) if column != TIME else text,
            rpe=_text(record.rpe) if column != RPE else text,
            rir=_text(record.rir) if column != RPE else "",
            shown_kg=record.weight_kg,
        )
        parsed = parse_set(
            fields,
            side=record.side,
            kind=kind,
            unit=self.unit,
            load_basis=self.load_basis,
            reps_or_time=self.reps_or_time,
        )
        return replace(parsed, logged_at=record.logged_at)

    def _display_for_edit(self, record: SetRecord) -> str:
        if record.weight_kg is None:
            return ""
        return format_weight(record.weight_kg, self.unit, with_unit=False)
