"""The compact printed sheet, read back from the PDF: a page per day for days of up to ten
exercises, write-in boxes of at least 18 x 9 mm, seconds on timed targets, one column for
bilateral work, and the weaker side first only where the verdict says it is weaker."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session

from evenside.cli import main
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.dialogs.sheet_dialog import SheetDialog
from evenside.gui.printing.sheet_renderer import PageSetup, SheetLayout, write_pdf
from evenside.services import library, profiles, routines
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store
from fakes import FakeClock

MM_PER_POINT = 25.4 / 72
MARGIN_MM = 10.0
ROW = "One-arm dumbbell row"  # right 10 % weaker in three sessions: beyond noise
CURL = "One-arm dumbbell curl"  # right a little lower, left a little lower: within noise
FIRST_DAY = [
    "Bulgarian split squat",
    "Back squat",
    ROW,
    "Side plank",
    "Bear crawl",
    CURL,
    "Face pull",
    "Pallof press",
    "Leg press",
    "Single-leg calf raise",
]
OTHER_DAYS = [
    "Bench press",
    "Lat pulldown",
    "One-arm cable row",
    "Split squat",
    "Step-up",
    "Plank",
    "Suitcase carry",
    "Hip thrust",
    "One-arm lateral raise",
    "Standing calf raise",
    "Copenhagen plank",
    "Reverse lunge",
    "Seated cable row",
    "Incline dumbbell press",
    "Single-leg leg curl",
    "Lying leg curl",
]


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x: float  # mm from the printable area's left edge
    y: float  # mm from its top
    bottom: float


@pytest.fixture
def history(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    for days in (9, 6, 3):
        rows = [(Side.LEFT, 30.0, 8), (Side.RIGHT, 27.0, 8)]
        seed_past_session(store, clock, profile, ROW, rows, days)
    for days, (left, right) in zip(
        (9, 6, 3), ((12.0, 11.5), (11.5, 12.0), (12.0, 11.5)), strict=True
    ):
        curls = [(Side.LEFT, left, 10), (Side.RIGHT, right, 10)]
        seed_past_session(store, clock, profile, CURL, curls, days)
    return profile


def make_routine(store: Store, profile: Profile, days: int, name: str = "Wall") -> str:
    """``days`` days of ten exercises each; the first day holds the seeded exercises; side
    plank is held 30-45 s."""
    ids = {e.name: e.id for e in library.all_exercises(store)}
    created = routines.create_routine(store, profile.id, name, "Day 1")
    day_ids = [created.days[0].id] + [
        routines.add_day(store, created.id, f"Day {n}") for n in range(2, days + 1)
    ]
    for index, day_id in enumerate(day_ids):
        names = FIRST_DAY if index == 0 else (OTHER_DAYS * 2)[index : index + 10]
        for exercise in names:
            routines.add_item(store, day_id, ids[exercise], 3)
    plank = next(
        item
        for item in routines.get_routine(store, created.id).days[0].items
        if item.exercise_id == ids["Side plank"]
    )
    routines.update_item(store, replace(plank, rep_low=30, rep_high=45))
    return name


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def bbox_words(path: Path) -> list[Word]:
    """Every word pdftotext finds, with its place in mm from the printable area's corner."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words, page = [], 0
    pattern = re.compile(
        r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<'
    )
    for match in pattern.finditer(html):
        if match.group(0) == "<page ":
            page += 1
            continue
        x, y, bottom = (float(match.group(n)) * MM_PER_POINT - MARGIN_MM for n in (1, 2, 3))
        words.append(Word(match.group(4), page, x, y, bottom))
    return words


def write(store: Store, profile: Profile, name: str, path: Path, setup: PageSetup) -> SheetLayout:
    return write_pdf(routine_sheet(store, profile.id, name), path, setup)


