"""Root test set-up: Qt headless, and every user folder pointed at a temporary one.

The environment is redirected at import time, before any Evenside or Qt module reads it,
so no test can reach the real data folder; each test then gets folders of its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SESSION_HOME = tempfile.mkdtemp(prefix="evenside-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = os.path.join(_SESSION_HOME, _var.lower())
os.environ.pop("EVENSIDE_DB", None)

from evenside.domain.profile import Profile  # noqa: E402
from evenside.domain.sides import Side  # noqa: E402
from evenside.domain.units import Unit  # noqa: E402
from evenside.services import profiles  # noqa: E402
from evenside.services.store import Store, open_store  # noqa: E402
from fakes import FakeClock  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--screenshots",
        default=None,
        help="folder to write the README screenshots to (default: a temporary folder)",
    )


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own data, config and log folders."""
    home = tmp_path / "home"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / var.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(var, str(folder))
    monkeypatch.delenv("EVENSIDE_DB", raising=False)
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 18, 0, 0))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "evenside.sqlite3"


@pytest.fixture
def profile(store: Store) -> Profile:
    """Alex: right-handed, kilograms, the current profile."""
    return profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(db_path, clock=clock)
    yield opened
    opened.close()
