"""The benchmark (`make bench`): writes BENCHMARKS.md. Everything is measured in one run, against a baseline
one-chart page (scripts/baseline_app.py, Streamlit's default configuration) served in the same run, so the
ratios hold on a noisy, shared machine.

1. Server CPU and wall time per warm rerun of every view, and of the baseline: one session, through
   Streamlit's own websocket protocol (scripts/load.py), reruns back to back. CPU is the server process's
   user + system time from /proc (10 ms ticks per rerun; the mean over all reruns is finer).
2. Click latency in headless Chromium: from the click on a chart mark (or Enter in the search box) until the
   result is on screen and the page has settled, alternating between two states of each view.
3. Cold start: from process start to the first page settled in Chromium.
4. Concurrency: 1, 10, 30 and 50 sessions rerunning views with no think time (scripts/load.py), with p50 /
   p95 latency, runs per second, errors and the server's peak memory (VmHWM); the baseline page at 50; 30 sessions
   on the costliest view against 30 on the baseline page (scripts/bench_costliest.py).
5. Scaling: 50 sessions through HAProxy in front of 2 app processes (scripts/serve_scaled.py).
6. Soak: sessions rerunning views for --soak-seconds (default 600), the server's memory sampled throughout.
7. API requests per second on the app's process, beside its reruns per second (scripts/bench_api.py).
8. Growth: the same measures on synthetic folders 1x to 1000x today's rows (scripts/bench_growth.py).
9. Live mode: 100 simulated phones and a presenter, 1 and 2 processes, SQLite and PostgreSQL (scripts/bench_live.py).

With --before REV, each view of that earlier revision is measured too, just before this one's (scripts/bench_before.py).

Usage: python scripts/bench.py [--reruns N] [--clicks N] [--soak-seconds S] [--before REV]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import websockets
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_api  # noqa: E402  (scripts/bench_api.py)
import bench_before  # noqa: E402  (scripts/bench_before.py)
import bench_clicks  # noqa: E402  (scripts/bench_clicks.py)
import bench_costliest  # noqa: E402  (scripts/bench_costliest.py)
import bench_report  # noqa: E402  (scripts/bench_report.py)
import load  # noqa: E402  (scripts/load.py)
import serve_scaled  # noqa: E402  (scripts/serve_scaled.py)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from evidence.views import VIEWS  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') !== 'running'
        && !document.querySelector('[data-testid="stStatusWidget"]');
}"""
# (view, page name in the URL): the default state of every view, as evidence/views.py declares them.
PAGES = [(view.title, view.path) for view in VIEWS.values()]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_async(coroutine):
    """Run a coroutine to its end in a thread of its own (Playwright's sync API holds this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def start_server(script: Path, cwd: Path) -> tuple[subprocess.Popen, str, float]:
    port = serve_scaled.free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"], cwd=cwd,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    serve_scaled.wait_until_healthy(url)
    return process, url, started


# The first run is over: before it starts the app's state is "initial", which SETTLED alone takes for settled (a
# cold start then read as short as the frontend's load).
FIRST_RUN_OVER = """() => document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state') === 'notRunning'"""


def settle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(SETTLED, timeout=60000)


def first_run_settled(page) -> None:
    page.wait_for_function(FIRST_RUN_OVER, timeout=60000)
    settle(page)


# ------------------------------------------------------------------------------ 1. warm reruns


async def _reruns(url: str, page_name: str, pid: int, reruns: int, warmup: int = 5):
    cpu, wall = [], []
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None) as socket:
        for index in range(warmup + reruns):
            before, started = cpu_seconds(pid), time.perf_counter()
            error = await load.one_run(socket, page_name, "")
            if error:
                raise RuntimeError(error)
            if index >= warmup:
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((cpu_seconds(pid) - before) * 1000)
    return cpu, wall


