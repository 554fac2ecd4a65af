"""Application set-up: QApplication, opening the database, the main window."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from evenside import APP_ID, APP_NAME, __version__
from evenside.domain.errors import EvensideError
from evenside.gui.crash import (
    install_crash_handler,
    install_early_crash_hook,
    known_open_error,
)
from evenside.gui.main_window import MainWindow
from evenside.gui.system_signals import SystemSignals
from evenside.paths import demo_database, log_dir
from evenside.resources_locator import resource

if TYPE_CHECKING:
    from evenside.services.store import Store

EXIT_WHEN_READY = "EVENSIDE_EXIT_WHEN_READY"
EXIT_CANNOT_OPEN = 2


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource("icons", f"evenside-{size}.png")), QSize(size, size))
    return icon


def open_demo_store() -> Store:
    """The separate demo database, made on first use."""
    from evenside.services.demo import fill_demo
    from evenside.services.store import open_store

    path = demo_database()
    fresh = not path.exists()
    store = open_store(path)
    if fresh:
        fill_demo(store)
    return store


def open_error_box(exc: EvensideError, on_server: bool = False) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME} cannot open the database", str(exc))
    box.setInformativeText(
        "Nothing on the server was changed." if on_server else "The file was not changed."
    )
    return box


def report_open_error(exc: EvensideError, on_server: bool = False) -> None:
    """One line on stderr always; a dialog too where someone can see it (not offscreen).
    Either way the caller then ends the program with a non-zero status."""
    print(f"evenside: {exc}", file=sys.stderr)
    if QApplication.platformName() != "offscreen":
        open_error_box(exc, on_server).exec()


def run(path: Path | str) -> int:
    """Show the window first, then open the data on the next turn of the event loop, so
    the first paint does not wait for the database layer to load. ``path`` may be a
    studio server's address: a server is shared by design, so it is not claimed."""
    app = application()
    install_early_crash_hook(log_dir())  # sets nothing up until an error comes
    window = MainWindow(None, open_demo=open_demo_store)
    signals = SystemSignals(lambda _number: _close_for_the_system(app, window))
    window.show()
    app.processEvents()  # paint the frame now: a zero timer would run before the paint
    # After the paint: the studio menu items (their module brings the storage layer), the
    # full crash handler, then one window per file (a second launch raises the first
    # window and leaves before opening anything), then the data.
    from evenside.gui import studio_window

    studio_window.install_menu(window)
    install_crash_handler(log_dir())
    from evenside.gui.single_instance import SingleInstance

    instance = SingleInstance(path) if isinstance(path, Path) else None  # a server is shared
    if instance is not None and not instance.claim():
        window.hide()
        print(
            f"evenside: {path} is already open; brought its window to the front.", file=sys.stderr
        )
        signals.uninstall()
        return 0
    if instance is not None:
        instance.raise_requested.connect(window.bring_to_front)
    QTimer.singleShot(0, lambda shown=window: open_data(app, shown, path))
    code = app.exec()
    signals.uninstall()
    studio_window.stop(window)  # each set in the outbox is already on disk
    if getattr(window, "store", None) is not None:
        window.store.close()
    # Delete the widgets (charts included) while Qt is still up rather than leave them to
    # the interpreter's final garbage collection.
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    return code


def _close_for_the_system(app: QApplication, window: MainWindow) -> None:
    """The system asked the program to end (SIGTERM, SIGINT): close the window the normal
    way (daily backup, window state) without asking anything, then leave the event loop
    even if a dialog is still open."""
    window.closing_unasked = True
    window.close()
    app.quit()


def open_data(app: QApplication, window: MainWindow, path: Path | str) -> None:
    """Open ``path`` and show it in ``window``. A studio server is opened off the GUI
    thread, the window showing "Connecting to <server>…" meanwhile; one that cannot be
    reached opens the offline page instead, which calls this again once the server
    answers. Any other failure ends the program (see ``report_open_error``)."""
    from evenside.services.store import open_store

    if isinstance(path, str):
        _connect(app, window, path)
        return
    try:
        store = open_store(path, exclusive=True)
    except Exception as exc:  # noqa: BLE001 - every failure here ends the program, see above
        _cannot_open(app, window, path, exc)
        return
    _show_data(app, window, store)


def _show_data(app: QApplication, window: MainWindow, store: Store) -> None:
    from evenside.gui import studio_offline, studio_window

    studio_offline.leave(window)
    window.attach(store)
    studio_window.attach_status(window)
    _ready(app)


PASSWORD_TRIES = 3  # then the offline page, whose Try now asks again


def _server_failed(
    app: QApplication, window: MainWindow, url: str, exc: Exception, tries: int = 0
) -> None:
    """The server at ``url`` was not opened: wait for it when it cannot be reached; ask
    for a password it wants or refused (again, saying so, up to ``PASSWORD_TRIES``), the
    window showing the offline page when the prompt is cancelled; end the program for
    anything else (a newer schema, another program's database)."""
    from evenside.gui import studio_connect
    from evenside.services import studio_link

    if studio_link.unreachable(exc):
        _wait_for(app, window, url, exc, True)
        return
    if not studio_link.refused_login(exc):
        _cannot_open(app, window, url, exc)
        return
    password = None
    if tries < PASSWORD_TRIES:
        password = studio_connect.ask_password(url, "" if tries == 0 else str(exc))
    if password is None:  # cancelled, or tried enough: the window stays, on the offline page
        _wait_for(app, window, url, exc, False)
        return
    _connect(app, window, url, password, tries + 1)


def _connect(
    app: QApplication, window: MainWindow, url: str, password: str = "", tries: int = 0
) -> None:
    from evenside.gui import studio_connect

    studio_connect.connect_window(
        window,
        url,
        password=password,
        opened=lambda store: _show_data(app, window, store),
        failed=lambda exc: _server_failed(app, window, url, exc, tries),
        cancelled=lambda: _wait_for(app, window, url, "the connection was cancelled.", False),
    )


def _wait_for(
    app: QApplication, window: MainWindow, url: str, why: Exception | str, again: bool
) -> None:
    from evenside.gui import studio_offline

    if studio_offline.current(window) is None and again:
        print(f"evenside: {why}; the window waits for it.", file=sys.stderr)
    studio_offline.wait_for_server(window, url, why, lambda: open_data(app, window, url), again)
    _ready(app)


def _cannot_open(app: QApplication, window: MainWindow, path: Path | str, exc: Exception) -> None:
    from evenside.gui import studio_window

    window.hide()
    report_open_error(known_open_error(exc, studio_window.shown(path)), isinstance(path, str))
    app.exit(EXIT_CANNOT_OPEN)


def _ready(app: QApplication) -> None:
    if os.environ.get(EXIT_WHEN_READY):
        # Benchmarks: quit as soon as the first screen is ready for input.
        print(f"ready {time.time():.6f}", flush=True)
        app.quit()
