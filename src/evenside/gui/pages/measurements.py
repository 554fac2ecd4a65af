"""Measurements page: per-side circumferences (upper arm, forearm, thigh, calf and any
site the user adds), charted beside the strength asymmetry of the matching muscles."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.changes import ChangeHub, StaleGuard
from evenside.gui.models.base import row_table, stretch_column
from evenside.gui.models.text_rows import TextRowsModel
from evenside.gui.style import ERROR_STYLE, side_badge_html
from evenside.gui.widgets.range_bar import RangeBar
from evenside.services import progress
from evenside.services.store import Store


def _cm(text: str, field: str) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidInput("A circumference must be a number of centimetres.", field) from None


class MeasurementsPage(QWidget):
    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub = hub or ChangeHub(self)
        from evenside.gui.charts.measurement_view import MeasurementCharts

        self.store, self.profile = store, profile
        form_box = self._build_form()
        hint = QLabel(
            "Measure relaxed, at the same spot each time (e.g. the widest point), both sides "
            "in the same session."
        )
        hint.setWordWrap(True)
        self.model = TextRowsModel(("Date", "L cm", "R cm", "Gap (cm)"), (0, 3))
        self.table = row_table(self.model)
        stretch_column(self.table, 3)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(form_box)
        left_box.addWidget(hint)
        left_box.addWidget(self.table, 1)
        left.setMaximumWidth(340)
        self.charts = MeasurementCharts()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(1, 1)
        # The table and both charts show the range chosen here, a year at first: a long
        # history is not read and drawn whole unless asked for.
        self.ranges = RangeBar()
        self.ranges.chosen.connect(lambda _name: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.ranges)
        layout.addWidget(splitter, 1)
        self.add_button.clicked.connect(self.add)
        self.right.returnPressed.connect(self.add)
        self.site.currentTextChanged.connect(lambda _t: self.refresh())
        # The strength chart beside the sizes moves with every set logged.
        StaleGuard(
            self,
            self.hub,
            lambda c: c.measurements or c.training,
            lambda: self._fill_sites(self.site.currentText()),
        )
        self._measured: set[str] = set()
        self._fill_sites()

    def _build_form(self) -> QGroupBox:
        self.site = QComboBox()
        self.site.setEditable(True)
        self.site.setToolTip("Choose a site or type a new one")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = self.store.now().date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.left = QLineEdit()
        self.right = QLineEdit()
        for field in (self.left, self.right):
            field.setPlaceholderText("cm")
        self.add_button = QPushButton("&Add measurement")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form_box = QGroupBox("New measurement")
        form = QFormLayout(form_box)
        form.addRow("&Site", self.site)
        form.addRow("&Date", self.day)
        form.addRow(QLabel(f"{side_badge_html(Side.LEFT)} Left"), self.left)
        form.addRow(QLabel(f"{side_badge_html(Side.RIGHT)} Right"), self.right)
        form.addRow(self.add_button)
        form.addRow(self.error)
        return form_box

    def _fill_sites(self, select: str | None = None) -> None:
        self.site.blockSignals(True)
        self.site.clear()
        offered, self._measured = progress.measurement_sites(self.store, self.profile.id)
        self.site.addItems(offered)
        self.site.blockSignals(False)
        if select:
            self.site.setCurrentText(select)
        self.refresh()

    def refresh(self) -> None:
        site = self.site.currentText().strip()
        since = self.ranges.since(self.store.now())
        records = (
            progress.measurements(self.store, self.profile.id, site, since=since) if site else []
        )
        by_day: dict[date, dict[Side, float]] = {}
        for record in records:
            by_day.setdefault(record.measured_on, {})[record.side] = record.value_cm
        rows = []
        for day in sorted(by_day, reverse=True):
            left, right = by_day[day].get(Side.LEFT), by_day[day].get(Side.RIGHT)
            difference = "–"
            if left is not None and right is not None and max(left, right) > 0:
                smaller = "L" if left < right else "R"
                gap = abs(left - right)
                difference = f"{smaller} smaller, {gap:.1f}" if gap else "even"
            rows.append(
                (
                    day.isoformat(),
                    "–" if left is None else f"{left:.1f}",
                    "–" if right is None else f"{right:.1f}",
                    difference,
                )
            )
        self.model.replace_rows(rows)
        muscles = progress.SITE_MUSCLES.get(site, ())
        # The strength gap beside the sizes, over the same range.
        strength = (
            progress.muscle_group_asymmetry(self.store, self.profile.id, muscles, since)
            if muscles
            else []
        )
        muscle_words = " and ".join(m.value for m in muscles)
        span = self.ranges.span()
        if not site:
            empty = "Choose a site, or type a new one, and add a measurement."
        elif since is None or site not in self._measured:
            empty = f"No {site} measurement yet."
        else:
            empty = f"No {site} measurement in the {span}.\nChoose a longer range above."
        today = self.store.now().date()
        self.charts.show_site(
            site,
            records,
            strength,
            muscle_words,
            span=span if since is not None else "",
            empty=empty,
            shown=None if since is None else (since.date(), today),
        )

    def take_focus(self) -> None:
        """Opening the page puts the keyboard on the site, ready for a new measurement."""
        self.site.setFocus()

    def add(self) -> None:
        day = self.day.date()
        try:
            changes = progress.add_measurement(
                self.store,
                self.profile.id,
                self.site.currentText(),
                left=_cm(self.left.text(), "left"),
                right=_cm(self.right.text(), "right"),
                day=date(day.year(), day.month(), day.day()),
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            target = {"left": self.left, "right": self.right}.get(exc.field or "", self.left)
            target.setFocus()
            return
        self.error.clear()
        self.left.clear()
        self.right.clear()
        # A day before the range shown: show the range that holds it, so it is seen saved.
        self.ranges.widen_to(date(day.year(), day.month(), day.day()), self.store.now())
        site = " ".join(self.site.currentText().split())
        self.site.setCurrentText(site)
        self.hub.publish(changes, self)  # the sites and the table reload from the change
