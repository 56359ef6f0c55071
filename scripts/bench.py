"""Benchmark (a first part of issue 8): server CPU and wall time per warm rerun of every page, against a
baseline one-chart page measured in the same run, and the cold start. Writes BENCHMARKS.md.

How: a real Streamlit server per app, a real headless Chromium tab (Debian's chromium); each rerun is
triggered by pressing "r" in the page (Streamlit's rerun shortcut) and lasts until the page has settled.
Server CPU is the server process's user + system time from /proc, read before and after each rerun.
Not yet measured here: chart-click latency per page, the 1/10/30/50-session concurrency run, memory, and
the scaled set-up (see issue 8).

Usage: python scripts/bench.py [--reruns N]
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGES = [("Overview", None), ("Case studies", "Case studies"), ("Expert survey", "Expert survey"),
         ("Policy", "Policy"), ("Workshop", "Workshop"), ("Evidence search", "Evidence search"), ("Data", "Data")]
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') !== 'running'
        && !document.querySelector('[data-testid="stStatusWidget"]');
}"""

# The baseline page (scripts/baseline_app.py) runs from a scratch folder, so it gets Streamlit's default
# configuration rather than the app's .streamlit/config.toml.
BASELINE = Path(__file__).resolve().parent / "baseline_app.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(script: Path, cwd: Path) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.headless",
         "true", "--browser.gatherUsageStats", "false"], cwd=cwd, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://localhost:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    return process, url, started


def settle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(SETTLED, timeout=60000)


def measure_reruns(page, pid: int, reruns: int, warmup: int = 3) -> tuple[list[float], list[float]]:
    cpu, wall = [], []
    for index in range(warmup + reruns):
        before, started = cpu_seconds(pid), time.perf_counter()
        page.locator("body").press("r")
        page.wait_for_timeout(120)  # the rerun request leaves the browser
        settle(page)
        if index >= warmup:
            cpu.append((cpu_seconds(pid) - before) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return cpu, wall


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=15)
    args = parser.parse_args()
    rows, cold = [], {}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        baseline = Path(scratch) / "baseline_app.py"
        baseline.write_text(BASELINE.read_text(encoding="utf-8"), encoding="utf-8")
        (Path(scratch) / "baseline.sql").write_text((BASELINE.parent / "baseline.sql").read_text(encoding="utf-8"),
                                                    encoding="utf-8")
        for name, script, cwd in (("baseline", baseline, Path(scratch)), ("app", REPO / "app.py", REPO)):
            process, url, started = start_server(script, cwd)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(url)
                settle(page)
                cold[name] = time.perf_counter() - started
                targets = [("Baseline one-chart page", None)] if name == "baseline" else PAGES
                for title, link in targets:
                    if link:
                        page.locator('[data-testid="stSidebarNav"] a', has_text=link).click()
                        page.wait_for_timeout(200)
                        settle(page)
                    cpu, wall = measure_reruns(page, process.pid, args.reruns)
                    rows.append((title, statistics.median(cpu), p95(cpu), statistics.median(wall), p95(wall)))
                    print(f"{title}: CPU median {rows[-1][1]:.0f} ms, wall median {rows[-1][3]:.0f} ms", flush=True)
                page.close()
            finally:
                process.terminate()
                process.wait(timeout=10)
        browser.close()
    base_cpu = rows[0][1]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`scripts/bench.py`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        f"## Server CPU and wall time per warm rerun ({args.reruns} reruns after 3 warm-up reruns, one tab)",
        "",
        "A rerun is triggered by pressing `r` in the page and lasts until the page has settled. Server CPU is the",
        "Streamlit process's user + system time (10 ms clock ticks). The ratio compares with the baseline",
        "one-chart page (a DuckDB query, an Altair chart and a table, default configuration) in the same run.",
        "",
        "| page | server CPU median (ms) | CPU p95 (ms) | wall median (ms) | wall p95 (ms) | CPU ratio to baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for title, cpu_median, cpu_p95, wall_median, wall_p95 in rows:
        lines.append(f"| {title} | {cpu_median:.0f} | {cpu_p95:.0f} | {wall_median:.0f} | {wall_p95:.0f} | "
                     f"{cpu_median / base_cpu:.2f} |")
    lines += [
        "",
        "## Cold start",
        "",
        f"From process start to the first page settled in Chromium: app {cold['app']:.1f} s, "
        f"baseline {cold['baseline']:.1f} s.",
        "",
        "## Not measured yet",
        "",
        "Chart-click latency per page, the 1 / 10 / 30 / 50-session concurrency run with memory, the soak run, and",
        "the scaled set-up behind a load balancer (issue 8).",
        "",
    ]
    (REPO / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    print((REPO / "BENCHMARKS.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
