"""Progress page on a known dataset: the plotted points equal the domain calculations,
range presets change what is shown, the overview is ordered and opens the right exercise,
exports are valid; Measurements takes per-side entries."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from session_helpers import seed_past_session, type_into

from evenside.domain.asymmetry import percentage_difference
from evenside.domain.e1rm import estimate_one_rep_max
from evenside.domain.muscles import MuscleGroup, pair_balances
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


def test_plotted_points_equal_the_domain_calculations(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    charts = page.charts
    left = [estimate_one_rep_max(lw, lr) for (lw, lr), _ in ROWS]
    right = [estimate_one_rep_max(rw, rr) for _, (rw, rr) in ROWS]
    # Plotted in the profile's unit, rounded to 0.001 like every displayed weight.
    assert _series(charts.strength_plot, "L (left)") == pytest.approx(left, abs=1e-3)
    assert _series(charts.strength_plot, "R (right)") == pytest.approx(right, abs=1e-3)
    gaps = [percentage_difference(a or 0, b or 0) for a, b in zip(left, right, strict=True)]
    assert _series(charts.asymmetry_plot, "L weaker") == pytest.approx(
        [g.percent for g in gaps if g]
    )
    volume_rows = charts.volume_model._rows
    expected_left = [lw * lr + lw * (lr - 1) for (lw, lr), _ in ROWS]
    assert [float(r[1]) for r in volume_rows] == pytest.approx(expected_left)
    assert "e1RM (Brzycki, kg)" in page.chart_header.text()
    # Hovering shows the exact values and the date of the nearest session.
    last_x = charts.strength_hover.xs[-1]
    text = charts.strength_hover.show_at(last_x + 3600)
    assert (
        text
        == f"{charts.strength_model.row_at(len(ROWS) - 1)[0]}\nL {left[-1]:.1f}   R {right[-1]:.1f}"
    )
    assert charts.strength_hover.text.isVisible()
    assert len(charts.strength_model._rows) == len(ROWS)


def test_range_presets_change_the_points_shown(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    assert len(_series(page.charts.strength_plot, "L (left)")) == 5
    four_weeks = next(b for b in page.range_buttons.buttons() if b.text() == "4 weeks")
    qtbot.mouseClick(four_weeks, Qt.MouseButton.LeftButton)
    shown = _series(page.charts.strength_plot, "L (left)")
    assert 0 < len(shown) < 5
    assert shown == pytest.approx(
        [estimate_one_rep_max(lw, lr) for (lw, lr), _ in ROWS[-len(shown) :]], abs=1e-3
    )
    assert "last 4 weeks" in page.chart_header.text()


def test_overview_is_ordered_and_opens_the_right_exercise(
    qtbot: QtBot,
    qtmodeltester: object,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _progress(make_window(store))
    page.tabs.setCurrentIndex(1)
    rows = page.overview_model._rows
    percents = [float(r[1].rstrip(" %")) for r in rows]
    assert percents == sorted(percents, reverse=True)
    assert [r[0] for r in rows] == ["One-arm dumbbell row", "Bulgarian split squat"]
    assert rows[0][2] == "L" and rows[1][2] == "R"
    assert rows[0][3].startswith("closing")
    qtmodeltester.check(page.overview_model)  # type: ignore[attr-defined]
    table = page.overview_table
    rect = table.visualRect(page.overview_model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tabs.currentIndex() == 0
    assert "Bulgarian split squat" in page.chart_header.text()
    assert _series(page.charts.asymmetry_plot, "R weaker")


def test_opposing_balance_ratios(
    qtbot: QtBot, store: Store, known: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    page = _progress(make_window(store))
    weeks = page.balance.weeks
    assert weeks
    # Week one: one-arm rows, 2 pairs of sets: upper back and lats 2 sets, biceps and
    # rear delts (secondary) 1 set each.
    first = {b.pair.key: b for b in weeks[0].pairs}
    expected = {
        b.pair.key: b
        for b in pair_balances(
            {
                MuscleGroup.UPPER_BACK: 2.0,
                MuscleGroup.LATS: 2.0,
                MuscleGroup.BICEPS: 1.0,
                MuscleGroup.REAR_DELTS: 1.0,
            },
            {},
        )
    }
    assert first["chest_upper_back"] == expected["chest_upper_back"]
    assert first["chest_upper_back"].ratio == 0.0
    assert first["front_rear_delts"].second_sets == 1.0
    rows = page.balance.model._rows
    assert rows[0][0] == "Chest : upper back" and rows[0][4] == "upper back-heavy"


def test_exported_png_and_csv_are_valid(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    known: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page = _progress(make_window(store))
    _open(page, "One-arm dumbbell row")
    png = tmp_path / "chart.png"
    assert page.export_png(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300 and image.height() > 300
    target = tmp_path / "series.csv"
    assert page.export_csv(target) == len(ROWS)
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [float(r["left"]) for r in rows] == pytest.approx(
        [round(estimate_one_rep_max(lw, lr) or 0, 2) for (lw, lr), _ in ROWS]
    )
    assert {r["weaker_side"] for r in rows} == {"left"}
    assert rows[0]["within_noise"] == ""  # unknown after one session
    for model in (
        page.charts.strength_model,
        page.charts.asymmetry_model,
        page.charts.volume_model,
    ):
        assert model.rowCount() > 0


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
    assert page.model._rows[0][1:] == ("34.5", "35.7", "L smaller, 1.2")
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
