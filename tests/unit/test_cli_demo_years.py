"""`--years` for the demo data: anything but a sensible number of years is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from evenside.cli import main


@pytest.mark.parametrize(
    ("given", "shown"),
    [("nan", "nan"), ("inf", "inf"), ("-inf", "-inf"), ("-2", "-2"), ("0", "0"), ("1e9", "1e+09")],
)
@pytest.mark.parametrize("where", ["demo-db", "main"])
def test_years_out_of_range_is_one_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, shown: str, where: str
) -> None:
    target = tmp_path / "demo.sqlite3"
    if where == "demo-db":
        argv = ["demo-db", str(target), f"--years={given}"]
    else:
        argv = [f"--years={given}", "--demo", "--db", str(target)]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"evenside: --years must be a number of years above 0 and at most 20, not {shown}."
    ]
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]  # nothing was written


def test_years_before_the_command_is_checked_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--years", "nan", "demo-db", str(tmp_path / "demo.sqlite3")])
    assert code == 2
    assert capsys.readouterr().err == (
        "evenside: --years must be a number of years above 0 and at most 20, not nan.\n"
    )


def test_a_usage_mistake_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["demo-db", "x.sqlite3", "--years", "-inf"])  # "-inf" reads as an option
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "evenside: argument --years: expected one argument (see evenside demo-db --help)\n"
    )


def test_a_sensible_number_of_years_still_makes_the_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite3"
    assert main(["demo-db", str(target), "--years", "0.05"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{target}: ") and " sessions, " in out and target.is_file()
