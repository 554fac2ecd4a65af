"""A throwaway PostgreSQL cluster for the tests: ``initdb`` and ``pg_ctl`` (Debian's
``postgresql`` package) on a temporary folder, reached only through a Unix socket in that
folder (no TCP port is opened). Stopped and removed at the end of the test session.

Finding the binaries: on PATH, else the newest /usr/lib/postgresql/<version>/bin. PostgreSQL
refuses to run as root, so under root (CI containers) the cluster runs as the ``postgres``
user the Debian package creates.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "evenside_admin"
REQUIRE_ENV = "EVENSIDE_REQUIRE_POSTGRES"


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def why_unavailable() -> str | None:
    """Why no cluster can be started here, or None when one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    if find_binaries() is None:
        return (
            "PostgreSQL's initdb/pg_ctl were not found on PATH nor in /usr/lib/postgresql/*/bin "
            "(apt-get install postgresql)"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


@dataclass
class Cluster:
    """A running cluster: a superuser reachable over the socket in ``socket_dir``."""

    root: Path
    bin_dir: Path
    as_user: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@/{database}?host={self.socket_dir}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_user is not None:
            command = ["runuser", "-u", self.as_user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",  # a throwaway cluster: nothing to keep after a crash
        )
        # The test superuser needs no password; everyone else (the trainers) signs in with
        # one, as on a studio's server.
        self._write_as_owner(
            self.data_dir / "pg_hba.conf",
            f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n",
        )
        self.resume()

    def resume(self) -> None:
        """Start the server (again, after ``pause``) on the same data and socket."""
        options = f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data_dir), "-o", options, "-l", str(self.root / "log"), "-w",
            "start",
        )  # fmt: skip

    def pause(self) -> None:
        """Stop the server, keeping its data: the gym's Wi-Fi dropping, as a laptop sees it."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def _write_as_owner(self, path: Path, content: str) -> None:
        path.write_text(content)
        if self.as_user is not None:
            account = pwd.getpwnam(self.as_user)
            os.chown(path, account.pw_uid, account.pw_gid)

    def admin(self, statement: str) -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def create_database(self, name: str, template: str | None = None) -> None:
        source = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{source}")

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    bin_dir = find_binaries()
    assert bin_dir is not None
    root = Path(tempfile.mkdtemp(prefix="evenside-pg-"))
    as_user = None
    if os.geteuid() == 0:
        as_user = "postgres"
        account = pwd.getpwnam(as_user)
        os.chown(root, account.pw_uid, account.pw_gid)
    cluster = Cluster(root, bin_dir, as_user)
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = root / "log"
        detail = log.read_text() if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {exc.stderr}{detail}") from exc
    return cluster
