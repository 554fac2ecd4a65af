"""Measurements opens on the last year, as Progress does: the table and both charts show
the range chosen over them, and an empty range says so and how to see more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from session_helpers import type_into

from evenside.domain.profile import Profile
from evenside.gui.charts.plots import day_of
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.services import progress
from evenside.services.store import Store


def _days(page: MeasurementsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _open_on(window: MainWindow, site: str) -> MeasurementsPage:
    page = window.go_to("Measurements")
    assert isinstance(page, MeasurementsPage)
    page.site.setCurrentText(site)
    return page


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
    page = _open_on(make_window(store), "Thigh")
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
    page = _open_on(make_window(store), "Calf")
    assert _days(page) == []
    assert page.charts.size_note.message == (
        "No Calf measurement in the last year.\nChoose a longer range above."
    )
    _click(qtbot, page, "All")
    assert _days(page) == ["2025-03-01"]
    assert page.charts.size_note.message == ""
    assert not page.charts.size_note.text.isVisible()


def _x_days(page: MeasurementsPage) -> tuple[date, date]:
    low, high = page.charts.size_plot.plotItem.vb.viewRange()[0]
    return day_of(low), day_of(high)


def test_one_measurement_is_drawn_on_the_range_chosen(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    # One neck measurement on 1 November (the clock reads 2 November 2026): the axis spans
    # the year the range shows, not a fraction of a second around the point.
    progress.add_measurement(
        store, profile.id, "Neck", left=38.0, right=38.5, day=date(2026, 11, 1)
    )
    page = _open_on(make_window(store), "Neck")
    first, last = _x_days(page)
    assert first <= date(2025, 11, 2) and date(2026, 11, 2) <= last
    assert (last - first).days < 400
    _click(qtbot, page, "All")  # all history: a month around the one day
    first, last = _x_days(page)
    assert first <= date(2026, 10, 18) and date(2026, 11, 15) <= last
    assert (last - first).days < 40


def test_a_site_of_the_users_own_says_which_sites_have_a_strength_gap(
    store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    progress.add_measurement(
        store, profile.id, "Neck", left=38.0, right=38.5, day=date(2026, 11, 1)
    )
    page = _open_on(make_window(store), "Neck")
    assert page.charts.strength_note.message == (
        "No muscle group is matched to Neck: strength gaps are\n"
        "charted beside upper arm, forearm, thigh, calf, chest, shoulder."
    )


def test_a_site_never_measured_asks_for_a_first_measurement_not_a_longer_range(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _open_on(make_window(store), "Upper arm")
    assert page.charts.size_note.message == "No Upper arm measurement yet."
    _click(qtbot, page, "All")
    assert page.charts.size_note.message == "No Upper arm measurement yet."
    assert page.charts.strength_note.message == (
        "No biceps and triceps session with evidence of a gap yet."
    )


def test_a_measurement_older_than_the_range_widens_it_to_show_it(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _open_on(make_window(store), "Calf")
    page.day.setDate(QDate(2025, 6, 1))  # 17 months before 2 November 2026: beyond a year
    type_into(qtbot, page.left, "38")
    type_into(qtbot, page.right, "39.5")
    qtbot.keyClick(page.right, Qt.Key.Key_Return)
    assert page.error.text() == ""
    assert page.ranges.name == "All"
    assert _days(page) == ["2025-06-01"]


def test_the_page_opens_with_the_keyboard_on_the_site_and_the_range_in_bold(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, MeasurementsPage)
    qtbot.waitUntil(lambda: page.site.hasFocus() or page.site.lineEdit().hasFocus())
    bold = [b.text() for b in page.ranges.buttons.buttons() if b.font().bold()]
    assert bold == ["1 year"]
    _click(qtbot, page, "3 months")
    bold = [b.text() for b in page.ranges.buttons.buttons() if b.font().bold()]
    assert bold == ["3 months"]
