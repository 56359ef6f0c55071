"""A real app server for the API tests (`streamlit run app.py`, as `make run` starts it) with its log in a file
outside the repository, a check after every test that the log holds no traceback, and a plain HTTP client."""

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from evidence.settings import DEFAULT_DATA_DIR

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module", name="server")
def server_fixture(tmp_path_factory):
    """The app on a free port, its output in a log file outside the repository."""
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    port = free_port()
    env = {**os.environ, "SME_EVIDENCE_DATA": str(DEFAULT_DATA_DIR)}
    env.pop("SME_EVIDENCE_API_ORIGINS", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError("the server did not start: " + log_path.read_text(errors="replace")[-2000:])
    yield url, log_path
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(autouse=True, name="no_traceback_in_the_log")
def no_traceback_fixture(request):
    yield
    if "server" in request.fixturenames:
        _, log_path = request.getfixturevalue("server")
        log = log_path.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log, log[-3000:]


def get(url: str, headers: dict | None = None, method: str = "GET"):
    """(status, headers, body) of a request, errors included."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def get_json(url: str) -> tuple[int, dict]:
    status, _, body = get(url)
    return status, json.loads(body)


def parsed_csv(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]