@pytest.mark.parametrize("days", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_page_a_day_with_boxes_big_enough_to_write_in(
    qapp: object, tmp_path: Path, store: Store, history: Profile, days: int, paper: str
) -> None:
    name = make_routine(store, history, days)
    path = tmp_path / "wall.pdf"
    layout = write(store, history, name, path, PageSetup(paper, landscape=True))
    assert len(PdfReader(str(path)).pages) == days
    text = pdftotext(path, "-layout")
    pages = text.split("\f")
    for number in range(days):
        assert f"Wall — Day {number + 1}" in pages[number]
        assert "weeks 1" not in pages[number]  # all six weeks on the one page
        assert "Date" in pages[number] and "Notes" in pages[number]
    width_mm = 297 - 20 if paper == "a4" else 279.4 - 20
    write_in = [box for box in layout.boxes if box.kind in ("sets", "date", "notes")]
    assert len([b for b in write_in if b.kind == "date"]) == days * 6
    for box in write_in:
        assert box.width >= 18 - 0.01 and box.height >= 9 - 0.01, box
        assert box.x >= 0 and box.x + box.width <= width_mm + 0.1, box  # a pixel of rounding
    # The PDF's own drawing agrees: the week headings stand at least two boxes apart.
    for page in range(1, days + 1):
        weeks = sorted(w.x for w in bbox_words(path) if w.page == page and w.text == "Week")
        assert len(weeks) == 6
        assert all(b - a >= 36 - 0.5 for a, b in zip(weeks, weeks[1:], strict=False))


def test_twelve_weeks_split_across_pages_of_the_same_day(
    qapp: object, tmp_path: Path, store: Store, history: Profile
) -> None:
    name = make_routine(store, history, 2)
    path = tmp_path / "twelve.pdf"
    sheet = routine_sheet(store, history.id, name, weeks=12)
    layout = write_pdf(sheet, path, PageSetup("a4", landscape=True))
    assert layout.pages == 4
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(str(path)).pages]
    assert "Day 1 (weeks 1–6, part 1 of 2)" in pages[0]
    assert "Day 1 (weeks 7–12, part 2 of 2)" in pages[1]
    assert "Week 7" in pages[1] and "Week 6" not in pages[1]
    assert "Day 2 (weeks 1–6, part 1 of 2)" in pages[2]
    assert min(box.width for box in layout.boxes if box.kind == "sets") >= 18 - 0.01


def test_cells_units_and_sides(
    qapp: object, tmp_path: Path, store: Store, history: Profile
) -> None:
    name = make_routine(store, history, 2)
    path = tmp_path / "cells.pdf"
    layout = write(store, history, name, path, PageSetup("a4", landscape=True))
    text = pdftotext(path)
    assert "3 x 30-45 s, " in text  # side plank: a hold, in seconds
    assert "3 x 8-12, " in text  # reps carry no unit

    def week_one(exercise: str) -> list[str]:
        boxes = [b for b in layout.boxes if b.kind == "sets" and b.exercise == exercise]
        return [b.side for b in sorted(boxes, key=lambda b: b.x) if b.week == 1 and b.page == 1]

    # Bilateral work (the bear crawl too) has one box a week, as wide as both sides' boxes.
    assert week_one("Back squat") == ["both"] and week_one("Bear crawl") == ["both"]
    squat = next(b for b in layout.boxes if b.exercise == "Back squat" and b.kind == "sets")
    split = next(b for b in layout.boxes if b.exercise == "Bulgarian split squat")
    assert squat.width == pytest.approx(2 * split.width)
    # Right weaker beyond noise on rows: right first. On curls the gap is within noise: left,
    # right, as for any even exercise, even for a left-handed person whose non-dominant side
    # (the side the detailed layout starts with) is the right.
    assert week_one(ROW) == ["right", "left"]
    assert week_one(CURL) == ["left", "right"]
    assert week_one("Bulgarian split squat") == ["left", "right"]
    profiles.update_profile(store, history.id, history.name, Side.LEFT, history.unit)
    curl = next(
        b for b in routine_sheet(store, history.id, name).days[0].exercises if b.name == CURL
    )
    assert (curl.start, curl.start_weaker) == (Side.RIGHT, False)
    lefty = write(store, history, name, tmp_path / "lefty.pdf", PageSetup("a4", landscape=True))
    assert [
        b.side
        for b in sorted(lefty.boxes, key=lambda b: b.x)
        if b.kind == "sets" and b.exercise == CURL and b.week == 1
    ] == ["left", "right"]
    # The printed letters agree, read from the PDF in the rows' bands.
    words = [w for w in bbox_words(path) if w.page == 1]
    for exercise, letters in ((ROW, ["R", "L"]), (CURL, ["L", "R"]), ("Back squat", [])):
        band = next(b for b in layout.boxes if b.exercise == exercise and b.kind == "sets")
        inside = [
            w
            for w in words
            if w.text in ("L", "R") and band.y <= w.y and w.bottom <= band.y + band.height
        ]
        in_week_one = [
            w.text for w in sorted(inside, key=lambda w: w.x) if band.x <= w.x < band.x + 36
        ]
        assert in_week_one == letters, exercise
    # The header names only the side that is weaker beyond noise.
    header = text[: text.index("Exercise")]
    flat = re.sub(r"\s+", " ", header)
    assert f"Right side weaker beyond noise in {ROW}" in flat
    assert CURL not in flat and "Left side weaker" not in flat


