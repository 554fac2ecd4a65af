"""The balance checker beside a routine: Apply fix shows what the fix changes first and
applies it only when it adds no finding; Fix all applies such fixes until none is left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.dialogs.fix_preview import FixPreviewDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.routines import RoutinesPage
from evenside.services import library, routines
from evenside.services.store import Store


def _made(store: Store, profile: Profile, items: list[tuple[str, int]]) -> int:
    ids = {e.name: e.id for e in library.all_exercises(store)}
    routine = routines.create_routine(store, profile.id, "Test", "A")
    for name, sets in items:
        routines.add_item(store, routine.days[0].id, ids[name], sets)
    return routine.id


def _page(window: MainWindow) -> RoutinesPage:
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    return page


def _dialog(qtbot: QtBot, page: RoutinesPage, words: str) -> FixPreviewDialog:
    button = next(b for b in page.findings.buttons if words in b.toolTip())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.fix_dialog
    assert isinstance(dialog, FixPreviewDialog) and dialog.isVisible()
    return dialog


def test_apply_fix_previews_then_applies(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    """Chest 6 against upper back 4: two more sets of the one-arm row (the rows have room)."""
    routine_id = _made(
        store,
        profile,
        [("Bench press", 3), ("Push-up", 3), ("One-arm dumbbell row", 2),
         ("Seated cable row", 2), ("Bird dog", 2)],
    )  # fmt: skip
    page = _page(make_window(store))
    dialog = _dialog(qtbot, page, "2 set(s) of One-arm dumbbell row")
    assert "Resolves" in dialog.text.text() and "Chest 6 vs upper back 4" in dialog.text.text()
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    items = routines.get_routine(store, routine_id).days[0].items
    assert [i.target_sets for i in items] == [3, 3, 4, 2, 2]
    assert not any("One-arm dumbbell row" in b.toolTip() for b in page.findings.buttons[:1])


def test_a_fix_that_would_add_findings_cannot_be_applied(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    routine_id = _made(store, profile, [("Cable external rotation", 3), ("Bird dog", 2)])
    before = routines.get_routine(store, routine_id)
    page = _page(make_window(store))
    dialog = _dialog(qtbot, page, "Cable internal rotation")
    assert "Not applied:</b> the fix would add" in dialog.text.text()
    assert not dialog.apply_button.isEnabled()
    dialog.reject()
    assert routines.get_routine(store, routine_id) == before


def test_fix_all_says_what_it_did(
    qtbot: QtBot, store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> None:
    _made(store, profile, [("Bench press", 3), ("Push-up", 3), ("One-arm dumbbell row", 2)])
    page = _page(make_window(store))
    before = len(page.findings.buttons)
    qtbot.mouseClick(page.findings.fix_all_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("Fix all: ")
    assert len(page.findings.buttons) < before
