"""The API's part of the benchmark: requests per second on one app process, beside the reruns per second of
the same process in the same run (`make bench` calls `measure` and `report_lines`).

Clients are threads requesting with no think time, a new connection per request (as pandas and R do). Measured:
a table page (`/api/tables/statements.json`, answered from the per-process cache after the first request), a
named query with filters (cached the same way), and the same query with a new text filter on every request
(never cached: validation, DuckDB and encoding each time). The reruns are scripts/load.py's sessions over
Streamlit's websocket, cycling through every view.

Alone: python scripts/bench_api.py [--write] starts the app, measures, prints the section and, with --write,
puts it in BENCHMARKS.md in place of the previous one (the rest of the file is left as the last full run wrote it).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import itertools
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402  (scripts/load.py)
import serve_scaled  # noqa: E402  (scripts/serve_scaled.py)

REPO = Path(__file__).resolve().parent.parent
CLIENTS = 10
REQUESTS = 200  # per client
RERUN_SESSIONS = 10
PATHS = [
    ("table page, cached", lambda n: "/api/tables/statements.json"),
    ("named query, cached", lambda n: "/api/queries/case_filter.json?countries=NL&countries=DE&presented=true"),
    ("named query, never cached", lambda n: f"/api/queries/instruments_filtered.json?levels=EU&text=pro{n}"),
]
HEADING = "## API requests per second, one process"


def _client(netloc: str, path_of, numbers, latencies: list, errors: list) -> None:
    for number in numbers:
        # A new connection per request, as pandas.read_csv(url) and R's read.csv make one. (On a kept-alive
        # connection every answer of this server, Streamlit's own /_stcore/health too, waits ~40 ms for the
        # client's delayed ACK: the server's sockets do not set TCP_NODELAY. See the README.)
        connection = http.client.HTTPConnection(netloc, timeout=30)
        started = time.perf_counter()
        try:
            connection.request("GET", path_of(number))
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{response.status} for {path_of(number)}")
                continue
        except OSError as err:
            errors.append(str(err))
            continue
        finally:
            connection.close()
        latencies.append(time.perf_counter() - started)


def api_rate(url: str, path_of, clients: int = CLIENTS, requests: int = REQUESTS) -> dict:
    netloc = urlsplit(url).netloc
    _client(netloc, path_of, [-1], [], [])  # warm: the first answer fills the cache
    counter = itertools.count()
    batches = [[next(counter) for _ in range(requests)] for _ in range(clients)]
    latencies, errors = [], []
    threads = [threading.Thread(target=_client, args=(netloc, path_of, batch, latencies, errors)) for batch in batches]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"clients": clients, "requests": len(latencies), "rate": len(latencies) / seconds,
            "p50": statistics.median(ordered) * 1000, "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000,
            "errors": len(errors)}


def measure(url: str) -> dict:
    """API requests per second for each path, and reruns per second, on the server at `url`."""
    rows = {}
    for label, path_of in PATHS:
        rows[label] = api_rate(url, path_of)
        print("api", label, rows[label], flush=True)
    # In its own thread: `make bench` calls this from inside its event loop, where asyncio.run() is refused.
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(load=asyncio.run(load.run_load(url, RERUN_SESSIONS, 10))))
    worker.start()
    worker.join()
    reruns = result["load"]
    return {"rows": rows, "reruns_per_second": reruns.runs_per_second, "rerun_errors": len(reruns.errors)}


def report_lines(api: dict) -> list[str]:
    base = api["reruns_per_second"]
    lines = [
        HEADING,
        "",
        f"{CLIENTS} clients request with no think time, a new connection per request as pandas and R make one "
        f"({REQUESTS} requests each, after one warm-up request), to the app's own server process, the one that "
        f"serves the views. Beside it, in the same run: {RERUN_SESSIONS} sessions rerunning every view over the "
        f"websocket (scripts/load.py) made **{base:.1f} reruns/s** ({api['rerun_errors']} errors). "
        "The ratio is requests/s over reruns/s.",
        "",
        "| request | clients | requests | p50 (ms) | p95 (ms) | requests/s | errors | ratio to reruns/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, row in api["rows"].items():
        lines.append(f"| {label} | {row['clients']} | {row['requests']} | {row['p50']:.1f} | {row['p95']:.1f} | "
                     f"{row['rate']:.0f} | {row['errors']} | {row['rate'] / base:.1f} |")
    return lines + [""]


def write_section(lines: list[str], note: str) -> None:
    path = REPO / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    section = "\n".join([*lines[:2], note, "", *lines[2:]])
    if HEADING in text:
        before, rest = text.split(HEADING, 1)
        after = rest[rest.find("\n## "):] if "\n## " in rest else ""
        text = before + section + after.lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="put the section in BENCHMARKS.md")
    args = parser.parse_args()
    port = serve_scaled.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=REPO,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        serve_scaled.wait_until_healthy(url)
        asyncio.run(load.run_load(url, 1, 2))  # the database is built and every view has run once
        lines = report_lines(measure(url))
    finally:
        process.terminate()
        process.wait(timeout=10)
    print("\n".join(lines))
    if args.write:
        write_section(lines, f"Measured by `python scripts/bench_api.py --write` on {datetime.now(UTC):%Y-%m-%d %H:%M} "
                             "UTC, on its own (not in the full `make bench` run that wrote the sections above).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
