"""The main window on a studio server: File → Connect to a studio server… and the status
bar's studio label (the connection itself: ``studio_connect``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from evenside.gui import studio_connect, studio_offline
from evenside.gui.studio_status import StudioStatus
from evenside.services import studio_link

if TYPE_CHECKING:
    from evenside.gui.main_window import MainWindow
    from evenside.services.store import Store

CONNECT_TEXT = "&Connect to a studio server…"
NOT_SENT_TEXT = "Sets &not sent…"


def install_menu(window: MainWindow) -> None:
    """Add File → Connect to a studio server… (above Quit)."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    quit_action = file_menu.actions()[-1]
    action = file_menu.addAction(CONNECT_TEXT)
    action.setObjectName(studio_offline.CONNECT_NAME)  # works while the window waits
    file_menu.insertAction(quit_action, action)
    file_menu.insertSeparator(quit_action)
    action.triggered.connect(lambda: show_connect_dialog(window))
    not_sent = file_menu.addAction(NOT_SENT_TEXT)
    file_menu.insertAction(action, not_sent)
    not_sent.triggered.connect(lambda: show_not_sent(window))


def show_not_sent(window: MainWindow) -> object | None:
    """File → Sets not sent…: the sets the server refused, kept on this laptop."""
    from evenside.gui.dialogs.not_sent import NotSentDialog

    profile = getattr(window, "_profile", None)
    store = getattr(window, "store", None)
    if profile is None or store is None or store.server is None:
        window.statusBar().showMessage("Sets not sent are kept only for a studio server.", 8000)
        return None
    dialog = NotSentDialog(store, profile, window)
    dialog.open()
    return dialog


def show_connect_dialog(window: MainWindow) -> object:
    from evenside.gui.dialogs.connect import ConnectDialog

    dialog = ConnectDialog(window)
    dialog.connected.connect(lambda store: switch_to(window, store))
    dialog.open()
    return dialog


def attach_status(window: MainWindow) -> StudioStatus | None:
    """The status bar's studio label, when the window's data is on a server."""
    old = getattr(window, "studio_status", None)
    if isinstance(old, StudioStatus):
        old.stop()
        window.statusBar().removeWidget(old.label)
        old.deleteLater()
    window.studio_status = None  # type: ignore[attr-defined]
    if window.store.server is None:
        return None
    status = StudioStatus(window, window.store, window.hub, lambda: _profile_id(window))
    window.studio_status = status  # type: ignore[attr-defined]
    return status


def switch_to(window: MainWindow, store: Store) -> None:
    """Show ``store`` (just opened on a server) in ``window`` instead of its database (or
    of the offline page, when the window's own server could not be reached)."""
    old = getattr(window, "store", None)
    status = getattr(window, "studio_status", None)
    if isinstance(status, StudioStatus):
        status.stop()  # it reads the old store
    studio_connect.leave(window)  # an attempt at start-up, now not needed
    studio_offline.leave(window)
    window.attach(store)
    if old is not None:
        old.close()
    attach_status(window)


def _profile_id(window: MainWindow) -> int | None:
    profile = getattr(window, "_profile", None)
    return None if profile is None else int(profile.id)


def stop(window: MainWindow) -> None:
    """Stop looking at the server and close the outboxes (before the store is closed); a
    connection under way is not waited for."""
    studio_connect.leave(window)
    studio_offline.leave(window)
    status = getattr(window, "studio_status", None)
    if isinstance(status, StudioStatus):
        status.stop()
    studio_link.close_outboxes()


def shown(location: Path | str) -> Path:
    """How a database is named in a message: a server's address without its password."""
    return location if isinstance(location, Path) else Path(studio_link.display_url(location))
