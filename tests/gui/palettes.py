"""Palettes the screenshots are taken in: the light default, a dark desktop theme and a
high-contrast one (white on black), set on the whole application as a desktop would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: "#2b2b2b",
        Role.WindowText: "#e8e8e8",
        Role.Base: "#1e1e1e",
        Role.AlternateBase: "#2f2f2f",
        Role.Text: "#e8e8e8",
        Role.Button: "#353535",
        Role.ButtonText: "#e8e8e8",
        Role.Highlight: "#2a82da",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#353535",
        Role.ToolTipText: "#e8e8e8",
        Role.PlaceholderText: "#9a9a9a",
        Role.Link: "#6cb4ff",
        Role.Mid: "#a0a0a0",
        Role.Light: "#505050",
        Role.Dark: "#151515",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    _greyed(palette, "#7a7a7a")
    return palette


def _greyed(palette: QPalette, colour: str) -> None:
    """Disabled controls read as disabled: their text greyed."""
    for role in (Role.ButtonText, Role.WindowText, Role.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a",
        Role.Text: "#ffffff",
        Role.Button: "#000000",
        Role.ButtonText: "#ffff00",
        Role.Highlight: "#00ffff",
        Role.HighlightedText: "#000000",
        Role.PlaceholderText: "#d0d0d0",
        Role.Link: "#ffff00",
        Role.Mid: "#e0e0e0",
        Role.Midlight: "#ffffff",
        Role.Shadow: "#ffffff",
        Role.Light: "#ffffff",
        Role.Dark: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    _greyed(palette, "#a0a0a0")
    return palette


@contextmanager
def app_palette(palette: QPalette | None) -> Iterator[None]:
    """Use ``palette`` for the application (None: keep the default), restored after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if palette is not None:
        app.setPalette(palette)
    try:
        yield
    finally:
        app.setPalette(before)
