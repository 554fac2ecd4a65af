"""Settings page: the current profile, its coaching and display choices, and the profiles
kept on this computer (a trainer keeps one per client)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evenside.domain.e1rm import Formula
from evenside.domain.errors import InvalidInput
from evenside.domain.plates import parse_plates
from evenside.domain.profile import Profile, Settings
from evenside.domain.sides import Side
from evenside.domain.stretching import MAX_REPETITIONS, MIN_REPETITIONS
from evenside.domain.units import Unit, from_kg, to_kg
from evenside.domain.volume_rule import VolumeRule
from evenside.gui.changes import ChangeHub
from evenside.gui.dialogs.plates import PlateCalculator
from evenside.gui.style import ERROR_STYLE
from evenside.gui.widgets.folding_columns import FoldingColumns
from evenside.gui.widgets.form_state import form_state, restore_form_state
from evenside.gui.widgets.habits_box import HabitsBox
from evenside.gui.widgets.pair_targets import PairTargets
from evenside.gui.widgets.plan_settings import PlanSettings
from evenside.gui.widgets.weight_step import WeightStepChoice
from evenside.services import profiles
from evenside.services.store import Store


def _combo(items: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


TWO_COLUMNS_FROM = 1280  # px of page width; narrower, the groups stack in one column


class SettingsPage(QWidget):
    profile_changed = Signal(object)  # Profile: the window shows this profile's data

    def __init__(
        self,
        store: Store,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.profile = store, profile
        self.hub = hub or ChangeHub(self)
        self.settings = profiles.settings(store, profile.id)
        self._build_fields()
        self._lay_out()
        self.save_button.clicked.connect(self.save)
        self.plate_button.clicked.connect(self.open_plate_calculator)
        self.new_profile.clicked.connect(self.add_profile)
        self.switch_profile.clicked.connect(self.switch_to_selected)
        self.delete_profile.clicked.connect(self.delete_selected)
        self.profile_list.itemActivated.connect(lambda _item: self.switch_to_selected())
        self._fill_profiles()
        self._saved_form = form_state(self)

    def _build_fields(self) -> None:
        s, unit = self.settings, self.profile.unit

        self.name = QLineEdit(self.profile.name)
        self.dominant = _combo([("Right", "right"), ("Left", "left")], self.profile.dominant.value)
        self.unit = _combo([("Kilograms (kg)", "kg"), ("Pounds (lb)", "lb")], unit.value)
        self.weight_step = WeightStepChoice(s, self.unit)
        self.formula = _combo([(f.label, f.value) for f in Formula], s.e1rm_formula.value)
        self.notice = QDoubleSpinBox()
        self.warning = QDoubleSpinBox()
        for spin, value in ((self.notice, s.notice_percent), (self.warning, s.warning_percent)):
            spin.setRange(1, 100)
            spin.setSuffix(" %")
            spin.setDecimals(0)
            spin.setValue(value)
        self.min_gap = QDoubleSpinBox()
        self.min_gap.setRange(1, 50)
        self.min_gap.setSuffix(" %")
        self.min_gap.setDecimals(0)
        self.min_gap.setValue(s.min_gap_percent)
        mass = s.body_mass_kg
        self.body_mass = QLineEdit("" if mass is None else f"{from_kg(mass, unit):g}")
        self.body_mass.setPlaceholderText("not known")
        self.retest = QSpinBox()
        self.retest.setRange(1, 26)
        self.retest.setSuffix(" weeks")
        self.retest.setValue(s.retest_weeks)
        self.weak_first = QCheckBox("Start each one-sided exercise with the weaker side")
        self.weak_first.setChecked(s.weak_side_first)
        self.cap = QCheckBox(
            "Refuse a set that takes the stronger side past the weaker side's volume "
            "(off: a notice only)"
        )
        self.cap.setChecked(s.volume_rule is VolumeRule.REFUSE)
        self.plan_box = PlanSettings(s)
        self.stretch = QCheckBox("Show the stretch card after each exercise")
        self.stretch.setChecked(s.stretch_reminders)
        self.stretch_reps = QSpinBox()
        self.stretch_reps.setRange(MIN_REPETITIONS, MAX_REPETITIONS)
        self.stretch_reps.setSuffix(" holds each")
        self.stretch_reps.setSpecialValueText("1 hold each")  # shown at the minimum
        self.stretch_reps.setValue(s.stretch_repetitions)
        self._build_rest_and_kit_fields()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.saved = QLabel()
        self.save_button = QPushButton("&Save settings")
        self.save_button.setDefault(True)

    def _build_rest_and_kit_fields(self) -> None:
        s, unit = self.settings, self.profile.unit
        self.rest_on = QCheckBox("Start the rest timer after each set")
        self.rest_on.setChecked(s.rest_timer_enabled)
        self.rest_sets = QSpinBox()
        self.rest_sets.setRange(0, 3600)
        self.rest_sets.setSuffix(" s")
        self.rest_sets.setValue(s.rest_between_sets_seconds)
        self.rest_sides = QSpinBox()
        self.rest_sides.setRange(0, 600)
        self.rest_sides.setSuffix(" s")
        self.rest_sides.setValue(s.rest_between_sides_seconds)
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(1, 100)
        self.backups_kept.setValue(s.backups_to_keep)
        self.backups_kept.setSuffix(" daily copies")
        self.bar = QLineEdit(f"{from_kg(s.bar_weight_kg, unit):g}")
        self.plates = QLineEdit(", ".join(f"{from_kg(p, unit):g}" for p in s.plates_kg))
        self.plate_button = QPushButton("Plate &calculator…")

    def _build_groups(self) -> list[QGroupBox]:
        unit = self.profile.unit
        profile_box = QGroupBox("This profile")
        form = QFormLayout(profile_box)
        form.addRow("&Name", self.name)
        form.addRow("&Dominant side", self.dominant)
        form.addRow("&Units", self.unit)
        form.addRow("Wei&ghts shown to", self.weight_step)
        form.addRow(f"Body &mass ({unit.value})", self.body_mass)
        coaching = QGroupBox("Coaching")
        form = QFormLayout(coaching)
        form.addRow(self.weak_first)
        form.addRow(self.cap)
        form.addRow(self.stretch)
        form.addRow("Stretc&h repetitions (ACSM: 2–4)", self.stretch_reps)
        form.addRow("Re-&test assessments every", self.retest)
        strength = QGroupBox("Strength and asymmetry")
        form = QFormLayout(strength)
        form.addRow("e&1RM formula", self.formula)
        form.addRow("Asymmetry n&otice at", self.notice)
        form.addRow("Asymmetry &warning at", self.warning)
        form.addRow("Call a side weaker from", self.min_gap)
        hint = QLabel(
            "10-15 % is the range most studies flag; treat these as guides, not diagnoses."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        rest = QGroupBox("Rest timer")
        form = QFormLayout(rest)
        form.addRow(self.rest_on)
        form.addRow("Between sets", self.rest_sets)  # Alt+S saves
        form.addRow("Between s&ides", self.rest_sides)
        backups = QGroupBox("Backups")
        form = QFormLayout(backups)
        form.addRow("&Keep", self.backups_kept)
        hint = QLabel(
            "Evenside copies the database when it closes, once a day, into the "
            "backups folder beside it (File → Restore from backup)."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        plates = QGroupBox("Bar and plates")
        form = QFormLayout(plates)
        form.addRow(f"&Bar ({unit.value})", self.bar)
        form.addRow(f"&Plates ({unit.value})", self.plates)
        form.addRow(self.plate_button)
        return [profile_box, coaching, strength, rest, backups, plates]

    def _build_targets(self) -> QGroupBox:
        self.targets = PairTargets(self.settings)
        self.pair_spins = self.targets.spins
        return self.targets

    def _build_manage(self) -> QGroupBox:
        self.profile_list = QListWidget()
        self.profile_list.setMaximumHeight(140)
        self.new_profile = QPushButton("New p&rofile…")  # Alt+N is the Name field
        self.switch_profile = QPushButton("Switch to")  # or Enter in the list
        self.delete_profile = QPushButton("De&lete…")
        manage = QGroupBox("Profiles on this computer")
        manage_box = QVBoxLayout(manage)
        manage_box.addWidget(self.profile_list)
        row = QHBoxLayout()
        for button in (self.new_profile, self.switch_profile, self.delete_profile):
            row.addWidget(button)
        row.addStretch(1)
        manage_box.addLayout(row)
        return manage

    def _lay_out(self) -> None:
        profile_box, coaching, strength, rest, backups, plates = self._build_groups()
        targets, manage = self._build_targets(), self._build_manage()
        left = QVBoxLayout()
        left.addWidget(profile_box)
        left.addWidget(coaching)
        left.addWidget(strength)
        left.addWidget(self.plan_box)
        left.addWidget(targets)
        left.addStretch(1)
        right = QVBoxLayout()
        self.habits_box = HabitsBox(self.store, self.profile, self.hub)
        for group in (rest, backups, plates, manage, self.habits_box):
            right.addWidget(group)
        right.addStretch(1)
        self.columns = columns = FoldingColumns(self, TWO_COLUMNS_FROM)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.error, 1)
        footer.addWidget(self.saved)
        footer.addWidget(self.save_button)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(columns)
        body.addLayout(footer)
        self.page_scroll = scroll = QScrollArea()  # up and down only: one column when narrow
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _fill_profiles(self) -> None:
        self.profile_list.clear()
        for other in profiles.list_profiles(self.store):
            label = other.name + ("  (current)" if other.id == self.profile.id else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.profile_list.addItem(item)

    def chosen_settings(self) -> Settings:
        unit = Unit(self.unit.currentData())
        try:
            bar = float(self.bar.text().replace(",", "."))
        except ValueError:
            raise InvalidInput("The bar weight must be a number.", "bar") from None
        if not 0 <= bar <= 100:
            raise InvalidInput("The bar weight must be 0 to 100.", "bar")
        mass_text = self.body_mass.text().strip().replace(",", ".")
        try:
            mass = None if not mass_text else to_kg(float(mass_text), unit)
        except ValueError:
            raise InvalidInput("The body mass must be a number (or empty).", "body_mass") from None
        chosen = replace(
            self.settings,
            e1rm_formula=Formula(self.formula.currentData()),
            notice_percent=self.notice.value(),
            min_gap_percent=self.min_gap.value(),
            retest_weeks=self.retest.value(),
            body_mass_kg=mass,
            warning_percent=self.warning.value(),
            weak_side_first=self.weak_first.isChecked(),
            volume_rule=VolumeRule.REFUSE if self.cap.isChecked() else VolumeRule.NOTICE,
            stretch_reminders=self.stretch.isChecked(),
            stretch_repetitions=self.stretch_reps.value(),
            rest_timer_enabled=self.rest_on.isChecked(),
            rest_between_sets_seconds=self.rest_sets.value(),
            rest_between_sides_seconds=self.rest_sides.value(),
            backups_to_keep=self.backups_kept.value(),
            pair_targets=self.targets.chosen(),
            bar_weight_kg=to_kg(bar, unit),
            plates_kg=tuple(to_kg(p, unit) for p in parse_plates(self.plates.text())),
        )
        return self.weight_step.chosen(self.plan_box.chosen(chosen))

    def save(self) -> bool:
        """Store what the form holds; False, with the reason shown, if it is refused."""
        self.saved.clear()
        try:
            # Plates and bar are typed in the unit shown when the page opened.
            displayed = self.profile.unit
            chosen = self.chosen_settings()
            if Unit(self.unit.currentData()) is not displayed:
                chosen = replace(
                    chosen,
                    bar_weight_kg=self.settings.bar_weight_kg,
                    plates_kg=self.settings.plates_kg,
                )
            self.settings = profiles.save_settings(self.store, self.profile.id, chosen)
            self.profile = profiles.update_profile(
                self.store,
                self.profile.id,
                self.name.text(),
                Side(self.dominant.currentData()),
                Unit(self.unit.currentData()),
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.saved.setText("Saved.")
        self._saved_form = form_state(self)
        self.profile_changed.emit(self.profile)
        return True

    def may_leave(self) -> bool:
        """Asked before the window shows another page or closes: changes not saved yet are
        saved, discarded, or kept on screen (the user stays on this page)."""
        if form_state(self) == self._saved_form:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved settings",
            "Save the changes to the settings before leaving this page?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        if answer == buttons.Discard:
            restore_form_state(self, self._saved_form)
            self.error.clear()
            return True
        return False

    def open_plate_calculator(self) -> None:
        dialog = PlateCalculator(self.settings, self.profile.unit, self)
        dialog.setModal(False)
        dialog.show()
        self.plate_dialog = dialog

    def _selected_id(self) -> int | None:
        item = self.profile_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def add_profile(self) -> None:
        from evenside.gui.dialogs.new_profile import NewProfileDialog

        dialog = NewProfileDialog(self.store, self.profile.unit, self)
        dialog.created.connect(self.profile_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.new_profile_dialog = dialog
        dialog.open()

    def switch_to_selected(self) -> None:
        chosen = self._selected_id()
        if chosen is not None and chosen != self.profile.id:
            self.profile_changed.emit(profiles.switch_profile(self.store, chosen))

    def delete_selected(self) -> None:
        chosen = self._selected_id()
        if chosen is None:
            return
        if len(profiles.list_profiles(self.store)) == 1:
            self.error.setText("This is the only profile; create another before deleting it.")
            return
        name = next(p.name for p in profiles.list_profiles(self.store) if p.id == chosen)
        answer = QMessageBox.question(
            self,
            "Delete profile",
            f'Delete the profile "{name}" with all its sessions, routines and measurements?\n\n'
            "A copy of the whole database is kept beside it first, so it can be restored.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        copy = profiles.delete_profile(self.store, chosen)
        current = profiles.current_profile(self.store)
        QMessageBox.information(
            self, "Profile deleted", f'Deleted "{name}". A copy from before is at:\n{copy}'
        )
        if current is not None:
            self.profile_changed.emit(current)
