"""Routines -> Print sheet -> Preview: the preview opens, paints the sheet and closes
without taking the program down (the preview dialog only borrows its printer)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from evenside.domain.profile import Profile
from evenside.gui.dialogs.sheet_dialog import SheetDialog
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.routines import RoutinesPage
from evenside.services.store import Store


def _open_dialog(qtbot: QtBot, page: RoutinesPage) -> SheetDialog:
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SheetDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SheetDialog)
    return dialog


def test_preview_paints_the_sheet_and_closes_twice(
    qtbot: QtBot,
    store: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A build that still opened these with exec() would block here: open them the same
    # non-blocking way so such a build fails the test rather than hangs it.
    monkeypatch.setattr(SheetDialog, "exec", SheetDialog.open)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", QPrintPreviewDialog.open)
    window = make_window(store)
    page = window.go_to("Routines")
    assert isinstance(page, RoutinesPage)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legs", True))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.add_box.setFocus()
    qtbot.keyClicks(page.add_box, "bulgarian split squat")
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)

    dialog = _open_dialog(qtbot, page)
    painted: list[int] = []
    for _attempt in range(2):  # a second preview must not reuse a freed printer either
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog))
        preview = QApplication.activeModalWidget()
        assert isinstance(preview, QPrintPreviewDialog)
        preview.paintRequested.connect(lambda printer: painted.append(1))
        view = preview.findChild(QPrintPreviewWidget)
        assert view is not None
        view.updatePreview()  # paint again through the dialog's own printer
        qtbot.waitUntil(lambda shown=view: shown.pageCount() == 1)
        qtbot.keyClick(preview, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    assert len(painted) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.isVisible()
