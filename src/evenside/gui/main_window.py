"""The main window: navigation on the left, one page at a time, the current profile on top."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evenside import APP_NAME
from evenside.domain.errors import EvensideError
from evenside.domain.wording import counted
from evenside.gui import window_state, worker
from evenside.gui.accessibility import name_controls
from evenside.gui.changes import ChangeHub
from evenside.gui.exercise_history import install_history_key
from evenside.gui.page_registry import PAGES
from evenside.gui.widgets.rest_timer import RestState, carry_on_rest, running_rest

if TYPE_CHECKING:  # annotations only: the domain's modules load with the data
    from evenside.domain.profile import Profile
    from evenside.domain.training import WorkoutSession
    from evenside.gui.dialogs.import_dialog import ImportDialog
    from evenside.services.store import Store


class MainWindow(QMainWindow):
    store: Store  # set at once, or by attach() when the data is opened after the first paint

    def __init__(
        self,
        store: Store | None,
        open_demo: Callable[[], Store] | None = None,
        *,
        defer_first_page: bool = False,
    ) -> None:
        super().__init__()
        if store is not None:
            self.store = store
        self._open_demo = open_demo
        self.hub = ChangeHub(self)  # every page's writes, undos and redos pass through it
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.profile_label = QLabel()
        self.profile_label.setTextFormat(Qt.TextFormat.RichText)
        self.profile_switcher = QComboBox()
        self.profile_switcher.setToolTip("Switch profile: every page shows this profile's data")
        self.profile_switcher.activated.connect(self._switcher_activated)
        self._pages: dict[str, QWidget] = {}
        self.closing_unasked = False  # set when the system ends the program: no questions
        self._profile: Profile | None = None
        self._rest: RestState | None = None  # a running rest outlives a Settings save

        self.side_panel = side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 0, 8)
        side_layout.addWidget(self.profile_switcher)
        side_layout.addWidget(self.profile_label)
        side_layout.addWidget(self.nav)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(spec.name)
            item.setSizeHint(QSize(150, 32))
            self.nav.addItem(item)
            action = QAction(f"Go to {spec.name}", self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, n=number - 1: self._go_by_key(n))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._show_page)
        install_history_key(self)
        self._build_menu()
        if not window_state.restore(self, "main"):
            self.resize(1180, 760)
        if store is None:
            return  # the application opens the data after the first paint: see attach()
        if defer_first_page:
            QTimer.singleShot(0, self._start)  # paint the frame first, then build the page
        else:
            self._start()

    def attach(self, store: Store) -> None:
        """Show ``store``'s data in a window that was shown before the data was opened."""
        self.store = store
        self._start()

    def _start(self) -> None:
        from evenside.services import profiles

        if (profile := profiles.current_profile(self.store)) is None:
            self._show_welcome()
        else:
            self.set_profile(profile)

    def _show_welcome(self) -> None:
        from evenside.gui.pages.welcome import WelcomePage

        self.side_panel.hide()
        welcome = WelcomePage(self.store)
        welcome.profile_created.connect(self.set_profile)
        welcome.demo_requested.connect(self.open_demo)
        self.stack.addWidget(welcome)
        self.stack.setCurrentWidget(welcome)
        self.welcome = welcome
        welcome.name.setFocus()  # type the name at once (the switcher beside it is hidden)

    def set_profile(self, profile: Profile) -> None:
        """Show ``profile``'s data on every page (pages are rebuilt, then made lazily)."""
        from evenside.services import profiles

        self._rest = running_rest(self._pages.get("Session"), profile.id)
        self._profile = profile
        profiles.show_weights_to(self.store, profile.id)  # every page made from now on
        focus = QApplication.focusWidget()
        focus_was_in_a_page = focus is None or self.stack.isAncestorOf(focus)
        self._pages.clear()
        while (widget := self.stack.widget(0)) is not None:  # the pages, and any welcome
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.side_panel.show()
        self.profile_switcher.blockSignals(True)
        self.profile_switcher.clear()
        for other in profiles.list_profiles(self.store):
            self.profile_switcher.addItem(other.name, other.id)
        self.profile_switcher.setCurrentIndex(self.profile_switcher.findData(profile.id))
        self.profile_switcher.blockSignals(False)
        dominant = profile.dominant.label.lower()
        self.profile_label.setText(f"<small>{profile.unit.value} · {dominant}-handed</small>")
        self.setWindowTitle(f"{APP_NAME} – {profile.name}")
        current = max(0, self.nav.currentRow())
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(current)
        self.nav.blockSignals(False)
        self._show_page(current)
        if focus_was_in_a_page:  # that page is gone: keys go to its replacement
            self.focus_page()

    def _go_by_key(self, row: int) -> None:
        self.nav.setCurrentRow(row)  # Ctrl+1 … Ctrl+8; a page may say where the keys go
        if callable(take := getattr(self.stack.currentWidget(), "take_focus", None)):
            take()

    def focus_page(self) -> None:
        """Give the keyboard to the page shown, at the control it starts with."""
        page = self.stack.currentWidget()
        if page is None:
            return
        take_focus = getattr(page, "take_focus", None)
        if callable(take_focus):
            take_focus()
        else:
            page.setFocus()  # its shortcuts work, and Tab walks into it

    def page(self, name: str) -> QWidget:
        """The page called ``name``, made on first use so start-up only pays for what it shows."""
        if self._profile is None:
            raise RuntimeError("no profile yet")
        if name not in self._pages:
            spec = next(s for s in PAGES if s.name == name)
            widget = spec.factory(self.store, self._profile, self.hub)
            self._connect_page(name, widget)
            carry_on_rest(widget, self._rest if name == "Session" else None)
            name_controls(widget)
            self._pages[name] = widget
            self.stack.addWidget(widget)
        return self._pages[name]

    # -- File menu: import, export, backups ----------------------------------------------

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self.import_action = menu.addAction("&Import history…", self.import_history)
        self.export_action = menu.addAction(
            "&Export (Evenside CSV)…", lambda: self.export_history("evenside")
        )
        menu.addAction("Export for &Strong and others…", lambda: self.export_history("strong"))
        menu.addSeparator()
        menu.addAction("&Back up now", self.back_up_now)
        menu.addAction("&Restore from backup…", self.restore_backup)
        menu.addSeparator()
        menu.addAction("&Quit", QKeySequence(QKeySequence.StandardKey.Quit), self.close)

    def import_history(self, path: Path | None = None) -> ImportDialog | None:
        from evenside.gui.dialogs.import_dialog import ImportDialog

        if self._profile is None:
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, "Import history", str(Path.home()), "CSV exports (*.csv *.txt);;All files (*)"
            )
            if not name:
                return None
            path = Path(name)
        dialog = ImportDialog(self.store, self._profile.id, path, self)
        dialog.imported.connect(lambda _result: self._profile_changed_later(self._profile))
        dialog.setModal(True)
        dialog.show()
        self.import_dialog = dialog
        return dialog

    def export_history(self, kind: str, path: Path | None = None) -> worker.Job | None:
        if self._profile is None:
            return None
        if path is None:
            default = str(Path.home() / f"evenside-{kind}.csv")
            name, _ = QFileDialog.getSaveFileName(self, "Export history", default, "CSV (*.csv)")
            if not name:
                return None
            path = Path(name)
        from evenside.services import transfer

        store, profile = self.store, self._profile
        target = path

        def work(_job: worker.Job) -> int:
            if kind == "strong":
                return transfer.export_strong(store, profile.id, target, profile.unit)
            return transfer.export_evenside(store, profile.id, target)

        return worker.start(
            work,
            finished=lambda count: self.statusBar().showMessage(
                f"Exported {counted(count, 'set')} to {target}", 8000
            ),
            failed=self._job_failed,
        )

    def _job_failed(self, exc: Exception) -> None:
        text = str(exc) if isinstance(exc, EvensideError) else repr(exc)
        QMessageBox.warning(self, "Not done", text)

    def back_up_now(self) -> worker.Job:
        """Copy the database to its backups folder, off the GUI thread."""
        from evenside.services import backups

        store = self.store
        self.statusBar().showMessage("Backing up…")
        return worker.start(
            lambda _job: backups.back_up(store),
            finished=lambda path: self.statusBar().showMessage(f"Backed up to {path}", 8000),
            failed=self._job_failed,
        )

    def restore_backup(self, path: Path | None = None) -> worker.Job | None:
        """Replace the database with a backup the user picked and confirmed: copied off the GUI
        thread under the window's claim on the file, the window disabled, pages rebuilt."""
        from evenside.services import backups

        if path is None:
            from evenside.gui.dialogs.restore_choice import ask_backup_to_restore

            path = ask_backup_to_restore(self, backups.backups_folder(self.store.path))
            if path is None:
                return None
        chosen = path
        self.setEnabled(False)
        self.statusBar().showMessage(f"Restoring {chosen.name}…")
        return worker.start(
            lambda _job: backups.restore(self.store, chosen),
            finished=lambda result: self._restored(chosen, *result),
            failed=self._restore_failed,
        )

    def _restored(self, chosen: Path, restored: Store, safety: Path) -> None:
        from evenside.services import profiles

        self.store = restored
        self.setEnabled(True)
        profile = profiles.current_profile(self.store)
        if profile is not None:
            self.set_profile(profile)
        self.statusBar().showMessage(
            f"Restored {chosen.name}; the previous state is in {safety}", 12000
        )

    def _restore_failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        self.statusBar().clearMessage()
        self._job_failed(exc)

    def bring_to_front(self) -> None:
        """Another launch on this database asked for this window."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage("Evenside is already open on this database.", 5000)

    def open_session(self, session: WorkoutSession) -> None:
        """Show a session started elsewhere (from a routine day) on the Session page."""
        from evenside.gui.pages.session import SessionPage

        page = self.go_to("Session")
        if isinstance(page, SessionPage):
            page.open_session(session)
            page.entry_panel.focus_first_field()

    def _profile_changed_later(self, profile: Profile) -> None:
        # The page that asked is rebuilt too, so not from inside its own slot.
        QTimer.singleShot(0, lambda: self.set_profile(profile))

    def _switcher_activated(self, index: int) -> None:
        from evenside.services import profiles

        profile_id = self.profile_switcher.itemData(index)
        if self._profile is not None and profile_id != self._profile.id:
            self.set_profile(profiles.switch_profile(self.store, int(profile_id)))

    def _connect_page(self, name: str, widget: QWidget) -> None:
        # Each module is loaded by now (its factory just ran), so importing it is free.
        if name == "Settings":
            from evenside.gui.pages.settings import SettingsPage

            assert isinstance(widget, SettingsPage)
            widget.profile_changed.connect(self._profile_changed_later)
        elif name == "Routines":
            from evenside.gui.pages.routines import RoutinesPage

            assert isinstance(widget, RoutinesPage)
            widget.session_started.connect(self.open_session)
        elif name in ("Progress", "Library"):  # "History of this exercise"
            asked = widget.exercise_history_requested  # type: ignore[attr-defined]
            asked.connect(lambda i, n: self.go_to("History").show_exercise(i, n))  # type: ignore[attr-defined]

    def _show_page(self, row: int) -> None:
        if row < 0 or self._profile is None:
            return
        leaving = self.stack.currentWidget()
        if leaving is not self._pages.get(PAGES[row].name) and not self.may_leave_page():
            self.nav.blockSignals(True)  # stay, and show where we stayed
            self.nav.setCurrentRow(
                next(i for i, s in enumerate(PAGES) if self._pages.get(s.name) is leaving)
            )
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.page(PAGES[row].name))

    def may_leave_page(self) -> bool:
        """A page with unsaved changes (Settings) asks before it is left."""
        may_leave = getattr(self.stack.currentWidget(), "may_leave", None)
        return not callable(may_leave) or bool(may_leave())

    def go_to(self, name: str) -> QWidget:
        self.nav.setCurrentRow(next(i for i, s in enumerate(PAGES) if s.name == name))
        return self.page(name)

    def open_demo(self) -> None:
        from evenside.services import profiles

        if self._open_demo is None:
            return
        new_store = self._open_demo()
        old = self.store
        self.store = new_store
        old.close()
        profile = profiles.current_profile(new_store)
        if profile is not None:
            self.set_profile(profile)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.closing_unasked and not self.may_leave_page():
            event.ignore()
            return
        window_state.save(self, "main")
        if self._profile is not None and self.store.server is None:  # a server backs itself up
            from evenside.services import backups, profiles

            self.hide()  # gone at once; the daily copy finishes behind it, nothing frozen on screen
            try:
                keep = profiles.settings(self.store, self._profile.id).backups_to_keep
                backups.auto_backup(self.store, keep)  # at most once a day
            except EvensideError as exc:
                print(f"evenside: automatic backup failed: {exc}", file=sys.stderr)
        super().closeEvent(event)
