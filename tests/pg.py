"""A throw-away PostgreSQL server for the tests: initdb into a temporary folder, start on loopback, stop after.

Uses Debian's binaries (/usr/lib/postgresql/<version>/bin, installed by `apt-get install postgresql`)
or any initdb/pg_ctl on PATH. PostgreSQL refuses to run as root, so as root the server runs as the
`postgres` user (created by the Debian package) via runuser. ZHFACTS_TEST_PG_URL points the tests at
an existing server instead. Tests skip only when no PostgreSQL binaries exist.
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

SERVER_USER = "zhfacts"


@dataclass(frozen=True)
class PgBinaries:
    initdb: str
    pg_ctl: str


def find_binaries() -> PgBinaries | None:
    on_path = shutil.which("initdb"), shutil.which("pg_ctl")
    if all(on_path):
        return PgBinaries(*on_path)
    # Debian keeps them out of PATH; prefer the newest installed major version.
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    for folder in folders:
        initdb, pg_ctl = os.path.join(folder, "initdb"), os.path.join(folder, "pg_ctl")
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return PgBinaries(initdb, pg_ctl)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(folder: str) -> list[str]:
    """Command prefix that runs initdb/pg_ctl as a non-root user when we are root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        for root, dirs, files in os.walk(folder):
            for entry in [root, *(os.path.join(root, x) for x in dirs + files)]:
                os.chown(entry, account.pw_uid, account.pw_gid)
        return ["runuser", "-u", name, "--"]
    pytest.skip("running as root and no postgres/nobody account to run PostgreSQL as")


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server (maintenance database `postgres`) for the whole test session."""
    existing = os.environ.get("ZHFACTS_TEST_PG_URL")
    if existing:
        yield existing
        return
    binaries = find_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL binaries not found (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin); "
                    "install them with `apt-get install -y postgresql`")
    folder = tempfile.mkdtemp(prefix="zhfacts-pg-")
    data, log = os.path.join(folder, "data"), os.path.join(folder, "server.log")
    prefix = _as_server_user(folder)
    port = _free_port()
    try:
        _run([*prefix, binaries.initdb, "-D", data, "-U", SERVER_USER, "--auth=trust", "-E", "UTF8",
              "--locale=C", "--no-sync"])
        options = f"-k {folder} -p {port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off"
        _run([*prefix, binaries.pg_ctl, "-D", data, "-l", log, "-w", "-t", "30", "-o", options, "start"])
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        log_tail = Path(log).read_text(errors="replace")[-2000:] if os.path.exists(log) else ""
        raise RuntimeError(f"could not start PostgreSQL: {exc}\n{log_tail}") from None
    stop = [*prefix, binaries.pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"]
    watchdog = _watchdog(stop, folder)
    try:
        yield f"postgresql://{SERVER_USER}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
        watchdog.kill()
        watchdog.wait()


def _watchdog(stop: list[str], folder: str) -> subprocess.Popen:
    """A shell that stops the server and removes its folder if this test process dies without teardown.

    pytest killed by a timeout (SIGTERM/SIGKILL) runs no fixture finaliser; without this the server
    would outlive the run.
    """
    script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
              f"{shlex.join(stop)} >/dev/null 2>&1; rm -rf {shlex.quote(folder)}")
    return subprocess.Popen(["sh", "-c", script], start_new_session=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture()
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin_url = sa.make_url(postgres_server).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))  # name is ours (hex), never input
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
