"""A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, pg_ctl start on
127.0.0.1 and a free port, pg_ctl stop and delete at the end. As root, the server runs as the
`postgres` user (PostgreSQL refuses to run as root).

`database_for_tests` is the whole rule for tests of any folder (tests/browser too):
DECISION_AID_TEST_POSTGRES_URL when set, else a throwaway cluster, else a skip with the reason
(a failure in CI, CI=true).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER_USER = "postgres"
START_SECONDS = 60
TEST_URL_ENV = "DECISION_AID_TEST_POSTGRES_URL"


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (PATH first, then Debian's newest version), or None."""
    initdb = shutil.which("initdb")
    if initdb:
        folder = Path(initdb).resolve().parent
        if (folder / "pg_ctl").exists():
            return folder
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(re.sub(r"\D", "", p.parent.parent.name) or 0),
    )
    for candidate in reversed(versions):
        if (candidate.parent / "pg_ctl").exists():
            return candidate.parent
    return None


def unavailable_reason() -> str | None:
    """Why a throwaway cluster cannot be started here, or None if it can."""
    if find_binaries() is None:
        return (
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install them with "
            "`sudo apt-get install -y postgresql` (scripts/system-deps.sh does it when run as root), "
            "or set DECISION_AID_TEST_POSTGRES_URL to a database the tests may empty"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no {SERVER_USER!r} user to run the PostgreSQL server as"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


def _run(bin_dir: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    command = [str(bin_dir / args[0]), *args[1:]]
    if os.geteuid() == 0:
        command = ["runuser", "-u", SERVER_USER, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=START_SECONDS, check=False)


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a cluster (trust authentication, loopback only, no Unix socket); stop and delete it after."""
    bin_dir = find_binaries()
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="decision-aid-pg-"))
    data = folder / "data"
    try:
        if os.geteuid() == 0:
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
        done = _run(bin_dir, ["initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                              "--locale=C", "--no-sync", "--no-instructions"])  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        for _ in range(3):  # a free port can be taken between choosing and binding it
            port = _free_port()
            options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c fsync=off"
            done = _run(bin_dir, ["pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w",
                                  "-t", str(START_SECONDS), "-o", options, "start"])  # fmt: skip
            if done.returncode == 0:
                break
        else:
            log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}\n{log}")
        try:
            yield Cluster(folder, port)
        finally:
            _run(bin_dir, ["pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def in_ci() -> bool:
    """True in CI (CI=true), where PostgreSQL must be there: its tests fail rather than skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@contextlib.contextmanager
def database_for_tests() -> Iterator[str]:
    """A PostgreSQL URL for a test: DECISION_AID_TEST_POSTGRES_URL when set (used as it is), else a
    throwaway cluster for as long as the context lasts. Without either, the test is skipped with
    the reason, or fails in CI."""
    given = os.environ.get(TEST_URL_ENV, "").strip()
    if given:
        yield given
        return
    reason = unavailable_reason()
    if reason:
        if in_ci():
            pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
        pytest.skip(reason)
    with throwaway_cluster() as cluster:
        yield cluster.url()
