"""A trainer's password is kept only in the OS keyring (when the keyring package is there),
under the server and database it opens; never in a file of Evenside's."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from evenside.paths import data_dir
from evenside.services import studio_link

URL = "postgresql+psycopg://anna@studio.local:5432/studio_team?sslmode=require"


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    kept: dict[tuple[str, str], str] = {}
    fake = types.ModuleType("keyring")
    fake.set_password = lambda service, account, secret: kept.__setitem__(
        (service, account), secret
    )  # type: ignore[attr-defined]
    fake.get_password = lambda service, account: kept.get((service, account))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    return kept


def test_a_remembered_password_is_in_the_keyring_and_nowhere_else(
    keyring: dict[tuple[str, str], str],
) -> None:
    assert studio_link.remember_password(URL, "s3cret")
    assert keyring == {("Evenside studio", "anna@studio.local:5432/studio_team"): "s3cret"}
    assert studio_link.stored_password(URL) == "s3cret"
    home = Path(data_dir()).parent.parent  # the test run's own XDG folders
    written = [p for p in home.rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()]
    assert written == []


def test_without_the_keyring_package_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # import fails
    assert not studio_link.keyring_available()
    assert not studio_link.remember_password(URL, "s3cret")
    assert studio_link.stored_password(URL) is None


def test_the_status_bar_names_a_network_server_by_host_and_port() -> None:
    name = studio_link.server_name(URL)
    assert (name.where, name.database, name.trainer) == ("studio.local:5432", "studio_team", "anna")
