"""Serve the dashboard from N Streamlit processes behind HAProxy (`make serve-scaled`).

Every process loads the same data folder into its own in-memory database and never writes it; live mode's sessions
(issue 25) are shared through one store: the SQLite file in the state folder ($SME_STATE_DIR, else state/), which
every process opens (WAL), or the PostgreSQL database of $SME_LIVE_DB. HAProxy, on
loopback, spreads new sessions over the processes, keeps each session on its process with a cookie, and
sends no new session to a process that fails its health check (`/_stcore/health`). See deploy/haproxy.cfg.

Usage: python scripts/serve_scaled.py [--processes N] [--port PORT]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Template

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "deploy" / "haproxy.cfg"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not become healthy within {timeout_s:.0f} s")


def haproxy_config(bind_port: int, app_ports: list[int]) -> str:
    config = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(BIND=f"{HOST}:{bind_port}")
    servers = "".join(f"    server app{n} {HOST}:{port} check cookie app{n}\n"
                      for n, port in enumerate(app_ports, start=1))
    return config + servers


@dataclass
class Scaled:
    url: str  # the balancer
    apps: list[subprocess.Popen]
    app_urls: list[str]
    balancer: subprocess.Popen


@contextlib.contextmanager
def scaled(processes: int = 2, port: int | None = None, quiet: bool = True,
           logs: Path | None = None, env: dict[str, str] | None = None) -> Iterator[Scaled]:
    """N app processes and HAProxy in front of them, all on loopback; everything stops on exit. With `logs`, a
    folder, each app process writes its output to app<N>.log there. `env` adds to the processes' environment: live
    mode's state folder (SME_STATE_DIR: the processes share its SQLite file) or its PostgreSQL (SME_LIVE_DB)."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("HAProxy is not installed: run 'sudo apt-get install haproxy' (make test does it as root)")
    port = port or free_port()
    app_ports = [free_port() for _ in range(processes)]
    # One cookie secret for all processes, as on a real cluster: any process can read a cookie another set.
    env = {**os.environ, **(env or {}), "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    output = subprocess.DEVNULL if quiet else None
    apps: list[subprocess.Popen] = []
    balancer = None
    with tempfile.TemporaryDirectory() as scratch:
        try:
            for number, app_port in enumerate(app_ports, start=1):
                log = (logs / f"app{number}.log").open("wb") if logs else None
                apps.append(subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(app_port),
                     "--server.address", HOST, "--server.headless", "true"],
                    cwd=REPO, env=env, stdout=log or output, stderr=subprocess.STDOUT if log else output))
                if log:
                    log.close()  # the child holds its own copy
            app_urls = [f"http://{HOST}:{app_port}" for app_port in app_ports]
            for url in app_urls:
                wait_until_healthy(url)
            config = Path(scratch) / "haproxy.cfg"
            config.write_text(haproxy_config(port, app_ports), encoding="utf-8")
            check = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
            if check.returncode != 0:
                raise RuntimeError(f"HAProxy rejected its configuration: {check.stderr.strip()}")
            balancer = subprocess.Popen([haproxy, "-db", "-f", str(config)], stdout=output, stderr=output)
            url = f"http://{HOST}:{port}"
            wait_until_healthy(url)
            yield Scaled(url, apps, app_urls, balancer)
        finally:
            for process in ([balancer] if balancer else []) + apps:
                process.terminate()
            for process in ([balancer] if balancer else []) + apps:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--port", type=int, default=8500)
    args = parser.parse_args()
    state = Path(os.environ.get("SME_STATE_DIR") or REPO / "state")
    if not os.environ.get("SME_LIVE_DB"):
        state.mkdir(parents=True, exist_ok=True)  # live mode's SQLite file, shared by the processes
        print(f"  live mode's store: {state / 'live.sqlite3'} (SME_LIVE_DB=postgresql://… for PostgreSQL)")
    else:
        print("  live mode's store: PostgreSQL ($SME_LIVE_DB)")
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    with scaled(args.processes, args.port, quiet=False) as setup:
        print(f"\n  {args.processes} app processes behind HAProxy: {setup.url}\n  (Ctrl-C stops them all)\n",
              flush=True)
        try:
            while not stop and setup.balancer.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
