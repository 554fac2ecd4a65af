"""Charts on a small screen and in a dark palette: the legend sits below the plot (never
over the points), the side tables show every column, an empty range says so instead of
blank axes, the charts take the palette's colours, and Measurements charts the gap the
way Progress does (its size, the weaker side by colour and letter)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from palettes import app_palette, dark_palette
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.gui.pages.progress import ProgressPage
from evenside.services.progress import GroupAsymmetry
from evenside.services.store import Store
from fakes import FakeClock


@pytest.fixture
def rows_two_months_ago(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    for days in (70, 63, 56):
        seed_past_session(
            store,
            clock,
            profile,
            "One-arm dumbbell row",
            [(Side.LEFT, 20, 8), (Side.RIGHT, 25, 8)],
            days,
        )
    return profile


def _progress(window: MainWindow) -> ProgressPage:
    page = window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    page.open_exercise(next(e.id for e in page._with_data if e.name == "One-arm dumbbell row"))
    return page


def _button(page: ProgressPage, text: str) -> object:
    return next(b for b in page.range_buttons.buttons() if b.text() == text)


def test_an_empty_range_says_so_and_hides_the_axis_numbers(
    qtbot: QtBot,
    store: Store,
    rows_two_months_ago: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _progress(make_window(store))
    charts = page.charts
    assert all(not note.text.isVisible() for note in charts.empty_notes)
    qtbot.mouseClick(_button(page, "4 weeks"), Qt.MouseButton.LeftButton)
    expected = "No One-arm dumbbell row in the last 4 weeks.\nChoose a longer range above."
    for note in charts.empty_notes:
        assert note.text.isVisible() and note.text.toPlainText() == expected
    assert not charts.strength_plot.getAxis("bottom").style["showValues"]
    balance_note = page.balance.empty
    assert balance_note.text.isVisible()
    assert balance_note.text.toPlainText().startswith("No training in this range.")
    qtbot.mouseClick(_button(page, "All"), Qt.MouseButton.LeftButton)
    assert all(not note.text.isVisible() for note in charts.empty_notes)
    assert charts.strength_plot.getAxis("bottom").style["showValues"]


def test_at_1024x600_legends_sit_below_the_data_and_tables_show_every_column(
    qtbot: QtBot,
    store: Store,
    rows_two_months_ago: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = _progress(window)
    qtbot.waitUntil(page.charts.tables[0].isVisible)
    charts = page.charts
    for plot in (charts.strength_plot, charts.asymmetry_plot, charts.volume_plot):
        legend = plot.plotItem.legend
        view = plot.plotItem.vb.sceneBoundingRect()
        box = legend.sceneBoundingRect()
        assert box.top() >= view.bottom(), "the legend covers the plotted data"
        # Every entry, the "notice ≥ 10 %" band included, inside the plot's width.
        assert box.right() <= plot.sceneRect().right() + 1
    labels = [label.text for _, label in charts.asymmetry_plot.plotItem.legend.items]
    assert labels[:2] == ["notice ≥ 10 %", "warning ≥ 15 %"]
    for table in charts.tables:
        header = table.horizontalHeader()
        shown = sum(
            header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
        )
        assert shown <= table.viewport().width(), "a side table clips its columns"


def test_charts_follow_a_dark_palette_and_a_change_back(
    qtbot: QtBot,
    store: Store,
    rows_two_months_ago: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    with app_palette(dark_palette()):
        page = _progress(make_window(store))
        plot = page.charts.strength_plot
        assert plot.backgroundBrush().color() == QColor("#1e1e1e")
        assert plot.getAxis("left").textPen().color() == QColor("#e8e8e8")
        assert plot.plotItem.titleLabel.opts["color"] == "#e8e8e8"
    # The desktop goes light again: the open charts follow at once.
    qtbot.waitUntil(lambda: plot.backgroundBrush().color() == QColor("#ffffff"))
    assert plot.getAxis("left").textPen().color() == QColor("#000000")


def test_measurements_chart_the_gap_like_progress(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("Measurements")
    assert isinstance(page, MeasurementsPage)
    weeks = [
        GroupAsymmetry(date(2026, 10, 5), 8.0, 2),  # left weaker by 8 %
        GroupAsymmetry(date(2026, 10, 12), -5.0, 2),  # right weaker by 5 %
    ]
    page.charts.show_site("Upper arm", [], weeks, "biceps")
    series = {
        item.name(): [float(y) for y in item.getData()[1]]
        for item in page.charts.strength_plot.plotItem.listDataItems()
        if item.name()
    }
    assert series == {"L weaker": [8.0], "R weaker": [5.0]}


def test_legend_names_follow_a_palette_change_and_the_exercise_shown(
    qtbot: QtBot,
    store: Store,
    rows_two_months_ago: Profile,
    clock: FakeClock,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_past_session(store, clock, rows_two_months_ago, "Back squat", [(Side.BOTH, 100, 5)], 60)
    page = _progress(make_window(store))
    legend = page.charts.strength_plot.plotItem.legend
    assert [label.text for _, label in legend.items] == ["L (left)", "R (right)"]
    with app_palette(dark_palette()):
        # The legend is not rebuilt on a palette change: its names are drawn light at once.
        qtbot.waitUntil(lambda: "#e8e8e8" in legend.items[0][1].item.toHtml())
        page.open_exercise(next(e.id for e in page._with_data if e.name == "Back squat"))
        assert [label.text for _, label in legend.items] == ["Both sides"]
        assert "#e8e8e8" in legend.items[0][1].item.toHtml()
    page.open_exercise(next(e.id for e in page._with_data if e.name == "One-arm dumbbell row"))
    assert [label.text for _, label in legend.items] == ["L (left)", "R (right)"]
