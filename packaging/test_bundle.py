"""Smoke test of the built one-folder bundle (make package-test): it runs offscreen,
reports its version, and passes --self-test (new database, a logged set, a printed sheet)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from evenside import __version__

BUNDLE = Path(__file__).parents[1] / "dist" / "evenside" / "evenside"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_version() -> None:
    result = subprocess.run(
        [str(BUNDLE), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Evenside {__version__}"


def test_self_test(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BUNDLE), "--self-test", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout and "96 exercises in the library" in result.stdout
    pdf = tmp_path / "self-test.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
