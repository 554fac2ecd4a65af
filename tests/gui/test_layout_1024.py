"""At a small laptop's 1024x600 nothing on the Session page is squashed or cut: with the
stretch card open the L/R entry rows keep their height, the set table keeps room for a few
sets, and the card's buttons can be reached on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import focused, seed_past_session, start_and_add, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.services.store import Store
from fakes import FakeClock


def _shown_in(widget: QWidget, area: QScrollArea) -> bool:
    """The whole widget lies inside the scroll area's visible part."""
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def _log_pairs(qtbot: QtBot, page: SessionPage, count: int) -> None:
    for _ in range(count):
        first, second = page.entry.order
        type_into(qtbot, page.entry.row(first).weight, "20")
        type_into(qtbot, page.entry.row(first).reps, "8")
        qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
        type_into(qtbot, page.entry.row(second).reps, "8")
        qtbot.keyClick(page.entry.row(second).reps, Qt.Key.Key_Return)


def test_stretch_card_at_1024_leaves_the_entry_whole_and_its_buttons_on_screen(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "One-arm dumbbell row")
    _log_pairs(qtbot, page, 2)
    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    card = page.stretch_card
    qtbot.waitUntil(card.isVisible)
    area = page.work_scroll
    column = area.widget()
    qtbot.waitUntil(lambda: column.height() >= column.minimumSizeHint().height())
    qtbot.waitUntil(lambda: _shown_in(card.timers[0].button, area))
    for side in page.entry.order:
        row = page.entry.row(side)
        assert row.height() >= row.minimumSizeHint().height(), side
    header = page.set_table.horizontalHeader().height()
    rows = page.set_table.verticalHeader().defaultSectionSize()
    assert page.set_table.viewport().height() >= 3 * rows, header
    assert _shown_in(card.done_button, area)
    assert not card.timers[0].button.visibleRegion().isEmpty()
    assert area.horizontalScrollBar().maximum() == 0


def test_settings_at_1024_fit_the_width(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Settings")
    assert isinstance(page, SettingsPage)
    scroll = page.page_scroll
    inner = scroll.widget()
    qtbot.waitUntil(lambda: inner.width() <= scroll.viewport().width())
    assert inner.minimumSizeHint().width() <= scroll.viewport().width()

    def right_edge(widget: QWidget) -> int:
        return widget.mapTo(inner, QPoint(widget.width(), 0)).x()

    qtbot.waitUntil(lambda: right_edge(page.save_button) <= scroll.viewport().width())
    for button in (page.save_button, page.rest_on):
        assert right_edge(button) <= scroll.viewport().width(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()


def test_no_match_line_wraps_instead_of_scrolling_sideways_at_1024(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "a very long made up exercise name")
    matches = page.list_panel.matches
    assert matches.isVisible()
    assert matches.horizontalScrollBar().maximum() == 0
    assert not matches.horizontalScrollBar().isVisible()
    item = matches.visualItemRect(matches.item(0))
    assert item.right() <= matches.viewport().width()


def test_bird_dog_placeholders_read_whole_at_1024(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "Bird dog")
    row = page.entry.row(page.entry.order[0])
    qtbot.waitUntil(row.duration.isVisible)
    for field in (row.weight, row.duration):
        text = field.placeholderText()
        room = field.width() - 12  # the frame and the text margins
        assert field.fontMetrics().horizontalAdvance(text) <= room, text


def test_the_side_badge_and_the_rest_timer_read_whole_at_1024(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    for days in (9, 6, 3):  # left 12 % weaker: "L Left (weaker, first)"
        seed_past_session(
            store,
            clock,
            profile,
            "Bulgarian split squat",
            [(Side.LEFT, 22, 8), (Side.RIGHT, 25, 8)],
            days,
        )
    window = make_window(store)
    window.resize(1024, 600)
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    start_and_add(qtbot, page, "bulgarian split")
    badge = page.entry.row(Side.LEFT).badge
    qtbot.waitUntil(badge.isVisible)
    assert "(weaker, first)" in badge.text()
    assert badge.width() >= badge.sizeHint().width()  # nothing cut off its right edge
    timer = page.rest_timer
    assert timer.caption.text() == "No rest running"
    # On screen without scrolling, its caption on one line.
    bottom_left = timer.mapTo(window, QPoint(0, timer.height()))
    assert bottom_left.y() <= window.height()
    caption = timer.caption
    assert caption.heightForWidth(caption.width()) < 2 * caption.fontMetrics().lineSpacing()
