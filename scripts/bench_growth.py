"""The growth benchmark (issue 26): the app on synthetic folders 1, 10, 100 and 1000 times today's rows.

For each size, a folder written by scripts/grow_data.py in a temporary directory:

- validate: the loading child (`python -m evidence.data.loader DIR`, what app.py runs at start-up: every CSV read
  with the schema's types, every key and check enforced in DuckDB, the tables pickled back), its wall time and its
  peak memory (the child's VmHWM, from getrusage of a wrapper that waits for it);
- start to first page: from starting `streamlit run app.py` with SME_EVIDENCE_DATA set until the Overview's first run
  has finished over the websocket (scripts/load.py's protocol; no browser);
- each view's warm rerun: one session reruns the view in its default state (after warm-up runs), median wall ms;
- bytes a rerun: every ForwardMsg the server sends for one rerun, summed (the median rerun), and the largest single
  message of any rerun of the view (an element: the target is about 1 MB at any size);
- peak server memory: the server process's VmHWM after all of it.

Prints a Markdown section (`make bench` appends it to BENCHMARKS.md). Usage:
python scripts/bench_growth.py [--sizes 1,10,100,1000] [--reruns N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent))
import grow_data  # noqa: E402  (scripts/grow_data.py)
import load  # noqa: E402  (scripts/load.py)
import serve_scaled  # noqa: E402  (scripts/serve_scaled.py)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from evidence.views import VIEWS  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGES = [(view.title, view.path) for view in VIEWS.values()]
# The loading child in a wrapper that waits for it and says its peak memory (KB) and wall time (s).
LOADER = ("import resource, subprocess, sys, time; started = time.perf_counter(); "
          "subprocess.run([sys.executable, '-m', 'evidence.data.loader', sys.argv[1]], check=True, "
          "stdout=subprocess.DEVNULL); print(time.perf_counter() - started, "
          "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


class Counted:
    """A websocket that counts the bytes of what it receives: one_run of scripts/load.py drives it unchanged."""

    def __init__(self, socket) -> None:
        self.socket, self.total, self.largest = socket, 0, 0

    async def send(self, data) -> None:
        await self.socket.send(data)

    async def recv(self):
        data = await self.socket.recv()
        self.total += len(data)
        self.largest = max(self.largest, len(data))
        return data


def memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def loading(folder: Path) -> tuple[float, float]:
    """The loading child's wall time (s) and peak memory (MB)."""
    out = subprocess.run([sys.executable, "-c", LOADER, str(folder)], check=True, capture_output=True, text=True,
                         cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}).stdout.split()
    return float(out[0]), int(out[1]) / 1024


async def _first_page(url: str, deadline_s: float = 300) -> None:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None) as socket:
        error = await asyncio.wait_for(load.one_run(socket, "", ""), timeout=deadline_s)
        if error:
            raise RuntimeError(error)


async def _view(url: str, page_name: str, reruns: int, warmup: int = 3) -> dict:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    wall, sent, largest = [], [], 0
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None) as raw:
        socket = Counted(raw)
        for index in range(warmup + reruns):
            socket.total, started = 0, time.perf_counter()
            error = await asyncio.wait_for(load.one_run(socket, page_name, ""), timeout=300)
            if error:
                return {"error": error}
            if index >= warmup:
                wall.append((time.perf_counter() - started) * 1000)
                sent.append(socket.total)
        largest = socket.largest
    return {"ms": statistics.median(wall), "bytes": statistics.median(sent), "largest": largest}


