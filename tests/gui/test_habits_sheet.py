"""The printed routine sheet carries the profile's everyday-habits checklist in the footer
of every page; a profile without one prints no such line."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from evenside.domain.habits import HabitAnswers
from evenside.domain.profile import Profile
from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
from evenside.services import habits, library, routines
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store


def _page_texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(str(path)).pages]


def _routine(store: Store, profile: Profile, exercises: int) -> str:
    ids = [e.id for e in library.all_exercises(store) if e.laterality.per_side][:exercises]
    created = routines.create_routine(store, profile.id, "Even days", "Day A")
    for exercise_id in ids:
        routines.add_item(store, created.days[0].id, exercise_id, 4)
    return created.name


def test_every_page_of_the_sheet_carries_the_checklist(
    qapp: object, tmp_path: Path, store: Store, profile: Profile
) -> None:
    habits.save_answers(
        store,
        profile.id,
        HabitAnswers(sleeping_side="right", carrying_side="right", phone_looking_down=True),
    )
    name = _routine(store, profile, 12)
    path = tmp_path / "sheet.pdf"
    layout = write_pdf(routine_sheet(store, profile.id, name), path, PageSetup("a4"))
    pages = _page_texts(path)
    assert layout.pages >= 2 and len(pages) == layout.pages
    for text in pages:
        assert (
            "Everyday habits: Alternate your sleeping side during the night; Carry with your "
            "left hand, or split the load; Phone at eye level, not looking down." in text
        )
    # The blocks stay above the taller footer.
    for block in layout.blocks:
        assert block.bottom <= layout.body_bottom


def test_no_checklist_no_habits_line(
    qapp: object, tmp_path: Path, store: Store, profile: Profile
) -> None:
    name = _routine(store, profile, 2)
    path = tmp_path / "sheet.pdf"
    write_pdf(routine_sheet(store, profile.id, name), path, PageSetup("letter"))
    text = " ".join(_page_texts(path))
    assert "Rules:" in text and "Everyday habits" not in text
