"""Simulated sessions that speak Streamlit's own websocket protocol: the benchmark's concurrency run.

Each session opens `/_stcore/stream` as the browser does (through a load balancer, it first fetches the page
so the balancer can pin it with a cookie), asks for a script run with a `rerun_script` BackMsg carrying the
page and its query string, and counts the run as done when the server sends `script_finished`. Sessions
rerun with no think time, cycling through the views and some of their filtered states, and record the
latency of every run, the runs that failed (an exception element, a run that did not finish normally, a
dropped connection) and the runs per second.

Usage: python scripts/load.py URL [--sessions N] [--reruns R]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# (page name as in the URL, query string): each view, plain and in a state a click or a filter puts it in.
VIEWS = [
    ("", ""), ("", "outcome=diverged"),
    ("case_studies", ""), ("case_studies", "typology=Urged+globals&case=Aisense"),
    ("expert_survey", ""), ("expert_survey", "theme=Trade+missions&item=4.d"),
    ("policy", ""), ("policy", "cell=customising-export"),
    ("workshop", ""), ("workshop", "slot=1145-discussion"),
    ("search", "q=customisation"), ("data", ""),
]
FINISHED_OK = {ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
               ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds per successful run
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def runs_per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(0, int(round(share * len(ordered))) - 1)] if ordered else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")


def affinity_cookie(base_url: str) -> str | None:
    """The cookie a load balancer sets on the first page load (None when there is no balancer)."""
    with urllib.request.urlopen(base_url + "/", timeout=30) as response:
        cookies = [value.split(";", 1)[0] for key, value in response.headers.items() if key.lower() == "set-cookie"]
    return "; ".join(cookies) or None


async def one_run(socket, page: str, query_string: str) -> str | None:
    """Ask for a script run and wait for its end; an error message, or None when it finished cleanly."""
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = query_string
    await socket.send(message.SerializeToString())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await socket.recv())
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element" \
                and forward.delta.new_element.WhichOneof("type") == "exception":
            return f"exception on /{page}?{query_string}: {forward.delta.new_element.exception.message[:200]}"
        if kind == "script_finished":
            if forward.script_finished in FINISHED_OK:
                return None
            if forward.script_finished == ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                continue  # our own next request cannot have come yet; a stray early finish is not the end
            return f"run on /{page}?{query_string} ended with status {forward.script_finished}"


async def session(base_url: str, number: int, reruns: int, result: Result, gate: Gate, views: list) -> None:
    ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
    try:
        cookie = await asyncio.get_running_loop().run_in_executor(None, affinity_cookie, base_url)
        async with websockets.connect(ws_url, subprotocols=["streamlit"],
                                      additional_headers={"Cookie": cookie} if cookie else {},
                                      max_size=None, open_timeout=60, ping_interval=None) as socket:
            page, query_string = views[number % len(views)]
            error = await one_run(socket, page, query_string)  # the session's first run, not timed
            if error:
                result.errors.append(error)
            await gate.ready_and_wait()
            for index in range(reruns):
                page, query_string = views[(number + index) % len(views)]
                started = time.perf_counter()
                error = await asyncio.wait_for(one_run(socket, page, query_string), timeout=120)
                if error:
                    result.errors.append(error)
                else:
                    result.latencies.append(time.perf_counter() - started)
    except Exception as err:  # a dropped connection or a timeout counts as an error, and the run goes on
        result.errors.append(f"session {number}: {type(err).__name__}: {err}")
    finally:
        gate.leave()


class Gate:
    """Holds the sessions until all have connected and run once, then releases them together."""

    def __init__(self, sessions: int) -> None:
        self.waiting, self.sessions, self.open = 0, sessions, asyncio.Event()

    async def ready_and_wait(self) -> None:
        self.waiting += 1
        if self.waiting >= self.sessions:
            self.open.set()
        await self.open.wait()

    def leave(self) -> None:
        # A session that failed before the gate must not hold the others back.
        if not self.open.is_set():
            self.sessions -= 1
            if self.waiting >= self.sessions:
                self.open.set()


async def run_load(base_url: str, sessions: int, reruns: int, views: list | None = None) -> Result:
    """`sessions` sessions connect (first runs untimed), then all rerun at once, `reruns` times each, cycling
    through `views` ((page, query string) pairs; every view of the app by default)."""
    result, gate = Result(), Gate(sessions)
    tasks = [asyncio.create_task(session(base_url, number, reruns, result, gate, views or VIEWS))
             for number in range(sessions)]
    await gate.open.wait()
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    result.seconds = time.perf_counter() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--reruns", type=int, default=10)
    args = parser.parse_args()
    result = asyncio.run(run_load(args.url.rstrip("/"), args.sessions, args.reruns))
    print(f"{args.sessions} sessions: {len(result.latencies)} runs in {result.seconds:.1f} s "
          f"({result.runs_per_second:.1f}/s), p50 {result.median * 1000:.0f} ms, "
          f"p95 {result.percentile(0.95) * 1000:.0f} ms, {len(result.errors)} errors")
    for error in result.errors[:10]:
        print("  ", error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