def warm_reruns(url: str, page_name: str, pid: int, reruns: int) -> dict:
    cpu, wall = run_async(_reruns(url, page_name, pid, reruns))
    return {"cpu_median": statistics.median(cpu), "cpu_p95": p95(cpu), "cpu_mean": statistics.fmean(cpu),
            "wall_median": statistics.median(wall), "wall_p95": p95(wall)}


# ------------------------------------------------------------------------------ 2. click latency


# ------------------------------------------------------------------------------ 4-6. load, scaling, soak


def concurrency(url: str, pid: int | None, sessions: int, reruns: int, views=None) -> dict:
    result = run_async(load.run_load(url, sessions, reruns, views or load.VIEWS))
    return {"sessions": sessions, "runs": len(result.latencies), "p50": result.median * 1000,
            "p95": result.percentile(0.95) * 1000, "rate": result.runs_per_second, "errors": len(result.errors),
            "peak_mb": memory_mb(pid, "VmHWM") if pid else None, "first_error": (result.errors or [""])[0]}


def soak(url: str, pid: int, seconds: float, sessions: int = 10) -> list[tuple[float, float]]:
    """Sessions rerunning views for `seconds`; the server's memory every 15 s: (seconds, MB)."""
    samples, started = [(0.0, memory_mb(pid))], time.perf_counter()
    while time.perf_counter() - started < seconds:
        run_async(load.run_load(url, sessions, 20))
        elapsed = time.perf_counter() - started
        if elapsed - samples[-1][0] >= 15:
            samples.append((elapsed, memory_mb(pid)))
    samples.append((time.perf_counter() - started, memory_mb(pid)))
    return samples


