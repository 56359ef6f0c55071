"""The SQL console's memory under attack: two sessions run the two memory bombs of issue 22 at once, over Streamlit's
websocket as a browser would; the server's memory (the server process and every child: the loading child, the
console's workers) is sampled every 20 ms. Prints a Markdown section; `scripts/bench.py` adds it to BENCHMARKS.md.

  python scripts/bench_console.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import serve_scaled  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# The two queries of issue 22, one a line: a list of 50 million numbers sorted, 500 MB of text in 5,000 rows.
BOMBS = tuple((Path(__file__).with_name("console_bombs.sql")).read_text(encoding="utf-8").strip().splitlines())


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        with contextlib.suppress(OSError, StopIteration):
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    todo += [int(child) for child in children.read().split()]
    return total


async def run_query(url: str, sql: str) -> str | None:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60,
                                  ping_interval=None) as socket:
        return await load.one_run(socket, "data", urlencode({"sql": sql}))


async def at_once(url: str, queries) -> list:
    return await asyncio.gather(*(run_query(url, sql) for sql in queries))


def one_round(url: str, pid: int) -> dict:
    idle = tree_rss_mb(pid)
    samples, done = [idle], threading.Event()

    def watch():
        while not done.is_set():
            samples.append(tree_rss_mb(pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    errors = asyncio.run(at_once(url, BOMBS))
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    return {"idle": idle, "peak": max(samples), "seconds": seconds, "errors": [e for e in errors if e]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    process, url, _ = _start()
    try:
        asyncio.run(run_query(url, "SELECT 1 AS warm"))  # the Data view and the console's first worker, as in use
        rounds = [one_round(url, process.pid) for _ in range(args.rounds)]
    finally:
        process.terminate()
        process.wait(timeout=20)
    above = [r["peak"] - r["idle"] for r in rounds]
    print("## The SQL console under two memory bombs at once\n")
    print("Two sessions at once, over the websocket: `" + "` and `".join(BOMBS) + "`; the server's memory (its "
          "process and every child: the console's workers) sampled every 20 ms. Target: at most 1 GB above the idle "
          f"server. {args.rounds} rounds.\n")
    print("| measure | median | worst |\n| --- | ---: | ---: |")
    print(f"| idle server (MB) | {statistics.median(r['idle'] for r in rounds):,.0f} | "
          f"{max(r['idle'] for r in rounds):,.0f} |")
    print(f"| peak above idle (MB) | {statistics.median(above):,.0f} | {max(above):,.0f} |")
    print(f"| both answered (s) | {statistics.median(r['seconds'] for r in rounds):.2f} | "
          f"{max(r['seconds'] for r in rounds):.2f} |")
    errors = sorted({e for r in rounds for e in r["errors"]})
    print(f"\nScript errors: {len(errors)}" + ("".join(f"\n- {e}" for e in errors)))
    return 0


def _start():
    port = serve_scaled.free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port",
                                str(port), "--server.headless", "true"], cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while time.perf_counter() - started < 60:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                return process, url, started
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not start")


if __name__ == "__main__":
    sys.exit(main())
