"""Progress (per exercise), the Overview and the printed sheet lead with the plain verdict
sentence; the formula sits in "How this is worked out". Each expected sentence is written
out by hand for a constructed history."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evenside.domain.assessment import Assessment, AssessmentKind
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
from evenside.services import assessments, library, routines, workout
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store
from fakes import FakeClock

ROW = "One-arm dumbbell row"
# 20 kg x 8 on both sides, L at RPE 9.5 (.774 of 1RM), R at RPE 7 (.707), every week for
# four weeks from 5 October: d = 1 - .707 / .774 = 8.66 % each time, sd 0, bound 8.66 > 0,
# above 3 % -> the left is 9 % weaker, beyond variation; a flat gap "held steady".
ROW_SENTENCE = (
    "Your left is 9 % weaker than your right, beyond day-to-day variation, "
    "and the gap has held steady since 5 October."
)
# Side plank held L 45 s / R 60 s on three assessments from 12 October: d = 15 / 60 = 25 %.
PLANK_SENTENCE = (
    "Your left is 25 % weaker than your right, beyond day-to-day variation, "
    "and the gap has held steady since 12 October."
)


def _id(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


@pytest.fixture
def history(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    now = clock.moment  # Monday 2 November 2026
    for weeks_ago in (4, 3, 2, 1):
        clock.moment = now - timedelta(weeks=weeks_ago)
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, _id(store, ROW))
        for _ in range(2):
            workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8, rpe=9.5))
            workout.log_set(store, se_id, SetRecord(Side.RIGHT, 20, 8, rpe=7))
        workout.finish_session(store, session.id)
    clock.moment = now
    for day in (date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26)):
        plank = Assessment(AssessmentKind.HOLD, day, 45, 60, _id(store, "Side plank"))
        assessments.record_assessment(store, profile.id, plank)
    return profile


def _progress(qtbot: QtBot, store: Store, profile: Profile) -> ProgressPage:
    page = ProgressPage(store, profile)  # the page alone: no window needs to be active
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_progress_leads_with_the_sentence_and_explains_on_request(
    qtbot: QtBot, store: Store, history: Profile
) -> None:
    page = _progress(qtbot, store, history)
    page.tabs.setCurrentIndex(0)
    rows = [page.exercise_list.item(i).text() for i in range(page.exercise_list.count())]
    page.exercise_list.setCurrentRow(rows.index(ROW))
    note = page.verdict_note
    assert note.isVisible() and note.sentence.text() == ROW_SENTENCE
    # Matched 20 kg x 8 on both sides: the per-side lines (Brzycki, weight and reps only)
    # coincide, so the header says the verdict compares something else.
    assert (
        "The per-side chart shows e1RM (Brzycki, kg) from weight and reps alone; the verdict "
        "and the gap chart compare e1RM (RPE table)." in page.chart_header.text()
    )
    assert not note.how.isVisible()  # the formula waits until asked for
    note.toggle.setFocus()
    qtbot.keyClick(note.toggle, Qt.Key.Key_Space)
    assert note.how.isVisible()
    assert "Each side's score is e1RM (RPE table)." in note.how.text()
    assert "mean gap 8.7 % over 4 sessions" in note.how.text()


def test_overview_leads_with_a_sentence_per_exercise_largest_gap_first(
    qtbot: QtBot, store: Store, history: Profile
) -> None:
    page = _progress(qtbot, store, history)
    page.tabs.setCurrentIndex(1)
    assert page.overview_note.sentence.text() == (
        f"<b>Side plank:</b> {PLANK_SENTENCE}<br><b>{ROW}:</b> {ROW_SENTENCE}"
    )
    assert "one-sided 90 % t bound" in page.overview_note.how.text()
    assert not page.overview_note.how.isVisible()


def test_the_printed_sheet_shows_the_sentence_under_the_exercise(
    store: Store, history: Profile, tmp_path: Path
) -> None:
    created = routines.create_routine(store, history.id, "Pull", "Day A")
    routines.add_item(store, created.days[0].id, _id(store, ROW), 3)
    sheet = routine_sheet(store, history.id, "Pull", weeks=4)
    write_pdf(sheet, tmp_path / "sheet.pdf", PageSetup(style="blocks"))
    pages = PdfReader(str(tmp_path / "sheet.pdf")).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    name_at = text.index(f"{ROW} · ")
    assert text.index(ROW_SENTENCE) > name_at
    assert text.index(ROW_SENTENCE) < text.index("Start: L (weaker)")
