"""The pages of the main window, in navigation order, each made on first use.

Every page gets the window's change hub: what one page writes, the others see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import QWidget

from evenside.gui.changes import ChangeHub

if TYPE_CHECKING:
    from evenside.domain.profile import Profile
    from evenside.services.store import Store

PageFactory: TypeAlias = "Callable[[Store, Profile, ChangeHub], QWidget]"


@dataclass(frozen=True)
class PageSpec:
    name: str
    factory: PageFactory


def _session(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.session import SessionPage

    return SessionPage(store, profile, hub=hub)


# The other pages are imported the first time they are opened: start-up pays only for the
# Session page it shows.
def _history(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.history import HistoryPage

    return HistoryPage(store, profile, hub=hub)


def _progress(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.progress import ProgressPage

    return ProgressPage(store, profile, hub=hub)


def _routines(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.routines import RoutinesPage

    return RoutinesPage(store, profile, hub=hub)


def _library(store: Store, _profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.library import LibraryPage

    return LibraryPage(store, hub=hub)


def _measurements(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.measurements import MeasurementsPage

    return MeasurementsPage(store, profile, hub=hub)


def _assessments(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.assessments import AssessmentsPage

    return AssessmentsPage(store, profile, hub=hub)


def _settings(store: Store, profile: Profile, hub: ChangeHub) -> QWidget:
    from evenside.gui.pages.settings import SettingsPage

    return SettingsPage(store, profile, hub=hub)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("Session", _session),
    PageSpec("History", _history),
    PageSpec("Progress", _progress),
    PageSpec("Routines", _routines),
    PageSpec("Library", _library),
    PageSpec("Measurements", _measurements),
    PageSpec("Assessments", _assessments),
    PageSpec("Settings", _settings),
)
