"""The room of 50 on one view (issue 26): 30 sessions rerunning the app's costliest view at once, against 30 on the
naive page (the baseline one-chart page of scripts/baseline_app.py, Streamlit's default configuration), in one run.

The costliest view is the one whose warm rerun costs the server the most CPU (the mean of bench.py's warm reruns, or
measured here when run alone). Both set-ups as in the Concurrency section (scripts/load.py): each session connects
and runs once, then all rerun at once with no think time; here every rerun is of that one page. The two are measured
in alternating rounds (naive, app, naive, app, ...) so a busier minute of the shared machine weighs on both; each
p95 is the median of the rounds'. Target: the view's p95 at most 0.25 times the naive page's.

`make bench` calls `measure` with its own servers; alone (`python scripts/bench_costliest.py [--rounds N] [--port P]`)
it serves the naive page and the app itself and prints the section.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import load  # scripts/load.py
import serve_scaled  # scripts/serve_scaled.py
import websockets

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent
TARGET = 0.25


def _run(coroutine):
    """The coroutine on an event loop of its own thread: `make bench` calls this after Playwright's sync API, which
    holds the calling thread's loop (asyncio.run() is refused there)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _cpu_per_rerun(url: str, pid: int, page: str, reruns: int = 20) -> float:
    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, ping_interval=None) as socket:
        for _ in range(5):
            await load.one_run(socket, page, "")
        before = _cpu_seconds(pid)
        for _ in range(reruns):
            await load.one_run(socket, page, "")
        return (_cpu_seconds(pid) - before) * 1000 / reruns


def costliest(url: str, pid: int, pages: list[tuple[str, str]]) -> tuple[str, str]:
    """(title, path) of the view whose warm rerun costs the server the most CPU."""
    costs = {(title, path): _run(_cpu_per_rerun(url, pid, path)) for title, path in pages}
    return max(costs, key=costs.get)


def _p95(url: str, page: str, sessions: int, reruns: int) -> tuple[float, int]:
    result = _run(load.run_load(url, sessions, reruns, [(page, "")]))
    return result.percentile(0.95) * 1000, len(result.errors)


def measure(app_url: str, view: tuple[str, str], naive_url: str, sessions: int = 30, reruns: int = 10,
            rounds: int = 3) -> dict:
    """p95 (ms) of `sessions` sessions rerunning the view and the naive page, alternating rounds, and the ratio."""
    mine, naive, errors = [], [], 0
    for _ in range(rounds):
        for url, page, out in ((naive_url, "", naive), (app_url, view[1], mine)):
            p95, failed = _p95(url, page, sessions, reruns)
            out.append(p95)
            errors += failed
    return {"view": view[0], "sessions": sessions, "rounds": rounds, "view_p95": statistics.median(mine),
            "naive_p95": statistics.median(naive), "ratio": statistics.median(mine) / statistics.median(naive),
            "errors": errors, "view_rounds": mine, "naive_rounds": naive}


def section(result: dict) -> list[str]:
    """The result as the Concurrency section words it."""
    held = "holds" if result["ratio"] <= TARGET and not result["errors"] else "not met"
    return [f"{result['sessions']} sessions on the costliest view ({result['view']}, by CPU a warm rerun) against "
            f"{result['sessions']} on the naive page (the baseline one-chart page), every session rerunning that one "
            f"page with no think time, {result['rounds']} alternating rounds: p95 {result['view_p95']:.0f} ms against "
            f"{result['naive_p95']:.0f} ms, **{result['ratio']:.2f}x** (target ≤ {TARGET}: {held}; "
            f"{result['errors']} errors). Rounds' p95, the view: "
            + " / ".join(f"{p:.0f}" for p in result["view_rounds"]) + " ms; the naive page: "
            + " / ".join(f"{p:.0f}" for p in result["naive_rounds"]) + " ms."]


def _serve(script: Path, cwd: Path, port: int) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key != "SME_EVIDENCE_DATA"}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"], cwd=cwd, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=0, help="serve on this port and the next (default: free ones)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from evidence.views import VIEWS

    with tempfile.TemporaryDirectory() as scratch:
        for name in ("baseline_app.py", "baseline.sql"):  # the naive page in a folder without .streamlit/
            (Path(scratch) / name).write_text((SCRIPTS / name).read_text(encoding="utf-8"), encoding="utf-8")
        naive_port, app_port = (args.port, args.port + 1) if args.port else (serve_scaled.free_port(),
                                                                             serve_scaled.free_port())
        naive = _serve(Path(scratch) / "baseline_app.py", Path(scratch), naive_port)
        app = _serve(REPO / "app.py", REPO, app_port)
        try:
            naive_url, app_url = f"http://127.0.0.1:{naive_port}", f"http://127.0.0.1:{app_port}"
            for url in (naive_url, app_url):
                serve_scaled.wait_until_healthy(url, timeout_s=120)
            started = time.perf_counter()
            view = costliest(app_url, app.pid, [(v.title, v.path) for v in VIEWS.values()])
            result = measure(app_url, view, naive_url, args.sessions, rounds=args.rounds)
        finally:
            for process in (naive, app):
                process.terminate()
                process.wait(timeout=10)
    print(f"Run alone (`python scripts/bench_costliest.py`) in {time.perf_counter() - started:.0f} s, load average "
          f"{os.getloadavg()[0]:.1f}:\n")
    print("\n".join(section(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
