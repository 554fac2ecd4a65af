"""How long a connection to a studio server may take before it gives up: five seconds
unless the address carries a ``connect_timeout`` of its own, which then wins (a network
that silently drops packets never refuses, so only this bounds the wait)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from evenside.domain.errors import ServerUnreachable
from evenside.storage import server

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")


class _Stop(Exception):
    """Raised instead of connecting: the options are all the test wants."""


def _options_psycopg_gets(url: str, **kw: Any) -> dict[str, Any]:
    engine = server.make_server_engine(url, **kw)
    seen: dict[str, Any] = {}

    @event.listens_for(engine, "do_connect")
    def capture(_dialect: object, _record: object, _args: object, params: dict[str, Any]) -> None:
        seen.update(params)
        raise _Stop

    with pytest.raises(_Stop):
        engine.connect()
    engine.dispose()
    return seen


def test_a_connection_gives_up_after_five_seconds_by_default() -> None:
    options = _options_psycopg_gets("postgresql+psycopg://maria@studio.local/evenside")
    assert options["connect_timeout"] == 5
    assert options["application_name"] == "evenside"


def test_the_addresss_own_connect_timeout_wins() -> None:
    url = "postgresql+psycopg://maria@studio.local/evenside?connect_timeout=30&sslmode=require"
    options = _options_psycopg_gets(url)
    assert options["connect_timeout"] == "30"  # as written in the address
    assert options["sslmode"] == "require"
    shorter = _options_psycopg_gets(url, connect_timeout=3)  # a retry's quicker look
    assert shorter["connect_timeout"] == "30"


def test_a_server_that_never_answers_is_unreachable_after_the_timeout(silent_port: int) -> None:
    url = f"postgresql+psycopg://maria@127.0.0.1:{silent_port}/evenside?connect_timeout=1"
    with pytest.raises(ServerUnreachable, match=r"Cannot reach .*timeout"):
        server.probe(url, 30)  # the address's 1 s, not 30


def test_a_dropped_network_after_connecting_is_noticed_within_about_twenty_seconds() -> None:
    options = _options_psycopg_gets("postgresql+psycopg://maria@studio.local/evenside")
    # Keepalive probes after 10 s idle, every 5 s, 2 missed = dead at about 20 s; data
    # unacknowledged for 20,000 ms ends the connection too.
    assert options["keepalives"] == 1
    assert (options["keepalives_idle"], options["keepalives_interval"]) == (10, 5)
    assert options["keepalives_count"] == 2
    assert options["tcp_user_timeout"] == 20000


def test_the_addresss_own_keepalive_settings_win() -> None:
    options = _options_psycopg_gets(
        "postgresql+psycopg://maria@studio.local/evenside?keepalives_idle=60&tcp_user_timeout=0"
    )
    assert (options["keepalives_idle"], options["tcp_user_timeout"]) == ("60", "0")
    assert options["keepalives_interval"] == 5
