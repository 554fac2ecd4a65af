"""Progress page on a known dataset: the plotted points and tables show hand-computed
values, range presets change what is shown, the overview is ordered and opens the right
exercise, exports from the page's buttons are valid; Measurements takes per-side entries.

Every expected number below is worked out by hand from the seeded sets with Brzycki
(the default formula): e1RM = w * 36 / (37 - r), so x8 reps is w * 36/29 and x9 is w * 36/28.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session, type_into

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.gui.pages.progress import ProgressPage
from evenside.services.store import Store
from fakes import FakeClock

# Weekly One-arm dumbbell rows: left (kg, reps) and right, a gap that closes.
ROWS = [
    ((20, 8), (25, 8)),
    ((21, 8), (25, 8)),
    ((22, 8), (25, 9)),
    ((24, 8), (26, 8)),
    ((25, 8), (26, 8)),
]
# Weekly Bulgarian split squats with the right side weaker, for the overview order.
SQUATS = [((20, 8), (19, 8)), ((20, 8), (19.5, 8)), ((20, 8), (19.5, 8))]

# Best e1RM per week of the rows (the second, lighter set of each side is lower):
#   left  20x8 = 720/29 = 24.828   21x8 = 26.069   22x8 = 27.310   24x8 = 29.793   25x8 = 31.034
#   right 25x8 = 900/29 = 31.034   25x8 = 31.034   25x9 = 900/28 = 32.143   26x8 = 32.276 (x2)
LEFT_E1RM = [24.828, 26.069, 27.310, 29.793, 31.034]
RIGHT_E1RM = [31.034, 31.034, 32.143, 32.276, 32.276]
# (right - left) / right * 100, left weaker each week:
#   5/25 = 20 %, 4/25 = 16 %, 1 - (792/29)/(900/28) = 15.03 %, 2/26 = 7.69 %, 1/26 = 3.85 %
LEFT_WEAKER_PERCENT = [20.0, 16.0, 15.034, 7.692, 3.846]


@pytest.fixture
def known(store: Store, clock: FakeClock, profile: Profile) -> Profile:
    for week, ((lw, lr), (rw, rr)) in enumerate(ROWS):
        seed_past_session(
            store,
            clock,
            profile,
            "One-arm dumbbell row",
            [
                (Side.LEFT, lw, lr),
                (Side.RIGHT, rw, rr),
                (Side.LEFT, lw, lr - 1),
                (Side.RIGHT, rw, rr - 1),
            ],
            days_ago=7 * (len(ROWS) - week) + 1,
        )
    for week, ((lw, lr), (rw, rr)) in enumerate(SQUATS):
        seed_past_session(
            store,
            clock,
            profile,
            "Bulgarian split squat",
            [(Side.LEFT, lw, lr), (Side.RIGHT, rw, rr)],
            days_ago=7 * (len(SQUATS) - week) + 2,
        )
    return profile


def _progress(window: MainWindow) -> ProgressPage:
    page = window.go_to("Progress")
    assert isinstance(page, ProgressPage)
    return page


def _series(plot: object, name: str) -> list[float]:
    for item in plot.plotItem.listDataItems():  # type: ignore[attr-defined]
        if item.name() == name:
            return [float(y) for y in item.getData()[1]]
    raise AssertionError(f"no series called {name}")


def _open(page: ProgressPage, name: str) -> None:
    page.search.setText("")
    for row in range(page.exercise_list.count()):
        if page.exercise_list.item(row).text() == name:
            page.exercise_list.setCurrentRow(row)
            return
    raise AssertionError(name)


def _cells(model: QAbstractItemModel) -> list[tuple[object, ...]]:
    """What a table shows, read through the model's public interface."""
    return [
        tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_plotted_points_and_tables_show_the_hand_computed_values(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    charts = page.charts
    assert _series(charts.strength_plot, "L (left)") == pytest.approx(LEFT_E1RM, abs=1e-3)
    assert _series(charts.strength_plot, "R (right)") == pytest.approx(RIGHT_E1RM, abs=1e-3)
    assert _series(charts.asymmetry_plot, "L weaker") == pytest.approx(
        LEFT_WEAKER_PERCENT, abs=1e-3
    )
    # The table beside the chart, one decimal. The means are over the sessions so far (the
    # rolling window holds 5, so here it is every session): week 2 (24.828 + 26.069) / 2
    # = 25.45 -> "25.4"; week 5 L (24.828 + ... + 31.034) / 5 = 27.81, R 158.763 / 5 = 31.75.
    assert _cells(charts.strength_model) == [
        ("2026-09-27", "24.8", "31.0", "–", "–"),
        ("2026-10-04", "26.1", "31.0", "25.4", "31.0"),
        ("2026-10-11", "27.3", "32.1", "26.1", "31.4"),
        ("2026-10-18", "29.8", "32.3", "27.0", "31.6"),
        ("2026-10-25", "31.0", "32.3", "27.8", "31.8"),
    ]
    # Noise is unknown before three paired sessions. From the third on, the paired gaps are
    # beyond variation: the mean less t(90 %, n-1) x sd / sqrt(n) stays above 3 %:
    #   3 sessions [20, 16, 15.03]: mean 17.01, sd 2.63, 17.01 - 1.886 x 1.52 = 14.14;
    #   4 sessions [.., 7.69]: mean 14.68, sd 5.13, 14.68 - 1.638 x 2.57 = 10.48;
    #   5 sessions [.., 3.85]: mean 12.51, sd 6.57, 12.51 - 1.533 x 2.94 = 8.00.
    assert _cells(charts.asymmetry_model) == [
        ("2026-09-27", "20.0", "L", "?"),
        ("2026-10-04", "16.0", "L", "?"),
        ("2026-10-11", "15.0", "L", "beyond"),
        ("2026-10-18", "7.7", "L", "beyond"),
        ("2026-10-25", "3.8", "L", "beyond"),
    ]
    # Weekly volume, kg x reps over both sets of a side: left 20x8 + 20x7 = 300, then
    # 21x15 = 315, 22x15 = 330, 24x15 = 360, 25x15 = 375; right 25x15 = 375, 375,
    # 25x9 + 25x8 = 425, 26x15 = 390, 390. No bilateral work.
    assert _cells(charts.volume_model) == [
        ("2026-09-21", "300", "375", "0"),
        ("2026-09-28", "315", "375", "0"),
        ("2026-10-05", "330", "425", "0"),
        ("2026-10-12", "360", "390", "0"),
        ("2026-10-19", "375", "390", "0"),
    ]
    assert "e1RM (Brzycki, kg)" in page.chart_header.text()
    # Hovering shows the exact values and the date of the nearest session (the last one,
    # 8 days before the clock's 2 November).
    last_x = charts.strength_hover.xs[-1]
    assert charts.strength_hover.show_at(last_x + 3600) == "2026-10-25\nL 31.0   R 32.3"
    assert charts.strength_hover.text.isVisible()


def test_range_presets_change_the_points_shown(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    assert len(_series(page.charts.strength_plot, "L (left)")) == 5
    four_weeks = next(b for b in page.range_buttons.buttons() if b.text() == "4 weeks")
    qtbot.mouseClick(four_weeks, Qt.MouseButton.LeftButton)
    shown = _series(page.charts.strength_plot, "L (left)")
    # Four weeks back from 2 November reaches the sessions of 11, 18 and 25 October.
    assert shown == pytest.approx([27.310, 29.793, 31.034], abs=1e-3)
    assert "last 4 weeks" in page.chart_header.text()


def test_progress_opens_on_the_last_year_and_says_so(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    # A row session 400 days back (L 40 x 8) is outside the year Progress opens on.
    seed_past_session(
        store, clock, known, "One-arm dumbbell row", [(Side.LEFT, 40, 8), (Side.RIGHT, 40, 8)],
        days_ago=400,
    )  # fmt: skip
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    checked = [b.text() for b in page.range_buttons.buttons() if b.isChecked()]
    assert checked == ["1 year"]
    assert "last year" in page.chart_header.text()
    assert _series(page.charts.strength_plot, "L (left)") == pytest.approx(LEFT_E1RM, abs=1e-3)
    every = next(b for b in page.range_buttons.buttons() if b.text() == "All")
    qtbot.mouseClick(every, Qt.MouseButton.LeftButton)
    # 40 x 8 = 1440 / 29 = 49.655, then the five weeks of the year.
    shown = _series(page.charts.strength_plot, "L (left)")
    assert shown == pytest.approx([49.655, *LEFT_E1RM], abs=1e-3)
    assert "all history" in page.chart_header.text()


def test_overview_is_ordered_and_opens_the_right_exercise(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _progress(make_window(store))
    qtbot.mouseClick(
        page.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.tabs.tabBar().tabRect(1).center(),
    )
    assert page.tabs.currentIndex() == 1
    # The current gap is the mean of the paired per-session gaps (up to the last six):
    #   rows   (20 + 16 + 15.03 + 7.69 + 3.85) / 5 = 12.51 %, left weaker;
    #   squats (5 + 2.5 + 2.5) / 3 = 3.33 %, right weaker.
    # Largest gap first.
    assert _cells(page.overview_model) == [
        ("One-arm dumbbell row", "12.5 %", "L", "closing ↘", "beyond noise", "5", "2026-10-25"),
        ("Bulgarian split squat", "3.3 %", "R", "closing ↘", "beyond noise", "3", "2026-10-24"),
    ]
    qtmodeltester.check(page.overview_model)  # type: ignore[attr-defined]
    table = page.overview_table
    rect = table.visualRect(page.overview_model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tabs.currentIndex() == 0
    assert "Bulgarian split squat" in page.chart_header.text()
    # The squat's own weekly gaps, same reps: (20 - 19) / 20 = 5 %, then (20 - 19.5) / 20
    # = 2.5 % twice.
    assert _series(page.charts.asymmetry_plot, "R weaker") == pytest.approx([5.0, 2.5, 2.5])


def test_opposing_balance_ratios(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    weeks = page.balance.weeks
    assert len(weeks) == 5  # the weeks of 21 Sep to 19 Oct hold every seeded session
    # Week one: one-arm rows, 2 pairs of sets (a pair counts once): upper back 2 sets,
    # no chest; biceps and rear delts are secondary and count half, 1 set each.
    first = {b.pair.key: b for b in weeks[0].pairs}
    chest = first["chest_upper_back"]
    assert (chest.first_sets, chest.second_sets, chest.ratio) == (0.0, 2.0, 0.0)
    assert chest.in_range is False  # 0 is below the 0.5-1 push : pull target
    assert (first["front_rear_delts"].first_sets, first["front_rear_delts"].second_sets) == (
        0.0,
        1.0,
    )
    assert first["biceps_triceps"].ratio is None  # no triceps work: no ratio to show
    # The table averages the weeks: every week has the same 2 upper-back sets and no chest.
    assert _cells(page.balance.model)[:3] == [
        ("Chest : upper back", "0.0 : 2.0", "0.00", "0.5–1", "upper back-heavy"),
        ("Front delts : rear delts", "0.0 : 1.0", "0.00", "0.5–1", "rear delts-heavy"),
        ("Biceps : triceps", "1.0 : 0.0", "–", "0.8–1.25", "no triceps work"),
    ]


def test_exported_png_and_csv_from_the_page_buttons(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    png = tmp_path / "chart.png"
    target = tmp_path / "series.csv"
    answers = iter([str(png), str(target)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (next(answers), ""))
    qtbot.mouseClick(page.png_button, Qt.MouseButton.LeftButton)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300 and image.height() > 300
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Two decimals of the e1RMs worked out at the top of the file.
    assert [r["left"] for r in rows] == ["24.83", "26.07", "27.31", "29.79", "31.03"]
    assert [r["right"] for r in rows] == ["31.03", "31.03", "32.14", "32.28", "32.28"]
    assert {r["weaker_side"] for r in rows} == {"left"}
    assert rows[0]["within_noise"] == ""  # unknown after one session


def test_text_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    for model in (
        page.charts.strength_model,
        page.charts.asymmetry_model,
        page.charts.volume_model,
        page.balance.model,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_measurements_per_side_by_keyboard(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = make_window(store).go_to("Measurements")
    assert isinstance(page, MeasurementsPage)
    page.site.setCurrentText("Upper arm")
    type_into(qtbot, page.left, "34.5")
    type_into(qtbot, page.right, "abc")
    qtbot.keyClick(page.right, Qt.Key.Key_Return)
    assert "must be a number" in page.error.text() and page.model.rowCount() == 0
    type_into(qtbot, page.right, "400")
    qtbot.keyClick(page.right, Qt.Key.Key_Return)
    assert "at most 300 cm" in page.error.text() and page.model.rowCount() == 0
    type_into(qtbot, page.right, "35.7")
    qtbot.keyClick(page.right, Qt.Key.Key_Return)
    assert _cells(page.model)[0][1:] == ("34.5", "35.7", "L smaller, 1.2")  # 35.7 - 34.5
    assert _series(page.charts.size_plot, "L (left)") == [34.5]
    assert _series(page.charts.size_plot, "R (right)") == [35.7]
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    page.site.setCurrentText("Neck")  # a site the user adds
    type_into(qtbot, page.left, "38")
    qtbot.keyClick(page.left, Qt.Key.Key_Return)
    qtbot.keyClick(page.right, Qt.Key.Key_Return)
    assert page.site.findText("Neck") >= 0


def test_start_up_does_not_import_charts_migrations_or_import_code(
    tmp_path: Path, store: Store, db_path: Path, profile: Profile
) -> None:
    store.close()  # an existing, current database, as on every start after the first
    heavy = (
        "pyqtgraph",
        "alembic",
        "evenside.interchange.importers",
        "evenside.services.transfer",
        "PySide6.QtPrintSupport",
    )
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from evenside.gui.app import application\n"
        "from evenside.gui.main_window import MainWindow\n"
        "from evenside.services.store import open_store\n"
        "app = application()\n"
        f"window = MainWindow(open_store(Path({str(db_path)!r})))\n"
        "window.show()\n"
        "app.processEvents()\n"
        f"print('loaded', sorted(m for m in {heavy!r} if m in sys.modules))\n"
        "window.go_to('Progress')\n"
        "print('after', 'pyqtgraph' in sys.modules)\n"
        "window.deleteLater(); app.processEvents()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "loaded []" in result.stdout, result.stdout
    assert "after True" in result.stdout


def test_hovering_a_point_shows_its_date_and_values(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    plot = page.charts.strength_plot
    label = page.charts.strength_hover.text
    assert not label.isVisible()
    # The last session, 8 days before the clock's 2 November 2026: left 25 kg x 8,
    # right 26 kg x 8; Brzycki e1RM 25 * 36 / 29 = 31.03 and 26 * 36 / 29 = 32.28.
    last = plot.plotItem.listDataItems()[0].getData()
    point = plot.getViewBox().mapViewToScene(QPointF(last[0][-1], last[1][-1]))
    where = plot.mapFromScene(point)
    qtbot.mouseMove(plot.viewport(), QPoint(where.x() - 40, where.y()))
    qtbot.mouseMove(plot.viewport(), where)
    qtbot.waitUntil(lambda: label.scene() is plot.scene() and label.isVisible())
    assert label.toPlainText() == "2026-10-25\nL 31.0   R 32.3"


def test_a_mouse_move_arriving_after_the_chart_is_gone_is_ignored(qtbot: QtBot) -> None:
    """The hover's rate limiter hands a move over up to 1/30 s late; by then the page may
    have thrown the chart away (the error a user saw as a crash dialog)."""
    import shiboken6

    from evenside.gui.charts.plots import HoverLabel, make_plot

    plot = make_plot("Strength", "kg")
    hover = HoverLabel(plot, lambda i: f"point {i}")
    hover.set_xs([1.0, 2.0])
    shiboken6.delete(plot.plotItem)  # as a page's redraw or close does
    hover._moved((QPointF(5, 5),))  # no exception: the move is dropped
