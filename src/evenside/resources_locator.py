"""Finds the shipped resources in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data here
    if bundle:
        candidates.append(Path(bundle) / "evenside" / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # installed wheel (force-included)
    candidates.append(_PACKAGE_DIR.parents[1] / "resources")  # editable install / checkout
    for candidate in candidates:
        if (candidate / "library").is_dir():
            return candidate
    raise FileNotFoundError("Evenside's resources folder is missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
