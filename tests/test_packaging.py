"""Packaging: the wheel carries the resources and migrations and works from a fresh virtual
environment; the Linux desktop file and AppStream metainfo validate; install-desktop."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from evenside import APP_ID, __version__

ROOT = Path(__file__).parents[1]
LINUX = ROOT / "packaging" / "linux"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
        capture_output=True,
    )
    [built] = out.glob("evenside-*.whl")
    return built


def test_the_wheel_carries_resources_and_migrations(wheel: Path) -> None:
    assert wheel.name.startswith(f"evenside-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "evenside/resources/library/exercises.json",
        "evenside/resources/library/stretches.json",
        "evenside/resources/icons/evenside.svg",
        "evenside/resources/icons/evenside-512.png",
        "evenside/storage/migrations/env.py",
        "evenside/storage/migrations/script.py.mako",
        "evenside/storage/migrations/versions/0001_initial_schema.py",
        "evenside/storage/migrations/versions/0002_exercise_rest.py",
    ):
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "evenside = evenside.__main__:main" in text


def test_the_wheel_works_in_a_fresh_virtual_environment(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    # The dependencies (Qt, SQLAlchemy, ...) come from this environment rather than a second
    # large download; a plain path line in a .pth adds the folder without running its .pth
    # files, so the editable install of the source tree stays out.
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
        ).strip()
    )
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.check_output(
        [str(python), "-c", "import evenside; print(evenside.__file__)"], text=True
    )
    assert where.startswith(str(target)), where
    command = target / "bin" / "evenside"
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert version.stdout.strip() == f"Evenside {__version__}"
    made = subprocess.run(
        [str(command), "demo-db", str(tmp_path / "fresh.sqlite3"), "--years", "0.05"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "sessions" in made.stdout  # opened, migrated, library seeded from the wheel's files


def test_desktop_file_and_metainfo_validate() -> None:
    desktop = LINUX / f"{APP_ID}.desktop"
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    assert f"Icon={APP_ID}" in desktop.read_text()
    assert f"<id>{APP_ID}</id>" in metainfo.read_text()
    validator = shutil.which("desktop-file-validate")
    appstream = shutil.which("appstreamcli")
    if validator is None or appstream is None:
        pytest.skip("desktop-file-utils and appstream (Debian packages) are not installed")
    checked = subprocess.run([validator, str(desktop)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and "error" not in checked.stdout.lower(), checked.stdout
    meta = subprocess.run(
        [appstream, "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert meta.returncode == 0, meta.stdout + meta.stderr


def test_install_desktop_puts_the_launcher_and_icons_in_place(tmp_path: Path) -> None:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    subprocess.run(
        [make, "-s", "-C", str(ROOT), "install-desktop", f"DESKTOP_DIR={tmp_path}"],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").exists()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()
