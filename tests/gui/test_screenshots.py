"""README screenshots, rendered from the demo data. `make screenshots` writes them to
docs/screenshots; in the normal run they go to a temporary folder and are still checked
for being real pictures (not blank)."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from session_helpers import file_action, focused, type_into

from evenside.domain.generator import GeneratorChoice
from evenside.domain.routines import EQUIPMENT
from evenside.domain.sides import Side
from evenside.gui.dialogs.import_dialog import ImportDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.assessments import AssessmentsPage
from evenside.gui.pages.library import LibraryPage
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.printing.sheet_renderer import PageSetup, write_pdf
from evenside.services import routines
from evenside.services.demo import fill_demo
from evenside.services.sheets import routine_sheet
from evenside.services.store import Store
from fakes import FakeClock

pytestmark = pytest.mark.screenshot
SIZE = (1180, 760)


def save_shot(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / name
    QApplication.processEvents()  # let pending layout requests settle before the grab
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)
    }
    assert len(colours) > 20, f"{name} looks blank"
    return path


@pytest.fixture
def demo_window(qtbot: QtBot, store: Store) -> MainWindow:
    fill_demo(store, end=date(2026, 11, 1))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_library_screenshot(qtbot: QtBot, demo_window: MainWindow, screenshot_dir: Path) -> None:
    page = demo_window.go_to("Library")
    assert isinstance(page, LibraryPage)
    qtbot.keyClicks(page.search, "one arm")
    rows = [page.model.exercise(r) for r in range(page.model.rowCount())]
    page.select_exercise(next(e.id for e in rows if e.name == "One-arm dumbbell row"))
    save_shot(demo_window, screenshot_dir, "library.png")


def _log_pair(qtbot: QtBot, page: SessionPage, weight: str, reps: str, right_reps: str) -> None:
    first, second = page.entry.order
    type_into(qtbot, page.entry.row(first).weight, weight)
    type_into(qtbot, page.entry.row(first).reps, reps)
    qtbot.keyClick(page.entry.row(first).reps, Qt.Key.Key_Return)
    type_into(qtbot, page.entry.row(second).reps, right_reps)
    qtbot.keyClick(page.entry.row(second).reps, Qt.Key.Key_Return)


def test_session_screenshots(
    qtbot: QtBot, demo_window: MainWindow, clock: FakeClock, screenshot_dir: Path
) -> None:
    page = demo_window.go_to("Session")
    assert isinstance(page, SessionPage)
    demo_window.activateWindow()
    page.start_session()
    page.add_exercise(_named(page, "One-arm dumbbell row"))
    _log_pair(qtbot, page, "24", "10", "10")
    _log_pair(qtbot, page, "24", "9", "9")
    page.add_exercise(_named(page, "Bulgarian split squat"))
    page.stretch_card.hide()
    _log_pair(qtbot, page, "18", "8", "8")
    _log_pair(qtbot, page, "18", "8", "10")
    strong = page.entry.row(page.entry.order[1])
    assert strong.error.isVisible() and strong.log_anyway.isVisible()  # past the weak side
    _at_full_hd(demo_window, screenshot_dir, "session-volume-refused.png")
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(focused(), Qt.Key.Key_Return, modifiers)  # log anyway
    assert page.notice.isVisible()
    save_shot(demo_window, screenshot_dir, "session.png")

    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.stretch_card.isVisible()
    page.stretch_card.timers[0].start()
    save_shot(demo_window, screenshot_dir, "stretch-card.png")
    qtbot.mouseClick(page.stretch_card.done_button, Qt.MouseButton.LeftButton)

    page.add_exercise(_named(page, "Back squat"))  # bilateral: the "Both" columns
    page.stretch_card.hide()
    both = page.entry.row(Side.BOTH)
    for _ in range(2):
        type_into(qtbot, both.weight, "80")
        type_into(qtbot, both.reps, "5")
        qtbot.keyClick(both.reps, Qt.Key.Key_Return)
    clock.advance(minutes=38)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.stretch_card.isVisible()  # the last exercise's stretch comes first
    qtbot.mouseClick(page.stretch_card.done_button, Qt.MouseButton.LeftButton)
    assert page.pages.currentWidget() is page.summary_view
    save_shot(demo_window, screenshot_dir, "summary.png")
    _at_full_hd(demo_window, screenshot_dir, "session-summary.png")


def _at_full_hd(window: MainWindow, folder: Path, name: str) -> None:
    """A shot at 1920 x 1080, then the window back at its usual size."""
    window.resize(1920, 1080)
    save_shot(window, folder, name)
    window.resize(*SIZE)


def _named(page: SessionPage, name: str) -> int:
    return next(i for i, e in page.exercises.items() if e.name == name)


def test_progress_screenshots(qtbot: QtBot, demo_window: MainWindow, screenshot_dir: Path) -> None:
    page = demo_window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    page.open_exercise(_named_in(page, "Bulgarian split squat"))
    assert "Bulgarian split squat" in page.chart_header.text()
    save_shot(demo_window, screenshot_dir, "progress-exercise.png")
    page.tabs.setCurrentIndex(1)
    save_shot(demo_window, screenshot_dir, "progress-overview.png")
    page.tabs.setCurrentIndex(2)
    save_shot(demo_window, screenshot_dir, "progress-balance.png")
    measurements = demo_window.go_to("Measurements")
    assert isinstance(measurements, MeasurementsPage)
    measurements.site.setCurrentText("Thigh")
    save_shot(demo_window, screenshot_dir, "measurements.png")
    assessments = demo_window.go_to("Assessments")
    assert isinstance(assessments, AssessmentsPage)
    save_shot(demo_window, screenshot_dir, "assessments.png")


def _named_in(page: ProgressPage, name: str) -> int:
    return next(e.id for e in page._with_data if e.name == name)


def test_routines_and_sheet_screenshots(
    qtbot: QtBot, demo_window: MainWindow, screenshot_dir: Path, tmp_path: Path
) -> None:
    store = demo_window.store
    profile_id = demo_window._profile.id if demo_window._profile else 0
    routine_id = routines.generate_routine(
        store, profile_id, "Balanced 4 days", GeneratorChoice(4, 60, frozenset(EQUIPMENT))
    )
    page = demo_window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    page.reload(routine_id)
    save_shot(demo_window, screenshot_dir, "routines.png")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed")
    pdf = tmp_path / "sheet.pdf"
    sheet = routine_sheet(store, profile_id, "Balanced 4 days", day=1)
    write_pdf(sheet, pdf, PageSetup("a4", landscape=True))
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "110",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            str(pdf),
            str(screenshot_dir / "routine-sheet"),
        ],
        check=True,
        timeout=60,
    )
    image = QImage(str(screenshot_dir / "routine-sheet.png"))
    assert image.width() > image.height() > 800  # landscape A4 at 110 dpi


def test_import_screenshots(
    qtbot: QtBot,
    demo_window: MainWindow,
    screenshot_dir: Path,
    tmp_path: Path,
    choose_file: Callable[[Path], None],
    paused_import: tuple[threading.Event, threading.Event],
) -> None:
    reported, release = paused_import

    def open_import(path: Path) -> ImportDialog:
        choose_file(path)
        file_action(demo_window, "&Import history…").trigger()
        dialog = demo_window.findChildren(ImportDialog)[-1]
        qtbot.addWidget(dialog)
        dialog.resize(900, 560)
        return dialog

    fixtures = Path(__file__).parents[1] / "fixtures" / "imports"
    dialog = open_import(fixtures / "strong_v2_quirks.csv")
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.unit_page)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.mapping_page)
    save_shot(dialog, screenshot_dir, "import-mapping.png")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.preview_page)
    save_shot(dialog, screenshot_dir, "import-preview.png")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reported.is_set() or dialog.result_value is not None)
    release.set()  # this small import goes through; the big one below is caught mid-way
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    reported.clear()
    release.clear()
    dialog.close()
    big = tmp_path / "strong-export.csv"
    header = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    rows = [header + "Distance Unit;Seconds;Notes;Workout Notes"]
    for day in range(40):
        for order in range(1, 5):
            rows.append(
                f"2019-{1 + day % 12:02d}-{1 + day % 28:02d} {day % 24:02d}:00:{day % 60:02d};"
                f"Legs {day};Bulgarian Split Squat (Left);{order};20;kg;8;;;;;;"
            )
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    busy = open_import(big)
    qtbot.waitUntil(lambda: busy.pages.currentWidget() is busy.mapping_page, timeout=20_000)
    qtbot.mouseClick(busy.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy.pages.currentWidget() is busy.preview_page, timeout=20_000)
    qtbot.mouseClick(busy.next_button, Qt.MouseButton.LeftButton)
    assert reported.wait(10)  # the import has written its first workout and waits
    qtbot.waitUntil(lambda: busy.progress.value() == 1)
    save_shot(busy, screenshot_dir, "import-progress.png")
    qtbot.mouseClick(busy.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    assert busy.wait_for_job()
    library_page = demo_window.go_to("Library")
    assert isinstance(library_page, LibraryPage)
    names = library_page.open_import_names()
    qtbot.addWidget(names)
    names.resize(900, 420)
    qtbot.waitExposed(names)
    save_shot(names, screenshot_dir, "import-names.png")
    names.close()
