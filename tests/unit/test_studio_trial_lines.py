"""What a new trainer met on a fresh clone (issue 18's trial), each told in one line: a
client's name another trainer keeps, a refused password, a trainer's copy to a file, a
non-head sharing, a second `studio init`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_studio_rls import PASSWORDS, Studio, studio  # noqa: F401 - the fixture

from evenside.cli import main
from postgres_cluster import Cluster

pytestmark = pytest.mark.postgres


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_a_client_name_another_trainer_keeps_is_one_line_not_a_traceback(
    studio: Studio,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    ben = studio.url_for("ben")  # Alice is Anna's: Ben cannot see her
    assert main(["--db", ben, "studio", "add-client", "Alice"]) == 2
    assert _one_line(capsys) == (
        "evenside: A client called Alice already exists on this server, kept by another "
        "trainer; ask the head trainer to share that client with you, or choose another name.\n"
    )
    assert main(["--db", ben, "studio", "add-client", "Alicia"]) == 0


def test_a_trainer_copies_their_clients_to_a_file_without_the_repairs_log(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out.sqlite3"
    assert main(["copy", studio.url_for("anna"), str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Anna sees only Alice: one profile, her one session, one exercise, two sets.
    for line in ("  profiles: 1 -> 1", "  sessions: 1 -> 1", "  sets: 2 -> 2"):
        assert line in lines
    assert (
        "  repairs: not copied (this login may not read it); the clients copied are those "
        "this login sees"
    ) in lines
    assert main(["--db", str(out), "report", "--profile", "Alice"]) == 0
    assert main(["--db", str(out), "report", "--profile", "Bob"]) == 2  # Ben's client


def test_a_failed_copy_to_a_new_file_leaves_no_file(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def refuse(*_args: object) -> None:
        from evenside.domain.errors import InvalidInput

        raise InvalidInput("The copy did not match for sets; nothing copied.")

    monkeypatch.setattr("evenside.storage.copy_rows._copy_table", refuse)
    out = tmp_path / "out.sqlite3"
    assert main(["copy", studio.url_for("anna"), str(out)]) == 2
    _one_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == []


def test_copy_refusing_a_history_names_merge(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out.sqlite3"
    assert main(["copy", studio.url_for("anna"), str(out)]) == 0
    capsys.readouterr()
    assert main(["copy", studio.url_for("anna"), str(out)]) == 2
    assert "or pass --merge to add what it lacks" in _one_line(capsys)


def test_a_trainer_sharing_is_told_only_a_head_may_before_the_client_is_looked_up(
    studio: Studio,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", studio.url_for("ben"), "studio", "share", "Alice", "ben"]) == 2
    assert _one_line(capsys) == (
        "evenside: Only a head trainer can share a client; ben is not one (ask a head "
        "trainer to share it).\n"
    )


def test_init_again_says_it_was_a_studio_already(
    studio: Studio,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("second-head-1\n"))
    try:
        assert main(["studio", "init", studio.url, "--head", "dora", "--password-stdin"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("already a studio on ")
        assert out.endswith(
            "; its access rules were brought up to date and dora added as one more head trainer\n"
        )
        assert "%2F" not in out  # the socket folder is shown as a path
    finally:
        studio.cluster.admin("DROP OWNED BY dora")
        studio.cluster.admin("DROP ROLE dora")


def test_a_first_init_shows_the_address_decoded(
    postgres: Cluster,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("first-head-1\n"))
    try:
        assert main(["studio", "init", postgres_url, "--head", "erin", "--password-stdin"]) == 0
    finally:  # roles belong to the whole cluster
        postgres.admin("DROP ROLE IF EXISTS erin")
    out = capsys.readouterr().out
    # The address as typed: its socket folder a path, not host=%2Ftmp%2F...
    assert out == f"studio ready on {postgres_url}; head trainer erin added\n"


def test_report_on_a_server_names_the_choice_or_says_no_client_of_yours(
    studio: Studio,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ben = studio.url_for("ben")
    assert main(["--db", ben, "report"]) == 0  # Bob, Ben's one client
    without = capsys.readouterr().out
    assert without.startswith("One-arm dumbbell row: ")
    assert without == _bob_report(ben, capsys)
    assert main(["--db", ben, "studio", "add-client", "Bea"]) == 0
    capsys.readouterr()
    assert main(["--db", ben, "report"]) == 2
    assert _one_line(capsys) == (
        "evenside: You see 2 clients on this server (Bea, Bob): choose one with --profile NAME.\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("carl-secret-1\n"))
    assert main(["--db", studio.url, "studio", "add-trainer", "carl", "--password-stdin"]) == 0
    try:
        carl = studio.url.replace("evenside_admin@", "carl:carl-secret-1@")
        assert main(["--db", carl, "report"]) == 2
        assert _one_line(capsys).endswith(
            "No client of yours on this server yet (add one: evenside studio add-client NAME).\n"
        )
    finally:
        studio.cluster.admin("DROP OWNED BY carl")
        studio.cluster.admin("DROP ROLE carl")


def _bob_report(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", url, "report", "--profile", "Bob"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("address", ["mysql://x@y/z", "sqlite:///tmp/x.db"])
def test_another_kind_of_address_is_one_line_not_a_file(
    address: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    scheme = address.split("://", 1)[0]
    for argv in (["--db", address, "report"], ["copy", address, "out.sqlite3"], ["--db", address]):
        assert main(argv) == 2
        assert _one_line(capsys) == (
            "evenside: Evenside opens SQLite files and PostgreSQL servers (postgresql://…); "
            f"{scheme}:// is not supported.\n"
        )
    assert list(work.iterdir()) == []  # no file named after the address


def test_a_merge_names_the_server_as_typed(
    studio: Studio,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    anna = studio.url_for("anna")  # its socket folder in host=/tmp/...
    out = tmp_path / "out.sqlite3"
    assert main(["copy", anna, str(out)]) == 0
    capsys.readouterr()
    assert main(["copy", str(out), anna, "--merge"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    # Everything came from there: nothing to add, the address as typed, not host=%2Ftmp%2F...
    assert first.startswith(f"merged {out} into {anna}: 0 rows copied, ")
