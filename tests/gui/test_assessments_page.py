"""The Assessment page run from the keyboard alone: a test is stored, listed as the
baseline, charted per side, counted by the verdict, and re-scheduled; the Session page
reminds when the re-test is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.domain.profile import Profile
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.assessments import AssessmentsPage
from evenside.gui.pages.session import SessionPage
from evenside.services import assessments, library
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into whatever has the focus, then press ``then`` (Tab moves on)."""
    qtbot.keyClicks(_focused(), text)
    qtbot.keyClick(_focused(), then)


def _series(plot: object, name: str) -> list[float]:
    for item in plot.plotItem.listDataItems():  # type: ignore[attr-defined]
        if item.name() == name:
            return [float(y) for y in item.getData()[1]]
    raise AssertionError(f"no series called {name}")


def test_an_assessment_run_with_the_keyboard_is_stored_listed_and_charted(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = make_window(store).go_to("Assessments")
    assert isinstance(page, AssessmentsPage)
    page.form.exercise.setFocus()
    # The exercise by its name (Enter takes the top match and moves on to the test).
    _type(qtbot, "one arm dumbbell row", Qt.Key.Key_Return)
    assert page.form.chosen is not None and page.form.chosen.name == ROW
    assert _focused() is page.form.kind
    # The test stays "Reps to failure" (the first); Tab past it.
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is page.form.load
    _type(qtbot, "30")
    assert _focused() is page.form.left
    _type(qtbot, "8")
    _type(qtbot, "ten", Qt.Key.Key_Return)  # Enter saves; a bad value is named
    assert page.form.error.text() == "The right value must be a number."
    assert _focused() is page.form.right
    assert assessments.list_assessments(store, profile.id) == []
    _type(qtbot, "10", Qt.Key.Key_Return)
    assert page.form.error.text() == ""
    (stored,) = assessments.list_assessments(store, profile.id)
    assert (stored.kind, stored.day, stored.left, stored.right, stored.load_kg) == (
        AssessmentKind.REPS_TO_FAILURE, date(2026, 11, 2), 8.0, 10.0, 30.0
    )  # fmt: skip
    assert stored.name == ROW
    assert page.model._rows == [(ROW, "Baseline", "2026-11-02", "8", "10", "30 kg")]
    assert _series(page.chart.plot, "L (left)") == [8.0]
    assert _series(page.chart.plot, "R (right)") == [10.0]
    assert _focused() is page.form.left  # ready for the next test
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_a_range_check_by_keyboard_notes_the_tighter_side(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = make_window(store).go_to("Assessments")
    assert isinstance(page, AssessmentsPage)
    page.form.exercise.setFocus()
    _type(qtbot, "Hip internal rotation", Qt.Key.Key_Return)  # no such exercise: a named check
    assert _focused() is page.form.kind and page.form.chosen is None
    for _ in range(3):  # reps to failure -> top set -> timed hold -> range of motion
        qtbot.keyClick(page.form.kind, Qt.Key.Key_Down)
    assert page.form.kind.currentText() == "Range of motion"
    assert not page.form.load.isVisible() and page.form.tighter.isVisible()
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # to the left value
    _type(qtbot, "32")
    _type(qtbot, "41")
    assert _focused() is page.form.tighter
    qtbot.keyClick(page.form.tighter, Qt.Key.Key_Down)  # "L (left) is tighter"
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    _type(qtbot, "after warm-up", Qt.Key.Key_Return)
    assert page.model._rows == [
        ("Hip internal rotation", "Baseline", "2026-11-02", "32", "41", "tighter: L, after warm-up")
    ]


def test_a_retest_is_due_n_weeks_later_and_the_session_page_reminds(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    clock: FakeClock,
    make_window: Callable[[Store], MainWindow],
) -> None:
    row_id = next(e.id for e in library.all_exercises(store) if e.name == ROW)
    assessments.record_assessment(
        store,
        profile.id,
        Assessment(AssessmentKind.REPS_TO_FAILURE, date(2026, 10, 5), 8, 10, row_id, load_kg=30),
    )
    # 5 October + 4 weeks = 2 November, today on the store's clock: due today.
    window = make_window(store)
    session = window.go_to("Session")
    assert isinstance(session, SessionPage)
    note = session.start_panel.retest_note
    assert note.isVisible()
    assert note.text() == (
        "Re-test due since 2 November: One-arm dumbbell row (reps to failure). "
        "Run it on the Assessments page."
    )
    # The re-test, run on the Assessment page, moves the next one to 30 November.
    page = window.go_to("Assessments")
    assert isinstance(page, AssessmentsPage) and page.due_note.isVisible()
    page.form.choose(next(e for e in page.form.exercises if e.id == row_id))
    for field, text in ((page.form.load, "30"), (page.form.left, "9"), (page.form.right, "10")):
        field.setFocus()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(page.form.right, Qt.Key.Key_Return)
    assert [r[1] for r in page.model._rows] == ["Baseline", "Re-test 1"]
    assert not page.due_note.isVisible()
    assert assessments.series(store, profile.id)[0].next_due == date(2026, 11, 30)
    window.go_to("Session")
    assert not note.isVisible()
    clock.moment = datetime(2026, 11, 30, 8, 0)
    session.start_panel.fill_days()  # the page as it is drawn on that morning
    assert note.isVisible() and note.text().startswith("Re-test due since 30 November:")
