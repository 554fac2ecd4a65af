"""Window geometry and splitter positions: kept in QSettings, apart from user settings."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from evenside.paths import APP_DIR_NAME


def _settings() -> QSettings:
    folder = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    return QSettings(str(folder / "window-state.ini"), QSettings.Format.IniFormat)


def restore(widget: QWidget, key: str) -> bool:
    value = _settings().value(f"{key}/geometry")
    return isinstance(value, QByteArray) and widget.restoreGeometry(value)


def save(widget: QWidget, key: str) -> None:
    settings = _settings()
    settings.setValue(f"{key}/geometry", widget.saveGeometry())
    settings.sync()


def restore_splitter(splitter: QSplitter, key: str) -> None:
    value = _settings().value(f"{key}/splitter")
    if isinstance(value, QByteArray):
        splitter.restoreState(value)


def save_splitter(splitter: QSplitter, key: str) -> None:
    settings = _settings()
    settings.setValue(f"{key}/splitter", splitter.saveState())
    settings.sync()
