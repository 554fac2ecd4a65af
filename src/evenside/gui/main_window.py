"""The main window: navigation on the left, one page at a time, the current profile on top."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evenside import APP_NAME
from evenside.domain.profile import Profile
from evenside.domain.training import WorkoutSession
from evenside.gui import window_state
from evenside.gui.pages.history import HistoryPage
from evenside.gui.pages.library import LibraryPage
from evenside.gui.pages.measurements import MeasurementsPage
from evenside.gui.pages.progress import ProgressPage
from evenside.gui.pages.routines import RoutinesPage
from evenside.gui.pages.session import SessionPage
from evenside.gui.pages.settings import SettingsPage
from evenside.gui.pages.welcome import WelcomePage
from evenside.services import profiles
from evenside.services.store import Store

PageFactory = Callable[[Store, Profile], QWidget]


@dataclass(frozen=True)
class PageSpec:
    name: str
    factory: PageFactory


PAGES: tuple[PageSpec, ...] = (
    PageSpec("Session", SessionPage),
    PageSpec("History", HistoryPage),
    PageSpec("Progress", ProgressPage),
    PageSpec("Routines", RoutinesPage),
    PageSpec("Library", lambda store, _profile: LibraryPage(store)),
    PageSpec("Measurements", MeasurementsPage),
    PageSpec("Settings", SettingsPage),
)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, open_demo: Callable[[], Store] | None = None) -> None:
        super().__init__()
        self.store = store
        self._open_demo = open_demo
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
        self._profile: Profile | None = None

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
            action.triggered.connect(lambda _=False, n=number - 1: self.nav.setCurrentRow(n))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._show_page)
        if not window_state.restore(self, "main"):
            self.resize(1180, 760)
        self._start()

    # -- profile and pages -------------------------------------------------------------

    def _start(self) -> None:
        profile = profiles.current_profile(self.store)
        if profile is None:
            self._show_welcome()
        else:
            self.set_profile(profile)

    def _show_welcome(self) -> None:
        self.side_panel.hide()
        welcome = WelcomePage(self.store)
        welcome.profile_created.connect(self.set_profile)
        welcome.demo_requested.connect(self.open_demo)
        self.stack.addWidget(welcome)
        self.stack.setCurrentWidget(welcome)
        self.welcome = welcome

    def set_profile(self, profile: Profile) -> None:
        """Show ``profile``'s data on every page (pages are rebuilt, then made lazily)."""
        self._profile = profile
        for page in list(self._pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        while (widget := self.stack.widget(0)) is not None:
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

    def page(self, name: str) -> QWidget:
        """The page called ``name``, made on first use so start-up only pays for what it shows."""
        if self._profile is None:
            raise RuntimeError("no profile yet")
        if name not in self._pages:
            spec = next(s for s in PAGES if s.name == name)
            widget = spec.factory(self.store, self._profile)
            if isinstance(widget, SettingsPage):
                widget.profile_changed.connect(self._profile_changed_later)
            if isinstance(widget, RoutinesPage):
                widget.session_started.connect(self.open_session)
            self._pages[name] = widget
            self.stack.addWidget(widget)
        return self._pages[name]

    def open_session(self, session: WorkoutSession) -> None:
        """Show a session started elsewhere (from a routine day) on the Session page."""
        page = self.go_to("Session")
        if isinstance(page, SessionPage):
            page.open_session(session)
            page.logger.focus_first_field()

    def _profile_changed_later(self, profile: Profile) -> None:
        # The page that asked is rebuilt too, so not from inside its own slot.
        QTimer.singleShot(0, lambda: self.set_profile(profile))

    def _switcher_activated(self, index: int) -> None:
        profile_id = self.profile_switcher.itemData(index)
        if self._profile is not None and profile_id != self._profile.id:
            self.set_profile(profiles.switch_profile(self.store, int(profile_id)))

    def _show_page(self, row: int) -> None:
        if row < 0 or self._profile is None:
            return
        self.stack.setCurrentWidget(self.page(PAGES[row].name))

    def go_to(self, name: str) -> QWidget:
        self.nav.setCurrentRow(next(i for i, s in enumerate(PAGES) if s.name == name))
        return self.page(name)

    def open_demo(self) -> None:
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
        window_state.save(self, "main")
        super().closeEvent(event)
