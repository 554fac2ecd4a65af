"""Progress at a small laptop's 1024x600 and with little data: one week shows both sides'
volume bars whole, a short range names the month on its dates, the titles and legends sit
inside their charts, and long exercise names are whole in the list (or in its tooltip)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.progress import ProgressPage
from evenside.services.store import Store
from fakes import FakeClock


def _progress(qtbot: QtBot, window: MainWindow, width: int, height: int) -> ProgressPage:
    window.resize(width, height)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Progress
    page = window.stack.currentWidget()
    assert isinstance(page, ProgressPage)
    for _ in range(3):  # the list is fitted to the width after the resize
        QApplication.processEvents()
    return page


def test_one_week_shows_both_bars_and_dates_with_their_month(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_past_session(
        store, clock, profile, "One-arm dumbbell row", [(Side.LEFT, 20, 8), (Side.RIGHT, 20, 8)], 2
    )
    page = _progress(qtbot, make_window(store), 1024, 600)
    one_year = next(b for b in page.range_buttons.buttons() if b.text() == "1 year")
    qtbot.mouseClick(one_year, Qt.MouseButton.LeftButton)
    charts = page.charts
    (shown_from, shown_to), _ = charts.volume_plot.getViewBox().viewRange()
    for side in (Side.LEFT, Side.RIGHT):
        bar = charts.bars[side]
        assert bar.isVisible(), side
        edges = bar.boundingRect()
        assert shown_from < edges.left() and edges.right() < shown_to, side

    axis = charts.volume_plot.getAxis("bottom")
    size = axis.width()
    axis.setZoomLevelForDensity((shown_to - shown_from) / size)
    spacing, values = axis.tickValues(shown_from, shown_to, size)[-1]
    dates = axis.tickStrings(values, 1.0, spacing)
    assert dates  # days apart, each saying its month: "05 Oct", never a bare "05"
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2}", text) for text in dates), dates


def test_titles_and_legends_sit_inside_their_charts_at_1024(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    for days in (16, 9, 2):
        seed_past_session(
            store,
            clock,
            profile,
            "One-arm overhead triceps extension",
            [(Side.LEFT, 10, 10), (Side.RIGHT, 12, 10)],
            days,
        )
    page = _progress(qtbot, make_window(store), 1024, 600)
    charts = page.charts
    for plot in (charts.strength_plot, charts.asymmetry_plot, charts.volume_plot):
        title = plot.plotItem.titleLabel
        assert title.item.boundingRect().width() <= plot.width(), title.text
        legend = plot.plotItem.legend
        bottom = legend.mapRectToScene(legend.boundingRect()).bottom()
        assert bottom <= plot.height(), [label.text for _, label in legend.items]

    # At 1920 the list is as wide as the longest name; a narrower list has it as a tooltip.
    item = page.exercise_list.item(0)
    assert item.text() == item.toolTip() == "One-arm overhead triceps extension"
    page = _progress(qtbot, page.window(), 1920, 1080)  # type: ignore[arg-type]
    metrics = page.exercise_list.fontMetrics()
    room = page.exercise_list.viewport().width()
    assert metrics.horizontalAdvance("One-arm overhead triceps extension") < room
