"""Measurements opens on the last year, as Progress does: the table and both charts show
the range chosen over them, and an empty range says so and how to see more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.services import progress
from evenside.services.store import Store


def _days(page: MeasurementsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _click(qtbot: QtBot, page: MeasurementsPage, name: str) -> None:
    button = next(b for b in page.ranges.buttons.buttons() if b.text() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _plotted(page: MeasurementsPage) -> int:
    return sum(len(item.getData()[0]) for item in page.charts.size_plot.plotItem.listDataItems())


def test_measurements_show_the_chosen_range(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    # The clock reads 2 November 2026: one thigh measurement two years before, one in
    # October, so the year shows one and "All" both.
    for day, left in ((date(2024, 10, 1), 55.0), (date(2026, 10, 20), 57.0)):
        progress.add_measurement(store, profile.id, "Thigh", left=left, right=58.0, day=day)
    page = make_window(store).go_to("Measurements")
    assert isinstance(page, MeasurementsPage)
    page.site.setCurrentText("Thigh")
    checked = [b.text() for b in page.ranges.buttons.buttons() if b.isChecked()]
    assert checked == ["1 year"]
    assert _days(page) == ["2026-10-20"]
    assert _plotted(page) == 2  # L and R of that day
    _click(qtbot, page, "All")
    assert _days(page) == ["2026-10-20", "2024-10-01"]
    assert _plotted(page) == 4
    assert page.charts.size_note.message == ""
    _click(qtbot, page, "4 weeks")  # 20 October is within the 4 weeks before 2 November
    assert _days(page) == ["2026-10-20"]


def test_an_empty_range_says_so_and_how_to_see_more(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    progress.add_measurement(store, profile.id, "Calf", left=38.0, right=39.5, day=date(2025, 3, 1))
    page = make_window(store).go_to("Measurements")
    assert isinstance(page, MeasurementsPage)
    page.site.setCurrentText("Calf")
    assert _days(page) == []
    assert page.charts.size_note.message == (
        "No Calf measurement in the last 1 year.\nChoose a longer range above."
    )
    _click(qtbot, page, "All")
    assert _days(page) == ["2025-03-01"]
    assert page.charts.size_note.message == ""
    assert not page.charts.size_note.text.isVisible()