# ------------------------------------------------------------------------------ the report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--clicks", type=int, default=12)
    parser.add_argument("--soak-seconds", type=float, default=600)
    parser.add_argument("--before", default=None, help="an earlier revision whose views are measured beside these")
    args = parser.parse_args()
    rows, clicks, cold, load_rows, before = {}, {}, {}, [], {}
    commit = bench_before.commit_of(args.before) if args.before else None
    if args.before and commit is None:
        print(f"{args.before} is not in this repository (a shallow clone?): no comparison with it", flush=True)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        baseline = Path(scratch) / "baseline_app.py"
        baseline.write_text(BASELINE.read_text(encoding="utf-8"), encoding="utf-8")
        (Path(scratch) / "baseline.sql").write_text((BASELINE.parent / "baseline.sql").read_text(encoding="utf-8"),
                                                    encoding="utf-8")

        # Streamlit's own floor: an empty page (st.write("hi")) with the project's configuration, in its own folder.
        empty = Path(scratch) / "empty"
        (empty / ".streamlit").mkdir(parents=True)
        (empty / ".streamlit" / "config.toml").write_text((REPO / ".streamlit" / "config.toml").read_text())
        (empty / "empty_app.py").write_text('import streamlit as st\n\nst.write("hi")\n', encoding="utf-8")
        process, url, _ = start_server(empty / "empty_app.py", empty)
        try:
            rows["Empty page (project configuration)"] = warm_reruns(url, "", process.pid, args.reruns)
            print("empty", rows["Empty page (project configuration)"], flush=True)
        finally:
            process.terminate()
            process.wait(timeout=10)

        # The baseline page, with Streamlit's default configuration (no .streamlit/ in its folder).
        process, url, started = start_server(baseline, Path(scratch))
        try:
            page = browser.new_page()
            page.goto(url)
            first_run_settled(page)
            cold["baseline"] = time.perf_counter() - started
            page.close()
            rows["Baseline one-chart page"] = warm_reruns(url, "", process.pid, args.reruns)
            print("baseline", rows["Baseline one-chart page"], flush=True)
            baseline_load = concurrency(url, process.pid, 50, 10, views=[("", "")])
        finally:
            process.terminate()
            process.wait(timeout=10)

        process, url, started = start_server(REPO / "app.py", REPO)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            first_run_settled(page)
            cold["app"] = time.perf_counter() - started
            page.locator('[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas').first.wait_for()
            cold["app chart"] = time.perf_counter() - started
            page.close()
            with contextlib.ExitStack() as stack:
                earlier = stack.enter_context(bench_before.served(commit)) if commit else None
                for view, page_name in PAGES:
                    rows[view] = warm_reruns(url, page_name, process.pid, args.reruns)
                    print(view, rows[view], flush=True)
                    if earlier:  # the two revisions' view in alternating rounds
                        before[view] = bench_before.compare((process.pid, url), (earlier[0].pid, earlier[1]),
                                                            page_name, cpu_seconds, load.one_run)
                        print("before", view, before[view], flush=True)
            for key in bench_clicks.CLICKS:
                view = VIEWS[key].title
                clicks[view] = bench_clicks.click_latency(browser, url, key, "/" + VIEWS[key].path, args.clicks,
                                                          settle, p95)
                print("click", view, clicks[view], flush=True)
            # 30 sessions on the costliest view (by CPU a warm rerun) against 30 on the naive page, alternating.
            view = max(PAGES, key=lambda page: rows[page[0]]["cpu_mean"])
            naive, naive_url, _ = start_server(baseline, Path(scratch))
            try:
                costliest = bench_costliest.measure(url, view, naive_url)
                print("costliest", costliest, flush=True)
            finally:
                naive.terminate()
                naive.wait(timeout=10)
            for sessions in (1, 10, 30, 50):
                load_rows.append(("1 process", concurrency(url, process.pid, sessions, 10)))
                print(load_rows[-1], flush=True)
            api = bench_api.measure(url)  # API requests/s beside reruns/s, same process, same run
            soaked = soak(url, process.pid, args.soak_seconds) if args.soak_seconds > 0 else []
            print("soak", soaked[:1], soaked[-1:], flush=True)
            with urllib.request.urlopen(f"{url}/api/status.json", timeout=10) as response:
                cache_fill = json.loads(response.read())["cache"]  # the one cache after the load and the soak
        finally:
            process.terminate()
            process.wait(timeout=10)
        browser.close()

    with serve_scaled.scaled(processes=2) as setup:
        for app_url in setup.app_urls:  # each process warm (every view run once), as the one process is by now
            concurrency(app_url, None, 1, len(load.VIEWS))
        scaled = concurrency(setup.url, None, 50, 10)
        scaled["peak_mb"] = max(memory_mb(app.pid, "VmHWM") for app in setup.apps)
        print("scaled", scaled, flush=True)
    cache_hit = json.loads(subprocess.run([sys.executable, str(Path(__file__).parent / "bench_cache.py")], check=True,
                                          capture_output=True, text=True, cwd=REPO).stdout.strip().splitlines()[-1])
    takeaway = subprocess.run([sys.executable, str(Path(__file__).parent / "bench_takeaway.py"), "--runs", "3"],
                              check=True, capture_output=True, text=True, cwd=REPO).stdout  # a Markdown table
    console = subprocess.run([sys.executable, str(Path(__file__).parent / "bench_console.py")], check=True,
                             capture_output=True, text=True, cwd=REPO).stdout  # a Markdown section
    growth = subprocess.run([sys.executable, str(Path(__file__).parent / "bench_growth.py")], check=True,
                            capture_output=True, text=True, cwd=REPO).stdout  # a Markdown section (issue 26)
    live = subprocess.run([sys.executable, str(Path(__file__).parent / "bench_live.py")], check=True,
                          capture_output=True, text=True, cwd=REPO).stdout  # a Markdown section (issue 25)
    bench_report.write(args, rows, clicks, cold, load_rows, baseline_load, scaled, soaked, api, cache_fill, cache_hit,
                       takeaway, (commit, before) if before else None, bench_costliest.section(costliest))
    with (REPO / "BENCHMARKS.md").open("a", encoding="utf-8") as report:
        report.write("\n" + console)
        report.write("\n" + growth)
        report.write("\n" + live)
    print((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