def one_size(copies: int, folder: Path, reruns: int) -> dict:
    rows = sum(grow_data.grow(copies, folder).values())
    validate_s, loader_mb = loading(folder)
    port = serve_scaled.free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"], cwd=REPO,
        env={**os.environ, "SME_EVIDENCE_DATA": str(folder)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        serve_scaled.wait_until_healthy(url, timeout_s=120)
        asyncio.run(_first_page(url))
        first_page_s = time.perf_counter() - started
        views = {title: asyncio.run(_view(url, path, reruns)) for title, path in PAGES}
        server_mb = memory_mb(process.pid, "VmHWM")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {"copies": copies, "rows": rows, "validate_s": validate_s, "loader_mb": loader_mb,
            "first_page_s": first_page_s, "views": views, "server_mb": server_mb}


def _rows(count: int) -> str:
    return f"{count / 1000:,.0f}k" if count >= 10_000 else f"{count / 1000:,.1f}k" if count >= 1000 else str(count)


def _size(count: float) -> str:
    return f"{count / 1e6:,.2f} MB" if count >= 1e6 else f"{count / 1e3:,.0f} KB"


def _cell(view: dict, field: str) -> str:
    if "error" in view:
        return "error"
    return f"{view['ms']:,.0f}" if field == "ms" else _size(view[field])


def table(results: list[dict]) -> str:
    titles = [title for title, _ in PAGES]
    lines = ["| size | rows | validate (s) | start to first page (s) | warm rerun ms (" + " / ".join(titles)
             + ") | bytes a rerun (" + " / ".join(titles) + ") | largest message | peak memory, server / loader (MB) |",
             "| --- | ---: | ---: | ---: | --- | --- | ---: | --- |"]
    for r in results:
        views = [r["views"][t] for t in titles]
        largest = max((v["largest"] for v in views if "error" not in v), default=0)
        lines.append(f"| {r['copies']}x | {_rows(r['rows'])} | {r['validate_s']:.1f} | {r['first_page_s']:.1f} | "
                     + " / ".join(_cell(v, "ms") for v in views) + " | "
                     + " / ".join(_cell(v, "bytes") for v in views) + f" | {_size(largest)} | "
                     f"{r['server_mb']:,.0f} / {r['loader_mb']:,.0f} |")
    errors = [f"- {r['copies']}x, {t}: {v['error']}" for r in results for t, v in r["views"].items() if "error" in v]
    return "\n".join(lines) + ("\n\nErrors:\n" + "\n".join(errors) if errors else "")


def targets(results: list[dict]) -> str:
    """The issue's targets that these figures decide, each with whether it holds."""
    by = {r["copies"]: r for r in results}
    lines = []
    if 1 in by and 100 in by:
        one, big = by[1], by[100]
        for title, _ in PAGES:
            a, b = one["views"][title], big["views"][title]
            if "error" in a or "error" in b:
                continue
            held = b["ms"] <= 1.5 * a["ms"] and b["bytes"] <= 2 * a["bytes"]
            lines.append(f"- 100x, {title}: rerun {b['ms'] / a['ms']:.2f}x (≤ 1.5), bytes "
                         f"{b['bytes'] / a['bytes']:.2f}x (≤ 2): {'holds' if held else 'not met'}")
        ratio = big["first_page_s"] / one["first_page_s"]
        lines.append(f"- 100x, start to first page {ratio:.2f}x of 1x (≤ 2): {'holds' if ratio <= 2 else 'not met'}")
    if 1000 in by:
        r = by[1000]
        failed = [t for t, v in r["views"].items() if "error" in v]
        lines.append("- 1000x, every view serves without an error: "
                     + ("holds" if not failed else "not met: " + ", ".join(failed)))
        lines.append(f"- 1000x, validation {r['validate_s']:.1f} s and start-up {r['first_page_s']:.1f} s (≤ 15 s): "
                     f"{'holds' if max(r['validate_s'], r['first_page_s']) <= 15 else 'not met'}")
        lines.append(f"- 1000x, peak server memory {r['server_mb']:,.0f} MB (< 1,024): "
                     f"{'holds' if r['server_mb'] < 1024 else 'not met'}")
    largest = max((v["largest"] for r in results for v in r["views"].values() if "error" not in v), default=0)
    lines.append(f"- no message over about 1 MB a rerun at any size: largest {_size(largest)}: "
                 f"{'holds' if largest <= 1.1e6 else 'not met'}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="sme-growth-") as temp:
        for copies in (int(size) for size in args.sizes.split(",")):
            results.append(one_size(copies, Path(temp) / f"x{copies}", args.reruns))
            print(results[-1], file=sys.stderr, flush=True)
            (Path(temp) / f"x{copies}").rename(Path(temp) / f"done-{copies}")  # the next size writes anew
    print("## Growth: the same app on folders 1 to 1000 times larger\n")
    print("Synthetic folders written by `scripts/grow_data.py` (participants, statements, survey results, instruments "
          "and the rows that refer to them copied N times, every key and reference valid) and measured by "
          "`scripts/bench_growth.py`: the loading child's time and peak memory, start to the Overview's first run "
          "over the websocket, each view's warm rerun in its default state (median of "
          f"{args.reruns}) and the bytes the server sends for it, the largest single message, and the server's peak "
          "memory.\n")
    print(table(results))
    print("\nTargets of issue 26 these figures decide:\n")
    print(targets(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
