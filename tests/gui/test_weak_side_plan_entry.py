"""The weak-side plan on the Session page: logging a one-arm dumbbell row with the left side
weaker beyond noise, the entry shows the extra left set and today's target, and counts the
planned sets off as they are logged."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import exercise_id, focused, start_and_add

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
from evenside.services import routines, weak_side_plans, workout
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"


def seed_rows(
    store: Store, clock: FakeClock, profile: Profile, loads: list[tuple[float, float]]
) -> None:
    """A finished session per (left kg, right kg): three sets a side of 12 reps at RPE 7."""
    for left_kg, right_kg in loads:
        started = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, started.id, exercise_id(store, ROW))
        for _ in range(3):
            workout.log_set(store, se_id, SetRecord(Side.LEFT, left_kg, 12, rpe=7))
            workout.log_set(store, se_id, SetRecord(Side.RIGHT, right_kg, 12, rpe=7))
        clock.advance(minutes=40)
        workout.finish_session(store, started.id)
        clock.advance(days=3)


def seed_left_weaker_rows(store: Store, clock: FakeClock, profile: Profile) -> None:
    """Three sessions, L 16 kg x 12 and R 18 kg x 12 at RPE 7.

    Same reps and RPE on both sides: the RPE table's fraction cancels, so each session's
    gap is (18 - 16) / 18 = 11.1 %; three sessions, sd 0, bound 11.1 > 0: L weaker beyond
    noise, past the 10 % notice threshold -> one extra L set."""
    seed_rows(store, clock, profile, [(16, 18)] * 3)


def _session_page(window: MainWindow) -> SessionPage:
    page = window.go_to("Session")
    assert isinstance(page, SessionPage)
    window.activateWindow()
    return page


def test_entry_shows_the_extra_weak_set_and_todays_target(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_left_weaker_rows(store, clock, profile)
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    assert ROW in page.header.text()

    plan = page.plan_panel
    assert plan.isVisible()
    # 16 kg x 12 at RPE 7 is the top of the 8-12 range at an RPE under 8: the next
    # dumbbell (+2 kg) and the bottom of the range.
    assert plan.plan_line.isVisible()
    text = plan.plan_line.text()
    assert "Weak side" in text and ">L<" in text
    assert "+1 set" in text
    assert "try <b>18 kg × 8</b> today: you did 16 × 12 at RPE 7" in text
    # Three sets a side last time, plus the extra one for L.
    assert "0 of 4 (3 + 1 extra)" in plan.planned.text()
    assert "0 of 3" in plan.planned.text()

    left, right = page.entry.row(Side.LEFT), page.entry.row(Side.RIGHT)
    assert focused() is left.weight
    assert (left.weight.text(), left.reps.text()) == ("16", "12")  # last time, as before
    assert plan.target_button.text() == "Use 18 kg × 8 (Ctrl+T)"
    # Ctrl+T puts today's target in the weak side's row; Enter logs it.
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert focused() is left.weight
    assert (left.weight.text(), left.reps.text()) == ("18", "8")
    qtbot.keyClick(left.weight, Qt.Key.Key_Return)
    assert focused() is right.weight
    qtbot.keyClick(right.weight, Qt.Key.Key_Return)
    assert "1 of 4 (3 + 1 extra)" in plan.planned.text()
    assert "1 of 3" in plan.planned.text()
    current = page.current
    assert current is not None
    logged = [(s.side, s.record.weight_kg, s.record.reps) for s in current.exercises[0].sets]
    assert logged == [(Side.LEFT, 18.0, 8), (Side.RIGHT, 18.0, 8)]


def test_no_plan_without_evidence_and_says_so(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    line = page.plan_panel.plan_line.text()
    assert line.startswith("No weak-side plan: No one-sided sessions yet")
    assert page.plan_panel.planned.isHidden()
    assert page.plan_panel.target_button.isHidden()


def test_routine_editor_shows_the_plan_per_item(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    seed_left_weaker_rows(store, clock, profile)
    routine = routines.create_routine(store, profile.id, "Pull day")
    day_id = routine.days[0].id
    routines.add_item(store, day_id, exercise_id(store, ROW))
    routines.add_item(store, day_id, exercise_id(store, "One-arm cable row"))
    routines.add_item(store, day_id, exercise_id(store, "Bench press"))
    window = make_window(store)
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    lines = page.editor.plan_lines
    assert lines.isVisible()
    text = lines.text()
    # The item's range is the default 8-12: 16 kg x 12 at RPE 7 -> 18 kg x 8.
    assert "<b>One-arm dumbbell row</b>: weak side" in text
    assert "+1 set, try 18 kg × 8 next time" in text
    # No history for the cable row: no plan, and it says so; bilateral work is not listed.
    assert "<b>One-arm cable row</b>: even work: no side weaker beyond" in text
    assert "Bench press" not in text


def test_printed_sheet_has_the_plan_line(
    qapp: object, tmp_path: Path, store: Store, clock: FakeClock, profile: Profile
) -> None:
    seed_left_weaker_rows(store, clock, profile)
    routine = routines.create_routine(store, profile.id, "Pull day")
    routines.add_item(store, routine.days[0].id, exercise_id(store, ROW))
    path = tmp_path / "sheet.pdf"
    write_pdf(routine_sheet(store, profile.id, "Pull day"), path, PageSetup("a4"))
    raw = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    text = re.sub(r"[ \t]+", " ", raw)
    assert "Plan: L +1 set; try 18 kg x 8" in text


def test_caught_up_is_told_once(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    # a = 11.1 %: +a three times (L weaker), then -a, -a, 0, 0: the verdict after each of
    # the last four is within noise (means a/2 with sd 11.1, a/5, a/6, then 0): caught up.
    seed_rows(store, clock, profile, [(16, 18)] * 3 + [(18, 16), (18, 16), (18, 18), (18, 18)])
    page = _session_page(make_window(store))
    start_and_add(qtbot, page, "one arm dumbbell row")
    line = page.plan_panel.plan_line.text()
    assert line.startswith("Caught up: back to even work.")
    assert "4 sessions in a row" in line
    assert page.plan_panel.target_button.isHidden()
    assert [c.shown for c in weak_side_plans.catch_ups(store, profile.id)] == [True]
    # It stays for this exercise while the session goes on...
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.plan_panel.plan_line.text().startswith("Caught up: back to even work.")
    # ...and the next session does not say it again.
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.stretch_card.isVisible()  # the last exercise's stretch comes first
    qtbot.mouseClick(page.stretch_card.done_button, Qt.MouseButton.LeftButton)
    clock.advance(days=2)
    assert page.pages.currentWidget() is page.summary_view
    qtbot.mouseClick(page.summary_view.close_button, Qt.MouseButton.LeftButton)
    start_and_add(qtbot, page, "one arm dumbbell row")
    assert page.plan_panel.plan_line.text().startswith("No weak-side plan: ")
    assert len(weak_side_plans.catch_ups(store, profile.id)) == 1
