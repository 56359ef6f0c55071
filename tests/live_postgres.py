"""A throwaway PostgreSQL cluster for the live store's tests: initdb in a temporary folder (trust, a unix socket in it
and a TCP port on 127.0.0.1), pg_ctl start, a fresh database a test, pg_ctl stop -m immediate at the end.

initdb refuses to run as root: as root the cluster runs as the `postgres` user (Debian's package makes it), else as
`nobody`. The binaries: initdb and pg_ctl in PATH, else the newest /usr/lib/postgresql/*/bin (`make postgresql`
installs Debian's package when they are missing). $SME_TEST_PG_PORTS (e.g. 8700-8749) bounds the ports tried."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def bin_dir() -> Path:
    """Where initdb and pg_ctl are: Debian puts only wrappers (or nothing) in PATH, the programs in its own folder."""
    found = [Path(shutil.which(name)).resolve().parent for name in ("initdb", "pg_ctl") if shutil.which(name)]
    if len(found) == 2 and found[0] == found[1]:
        return found[0]
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name)
                      if path.parent.name.isdigit() else 0)
    for folder in reversed(versions):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise RuntimeError("PostgreSQL's initdb and pg_ctl were not found: run `make postgresql` (Debian's postgresql)")


def run_as() -> list[str]:
    """The command prefix that runs the server as an unprivileged user when the tests run as root."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"]
    raise RuntimeError("running as root, with neither a postgres nor a nobody user to run PostgreSQL as")


def candidate_ports():
    """Ports to try: the range of $SME_TEST_PG_PORTS, shuffled by process, else ports the system calls free."""
    bounds = os.environ.get("SME_TEST_PG_PORTS", "")
    if "-" in bounds:
        low, high = (int(part) for part in bounds.split("-", 1))
        ports = list(range(low, high + 1))
        start = os.getpid() % len(ports)
        yield from ports[start:] + ports[:start]
        return
    for _ in range(20):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        yield port


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_cluster(folder: Path, prefix: list[str], programs: Path) -> int:
    """initdb and pg_ctl start in the folder; the port the server listens on."""
    data = folder / "data"
    made = subprocess.run([*prefix, str(programs / "initdb"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                           "--no-sync", "-D", str(data)], capture_output=True)
    if made.returncode != 0:
        raise RuntimeError("initdb failed: " + made.stderr.decode(errors="replace")[-2000:])
    problems = []
    for port in itertools.islice((p for p in candidate_ports() if port_is_free(p)), 10):
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"
        done = subprocess.run([*prefix, str(programs / "pg_ctl"), "-D", str(data), "-o", options,
                               "-l", str(folder / "server.log"), "-w", "-t", "60", "start"], capture_output=True)
        if done.returncode == 0:
            return port
        problems.append(f"port {port}: {done.stderr.decode(errors='replace').strip()}")
    server_log = folder / "server.log"
    log = server_log.read_text(errors="replace")[-2000:] if server_log.exists() else ""
    raise RuntimeError("PostgreSQL did not start: " + ("; ".join(problems) or "no free port") + "\n" + log)


@pytest.fixture(scope="session", name="postgres_cluster")
def postgres_cluster_fixture():
    """A cluster of its own (per test worker): yields (socket folder, port); stopped and removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="sme-pg-"))  # short: a unix socket path has at most 107 characters
    prefix = run_as()
    programs = bin_dir()
    try:
        if prefix:
            shutil.chown(folder, user=prefix[2])
        port = start_cluster(folder, prefix, programs)
        try:
            yield folder, port
        finally:
            subprocess.run([*prefix, str(programs / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_databases = itertools.count(1)


@pytest.fixture(name="postgres_url")
def postgres_url_fixture(postgres_cluster):
    """A fresh database in the test worker's cluster, as a postgresql:// URL over TCP on 127.0.0.1; dropped after the
    test (each is a few megabytes)."""
    import psycopg

    _, port = postgres_cluster
    name = f"live_{os.getpid()}_{next(_databases)}"
    admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"postgresql://postgres@127.0.0.1:{port}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
