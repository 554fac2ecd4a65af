"""`evenside print --pdf`: success is reported only for a complete PDF under the final name;
a folder, a missing or read-only folder and a full disk are one line and change nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.profile import Profile
from evenside.services import library, routines
from evenside.services.store import Store
from fakes import small_file_system


@pytest.fixture
def sheet_db(qapp: object, db_path: Path, store: Store, profile: Profile) -> Path:
    """A database with the routine "Even legs" (one exercise), closed for the command."""
    squat = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")
    created = routines.create_routine(store, profile.id, "Even legs", "Day A")
    routines.add_item(store, created.days[0].id, squat.id, 3)
    store.close()
    return db_path


def print_to(capsys: pytest.CaptureFixture[str], db: Path, target: Path) -> tuple[int, str, str]:
    code = main(["--db", str(db), "print", "even legs", "--pdf", str(target)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    # root writes through permissions; not through ro
    with small_file_system(folder, "ro,size=64k"):
        yield folder


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    # a sheet PDF is tens of kilobytes
    with small_file_system(tmp_path / "tiny-disk", "size=8k") as folder:
        yield folder


def test_a_written_sheet_is_a_whole_pdf(
    sheet_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    target = folder / "sheet.pdf"
    code, out, err = print_to(capsys, sheet_db, target)
    assert (code, err) == (0, "")
    # A4 portrait holds four weeks of 18 mm boxes across: six weeks go 1-3 and 4-6.
    assert out == f"{target}: 2 pages, 1 exercise\n"
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"]  # no temporary file left


def test_print_to_a_folder_is_one_line(
    sheet_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    code, out, err = print_to(capsys, sheet_db, folder)
    assert (code, out) == (2, "")
    assert err == f"evenside: {folder} is a folder; give a file name.\n"
    assert list(folder.iterdir()) == []


def test_print_into_a_missing_folder_is_one_line(
    sheet_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "sheet.pdf"
    code, out, err = print_to(capsys, sheet_db, target)
    assert (code, out) == (2, "")
    assert err == f"evenside: The folder {tmp_path / 'nowhere'} does not exist.\n"


def test_print_into_a_read_only_folder_is_one_line(
    sheet_db: Path, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = print_to(capsys, sheet_db, read_only_folder / "sheet.pdf")
    assert (code, out) == (2, "")
    assert err == f"evenside: Cannot write to the folder {read_only_folder}; nothing was written.\n"
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("written", [b"", b"<html>not a pdf</html>", b"%PDF-1.4\n1 0 obj"])
def test_a_pdf_the_writer_did_not_finish_is_not_reported_as_printed(
    sheet_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    written: bytes,
) -> None:
    """Qt's writer fails silently; what it left must not take the final name."""
    from evenside.gui.printing import headless

    real = headless.write_pdf

    def silent_failure(sheet: object, path: Path, setup: object) -> object:
        layout = real(sheet, tmp_path / "elsewhere.pdf", setup)  # type: ignore[arg-type]
        path.write_bytes(written)
        return layout

    monkeypatch.setattr(headless, "write_pdf", silent_failure)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    target = out_folder / "sheet.pdf"
    code, out, err = print_to(capsys, sheet_db, target)
    assert (code, out) == (2, "")
    assert err == f"evenside: Could not write the PDF {target}; nothing was written.\n"
    assert list(out_folder.iterdir()) == []


def test_print_onto_a_full_disk_keeps_the_old_sheet(
    sheet_db: Path, tiny_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tiny_disk / "sheet.pdf"
    target.write_bytes(b"last week's sheet")
    code, out, err = print_to(capsys, sheet_db, target)
    assert (code, out) == (2, "")
    assert err == (
        f"evenside: The disk is full; {target} was not written and nothing was changed.\n"
    )
    assert target.read_bytes() == b"last week's sheet"
    assert [p.name for p in tiny_disk.iterdir()] == ["sheet.pdf"]