def test_blocks_layout_is_still_there(
    qapp: object, tmp_path: Path, store: Store, history: Profile
) -> None:
    name = make_routine(store, history, 2)
    path = tmp_path / "blocks.pdf"
    layout = write(store, history, name, path, PageSetup("a4", style="blocks"))
    text = pdftotext(path)
    assert "Then stretch:" in text and "Start: R (weaker)" in text
    assert layout.pages > 2 and not layout.boxes


def test_the_print_dialog_offers_both_layouts(
    qtbot: QtBot, tmp_path: Path, store: Store, history: Profile
) -> None:
    name = make_routine(store, history, 2)
    routine = routines.find_routine(store, history.id, name)
    dialog = SheetDialog(store, history.id, routine)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.style_choice.currentText() == "Compact table (a day per page)"
    assert dialog.orientation.currentText() == "Landscape"
    compact = dialog.save_pdf(tmp_path / "compact.pdf")
    assert compact is not None and len(PdfReader(str(compact)).pages) == 2
    dialog.style_choice.setFocus()
    qtbot.keyClick(dialog.style_choice, Qt.Key.Key_Down)
    assert dialog.style_choice.currentText() == "Detailed (one exercise per block)"
    blocks = dialog.save_pdf(tmp_path / "blocks.pdf")
    assert blocks is not None
    text = pdftotext(blocks)
    assert "Then stretch:" in text and len(PdfReader(str(blocks)).pages) > 2


def test_print_command_takes_the_layout(
    qapp: object,
    tmp_path: Path,
    db_path: Path,
    store: Store,
    history: Profile,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = make_routine(store, history, 3)
    store.close()
    out = tmp_path / "out.pdf"
    args = ["--db", str(db_path), "print", name, "--pdf", str(out), "--landscape"]
    assert main(args) == 0
    assert capsys.readouterr().out == f"{out}: 3 pages, 30 exercises\n"
    assert main([*args, "--paper", "letter", "--weeks", "12"]) == 0
    assert capsys.readouterr().out == f"{out}: 6 pages, 30 exercises\n"  # weeks 1-6, 7-12
    assert main([*args, "--layout", "blocks"]) == 0
    assert "Then stretch:" in pdftotext(out)
    with pytest.raises(SystemExit) as exit_code:
        main([*args, "--layout", "tables"])
    assert exit_code.value.code == 2
    assert "--layout" in capsys.readouterr().err
