"""Root test set-up: Qt headless, and every user folder pointed at a temporary one.

The environment is redirected at import time, before any Evenside or Qt module reads it,
so no test can reach the real data folder; each test then gets folders of its own.
"""

from __future__ import annotations

import os
import socket
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
from evenside.domain.units import Unit, show_weights_to  # noqa: E402
from evenside.services import profiles  # noqa: E402
from evenside.services.store import Store, open_store  # noqa: E402
from fakes import FakeClock  # noqa: E402
from postgres_cluster import REQUIRE_ENV, Cluster, start_cluster, why_unavailable  # noqa: E402

BACKENDS = ("sqlite", "postgresql")
_BACKEND_COUNTS: dict[str, dict[str, int]] = {name: {} for name in BACKENDS}


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


@pytest.fixture(autouse=True)
def default_weight_steps() -> Iterator[None]:
    """Every test starts and ends with weights shown to 0.25 kg and 0.5 lb."""
    show_weights_to(0.25, 0.5)
    yield
    show_weights_to(0.25, 0.5)


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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``both_backends`` that uses ``store`` runs once on an SQLite file and
    once on a PostgreSQL database, unless it names the file (``db_path``): that one is
    about files, so SQLite only."""
    names = metafunc.fixturenames
    if (
        metafunc.definition.get_closest_marker("both_backends")
        and "store" in names
        and "db_path" not in names
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "backend" in callspec.params:
            item.user_properties.append(("backend", callspec.params["backend"]))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    backend = dict(report.user_properties).get("backend")
    counted = report.when == "call" or (report.when == "setup" and not report.passed)
    if backend is not None and counted:
        outcomes = _BACKEND_COUNTS[str(backend)]
        outcomes[report.outcome] = outcomes.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not any(_BACKEND_COUNTS.values()):
        return
    terminalreporter.section("storage and services tests per database backend")
    for name, outcomes in _BACKEND_COUNTS.items():
        shown = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        terminalreporter.write_line(f"{name}: {shown or 'none run'}")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database the ``store`` fixture opens: SQLite unless the test is parametrised."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for the whole run, with an Evenside database made
    once (schema and library) to copy as the template of each test's database. Skips when
    PostgreSQL is not installed, unless EVENSIDE_REQUIRE_POSTGRES=1 (CI), where it fails."""
    reason = why_unavailable()
    if reason is not None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but no PostgreSQL test server: {reason}")
        pytest.skip(f"no PostgreSQL test server: {reason}")
    cluster = start_cluster()
    try:
        cluster.create_database(TEMPLATE_DB)
        open_store(cluster.url(TEMPLATE_DB)).close()
        yield cluster
    finally:
        cluster.stop()


TEMPLATE_DB = "evenside_template"


@pytest.fixture
def postgres_url(postgres: Cluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh Evenside database of this test's own on the test server (its address)."""
    name = f"t_{abs(hash(request.node.nodeid)) % 10**12}"
    postgres.create_database(name, template=TEMPLATE_DB)
    yield postgres.url(name)
    postgres.drop_database(name)


@pytest.fixture
def store(backend: str, clock: FakeClock, request: pytest.FixtureRequest) -> Iterator[Store]:
    if backend == "postgresql":
        opened = open_store(request.getfixturevalue("postgres_url"), clock=clock)
    else:
        opened = open_store(request.getfixturevalue("db_path"), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port on 127.0.0.1 where a server seems to be (the connection is made) but never
    answers: listening, never accepting, so PostgreSQL's start-up handshake hangs, as on
    a network that silently drops packets."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])
