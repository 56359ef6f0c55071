"""An earlier revision of the app, served beside this one in the same benchmark run (`make bench BEFORE=rev`), so
"the same or better than before" is a ratio measured on one machine at one time, not a comparison with figures
another machine wrote.

The revision is unpacked with `git archive` into a scratch folder (it needs the repository's history: a shallow
clone has none, and the benchmark then says so and goes on without it) and served with its own data folder and
configuration, on the same virtual environment.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import serve_scaled  # scripts/serve_scaled.py
import websockets

REPO = Path(__file__).resolve().parent.parent


def commit_of(revision: str) -> str | None:
    """The revision's short commit id, or None when the repository does not hold it (a shallow clone)."""
    found = subprocess.run(["git", "rev-parse", "--short", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd=REPO,
                           capture_output=True, text=True)
    return found.stdout.strip() or None


@contextlib.contextmanager
def served(revision: str):
    """(process, url) of the app as it was at `revision`, stopped on leaving."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=REPO, check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        env = {key: value for key, value in os.environ.items() if key != "SME_EVIDENCE_DATA"}  # its own data/
        port = serve_scaled.free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true"], cwd=folder, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            serve_scaled.wait_until_healthy(url)
            yield process, url
        finally:
            process.terminate()
            process.wait(timeout=10)


async def _interleaved(this: tuple[int, str], earlier: tuple[int, str], page_name: str, rounds: int, reruns: int,
                       cpu_seconds, one_run) -> tuple[list[float], list[float]]:
    sockets = []
    for _, url in (this, earlier):
        socket = await websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream",
                                          subprotocols=["streamlit"], max_size=None, ping_interval=None)
        sockets.append(socket)
    try:
        for socket in sockets:  # warm: every cache of both filled for this view
            for _ in range(5):
                await one_run(socket, page_name, "")
        means: tuple[list[float], list[float]] = ([], [])
        for _ in range(rounds):
            for (pid, _), socket, mean in zip((this, earlier), sockets, means, strict=True):
                before = cpu_seconds(pid)
                for _ in range(reruns):
                    error = await one_run(socket, page_name, "")
                    if error:
                        raise RuntimeError(error)
                mean.append((cpu_seconds(pid) - before) * 1000 / reruns)
        return means
    finally:
        for socket in sockets:
            await socket.close()


def compare(this: tuple[int, str], earlier: tuple[int, str], page_name: str, cpu_seconds, one_run,
            rounds: int = 7, reruns: int = 10) -> dict:
    """One view's CPU per warm rerun on this revision and the earlier one, measured in alternating rounds (so a
    busier minute of the shared machine weighs on both): the median of the rounds' means for each, and the ratio."""
    # In a thread of its own: the benchmark's browser (Playwright's sync API) holds an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        mine, theirs = pool.submit(asyncio.run, _interleaved(this, earlier, page_name, rounds, reruns, cpu_seconds,
                                                             one_run)).result()
    return {"this": statistics.median(mine), "before": statistics.median(theirs),
            "ratio": statistics.median(mine) / statistics.median(theirs)}
