"""`evenside routine generate` and `evenside routine list`, and their errors as one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.unit.test_cli import evenside

from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services import profiles, routines
from evenside.services.store import open_store


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "evenside.sqlite3"
    store = open_store(path)
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    store.close()
    return path


def test_generate_saves_a_routine_and_list_shows_its_days(database: Path) -> None:
    made = evenside(
        "--db", str(database), "routine", "generate", "--days", "3", "--minutes", "45",
        "--equipment", "bodyweight", "--name", "Home three",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0] == 'saved "Home three": 3 days'
    assert [line.split(":")[0].strip() for line in lines[1:4]] == [
        "Full body A",
        "Full body B",
        "Full body C",
    ]
    assert lines[4].startswith("findings: ")
    store = open_store(database)
    try:
        profile = profiles.current_profile(store)
        assert profile is not None
        [(routine_id, name)] = routines.list_routines(store, profile.id)
        saved = routines.get_routine(store, routine_id)
    finally:
        store.close()
    assert name == "Home three"
    listed = evenside("--db", str(database), "routine", "list")
    assert listed.returncode == 0, listed.stderr
    expected = ", ".join(f"{d.name} ({len(d.items)})" for d in saved.days)
    assert listed.stdout.strip() == f"Home three: {expected}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--days", "9", "--minutes", "60"), "evenside: Choose 2 to 6 training days a week."),
        (("--days", "3", "--minutes", "5"), "evenside: A session is 20 to 180 minutes."),
    ],
)
def test_bad_choices_are_one_line(database: Path, args: tuple[str, ...], message: str) -> None:
    result = evenside("--db", str(database), "routine", "generate", *args, "--name", "X")
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr


def test_a_taken_name_and_an_unknown_equipment_are_one_line(database: Path) -> None:
    first = ("--db", str(database), "routine", "generate", "--days", "2", "--minutes", "30")
    assert evenside(*first, "--name", "Twice").returncode == 0
    again = evenside(*first, "--name", "twice")
    assert again.returncode == 2
    assert again.stderr.strip() == 'evenside: A routine called "twice" already exists.'
    odd = evenside(*first, "--name", "Y", "--equipment", "kettlebells")
    assert odd.returncode == 2 and len(odd.stderr.strip().splitlines()) == 1
    assert "invalid choice: 'kettlebells'" in odd.stderr


def test_list_with_no_routines(database: Path) -> None:
    result = evenside("--db", str(database), "routine", "list")
    assert result.returncode == 0 and result.stdout.strip() == "no routines yet"
