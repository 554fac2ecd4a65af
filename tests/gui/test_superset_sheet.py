"""The printed routine sheet prints a superset's exercises together, labelled "Superset A",
as the day was last done; in both layouts (read back from the PDF with pdftotext)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from evenside.domain.profile import Profile
from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
from evenside.services import library, routines, supersets, workout
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store


@pytest.fixture
def day_done_as_superset(store: Store, profile: Profile) -> str:
    """Day A lists squat, curl, bench; last time squat and bench were a superset."""
    ids = {e.name: e.id for e in library.all_exercises(store)}
    created = routines.create_routine(store, profile.id, "Push pull", "Day A")
    day_id = created.days[0].id
    for name in ("Back squat", "Barbell curl", "Bench press"):
        routines.add_item(store, day_id, ids[name], 3)
    started = routines.start_session_from_day(store, profile.id, day_id)
    exercises = started.session.exercises
    supersets.group(store, [exercises[0].id, exercises[2].id])
    workout.finish_session(store, started.session.id)
    return created.name


@pytest.mark.parametrize("style", ["compact", "blocks"])
def test_the_superset_prints_together_with_its_label(
    qapp: object,
    tmp_path: Path,
    store: Store,
    profile: Profile,
    day_done_as_superset: str,
    style: str,
) -> None:
    """The first page holds the whole day (the compact table repeats it for later weeks)."""
    path = tmp_path / f"{style}.pdf"
    write_pdf(
        routine_sheet(store, profile.id, day_done_as_superset), path, PageSetup("a4", style=style)
    )
    first_page = ["pdftotext", "-l", "1", "-layout", str(path), "-"]
    text = subprocess.run(first_page, capture_output=True, text=True, check=True).stdout
    text = re.sub(r"\s+", " ", text)
    squat, bench, curl = (text.index(n) for n in ("Back squat", "Bench press", "Barbell curl"))
    assert squat < bench < curl  # the bench press moved up to its superset partner
    # The rest is said once, for the round (the default 90 s: the bench press sets none).
    assert text.count("Superset A · 90 s rest after the round") == 1
    labelled = [m.start() for m in re.finditer("Superset A", text)]
    assert labelled[0] < squat < labelled[1] < bench  # each member carries the label
    assert "Superset B" not in text
    # Within the round no exercise has its own rest or stretch: they come after the group.
    assert "rest" not in text[squat:bench].replace("rest after the round", "")
    assert "stretch" not in text[squat:bench].lower()
    quad, chest = text.index("Standing quad stretch"), text.index("Doorway chest stretch")
    assert bench < quad < chest < curl  # the squat's stretch, then the bench press's
    assert "90 s rest" in text[curl:]  # an exercise on its own keeps its rest
