"""Live mode's benchmark (issue 25; `make bench` runs it and writes its section of BENCHMARKS.md, `make bench-live`
prints the section alone): a simulated room (scripts/live_load.py) of 100 phones and a presenter, in four set-ups:
one app process and two behind HAProxy (scripts/serve_scaled.py), each on SQLite (one file in a temporary state
folder, shared by the processes) and on PostgreSQL (a throwaway cluster, tests/live_postgres.py).

In each: the presenter opens its slides and clicks *Go live* over its own websocket session, the phones join and
follow the join slide for `--follow` seconds (the CPU of following alone), then the presenter moves through
`--moves` slides while the phones answer. Beside it, one ordinary session reruns the Overview back to back: its warm
rerun before the room arrives and during the slides and answers (the other users must not be slowed).

Usage: python scripts/bench_live.py [--phones 100] [--moves 6] [--follow 30] [--json OUT] [--only SETUP] [--write]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import websockets

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
import bench_report  # noqa: E402  (scripts/bench_report.py)
import live_load  # noqa: E402  (scripts/live_load.py)
import load  # noqa: E402  (scripts/load.py)
import serve_scaled  # noqa: E402  (scripts/serve_scaled.py)
from live_protocol import Browser, page_cookie  # noqa: E402

from evidence.content import findings  # noqa: E402
from evidence.content.room_questions import FINDING_CHOICES  # noqa: E402
from evidence.live import database  # noqa: E402
from tests import live_postgres  # noqa: E402  (the throwaway cluster the store's tests use)

SETUPS = [(1, "SQLite"), (2, "SQLite"), (1, "PostgreSQL"), (2, "PostgreSQL")]


def setup_name(processes: int, store: str) -> str:
    return f"{'1 process' if processes == 1 else f'{processes} processes behind HAProxy'}, {store}"


@contextlib.contextmanager
def postgres():
    """A throwaway PostgreSQL cluster (its `postgres` database): its URL; stopped and removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="sme-pg-"))
    prefix, programs = live_postgres.run_as(), live_postgres.bin_dir()
    try:
        if prefix:
            shutil.chown(folder, user=prefix[2])
        port = live_postgres.start_cluster(folder, prefix, programs)
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*prefix, str(programs / "pg_ctl"), "-D", str(folder / "data"), "-m",
                            "fast", "stop"], capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def descendants(pid: int) -> list[int]:
    """The process and its children, recursively (the app's data loader, the SQL console's workers)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                found += descendants(int(child))
    return found


async def overview_reruns(url: str, cookie: str, done: asyncio.Event | None, count: int = 40) -> list[float]:
    """Another user: warm reruns of the Overview, back to back, until `done` is set (else `count` of them); ms."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    times: list[float] = []
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None,
                                  additional_headers={"Cookie": cookie} if cookie else {}) as socket:
        for _ in range(5):  # warm
            await load.one_run(socket, "", "")
        while (done is None and len(times) < count) or (done is not None and not done.is_set()):
            started = time.perf_counter()
            error = await load.one_run(socket, "", "")
            if error:
                raise RuntimeError(error)
            times.append((time.perf_counter() - started) * 1000)
    return times


async def go_live(url: str) -> tuple[str, str]:
    """The presenter's *Go live*, over its own session: the code and the secret of the new session's link."""
    presenter = Browser(url, page_cookie(url))
    try:
        await presenter.open("", "present=1&slide=1")
        await presenter.click("Go live", done=lambda _: "live=" in presenter.query_string
                              and "host=" in presenter.query_string)
        params = dict(part.split("=", 1) for part in presenter.query_string.split("&"))
        return params["live"], params["host"]
    finally:
        await presenter.close()


def stored(code: str):
    """What the store holds for a phone's answer on a slide (read in this process, from the same store)."""
    from evidence.content import room_questions
    from evidence.live import session

    def held(cookies: str, slide: int):
        token = dict(part.split("=", 1) for part in cookies.split("; ")).get("sme_live", "")
        with contextlib.suppress(Exception):
            return session.my_answer(code, token, room_questions.first_key(slide))
        return "?"
    return held


def room(moves: int, code: str = "") -> live_load.Room:
    slides = [0, *[(n % len(findings.FINDINGS)) + 1 for n in range(moves)]]
    return live_load.Room(
        presenter_query=lambda code, secret, slide: f"present=1&slide={slide}&live={code}&host={secret}",
        headline=lambda slide: findings.FINDINGS[slide - 1].headline if slide else "You have joined",
        slides=slides, choices=[label for _, label in FINDING_CHOICES], stored=stored(code) if code else None)


async def measure(url: str, pids: list[int], args) -> dict:
    cookie = page_cookie(url)
    load_before = os.getloadavg()[0]
    alone = await overview_reruns(url, cookie, None)
    code, secret = await go_live(url)
    during: list[float] = []

    async def other_user(done: asyncio.Event) -> None:
        during.extend(await overview_reruns(url, cookie, done))

    pids = [pid for parent in pids for pid in descendants(parent)]
    result = await live_load.run_room(url, code, secret, room(args.moves, code), pids, phones=args.phones,
                                      follow_seconds=args.follow, dwell=args.dwell, during=other_user)
    return {
        "phones": args.phones, "moves": args.moves, "follow": args.follow,
        "slide_p95": live_load.p95(result.slide_latencies), "slide_p50": statistics.median(result.slide_latencies),
        "slide_all_p95": live_load.p95(result.slide_all), "slide_all": result.slide_all,
        "answer_p95": live_load.p95(result.answer_latencies),
        "answer_p50": statistics.median(result.answer_latencies) if result.answer_latencies else float("nan"),
        "answers": result.answers, "counted": len(result.answer_latencies),
        "follow_cpu": result.per_follower_minute(result.follow_cpu, result.follow_seconds),
        "run_cpu": result.per_follower_minute(result.run_cpu, result.run_seconds),
        "run_seconds": result.run_seconds,
        "errors": len(result.errors), "first_errors": result.errors[:5],
        "load": (load_before, os.getloadavg()[0]),  # the machine's load average, before and after
        "other_alone": (statistics.median(alone), live_load.p95(alone)),
        "other_during": (statistics.median(during), live_load.p95(during)) if during else (float("nan"),) * 2,
    }


def run_setup(processes: int, store: str, args) -> dict:
    with contextlib.ExitStack() as stack:
        state = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sme-live-bench-")))
        env = {"SME_STATE_DIR": str(state), "SME_LIVE_DB": ""}
        if store == "PostgreSQL":
            env["SME_LIVE_DB"] = stack.enter_context(postgres())
        os.environ.update(env)  # this process reads the same store (what a tap never acknowledged left in it)
        stack.callback(database.close_all)
        setup = stack.enter_context(serve_scaled.scaled(processes=processes, env=env))
        url = setup.url if processes > 1 else setup.app_urls[0]
        pids = [app.pid for app in setup.apps] + ([setup.balancer.pid] if processes > 1 else [])
        return asyncio.run(measure(url, pids, args))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--moves", type=int, default=6)
    parser.add_argument("--follow", type=float, default=30, help="seconds of following alone (CPU)")
    parser.add_argument("--dwell", type=float, default=8, help="seconds a slide is shown, at most")
    parser.add_argument("--json", type=Path, help="write the figures there too")
    parser.add_argument("--only", help="one set-up, e.g. '1 SQLite' or '2 PostgreSQL'")
    parser.add_argument("--write", action="store_true", help="put the section into BENCHMARKS.md (in place of the "
                        "one there), as `make bench` does with the whole file")
    parser.add_argument("--from-json", type=Path, help="the figures of an earlier run (--json), not measured again")
    args = parser.parse_args()
    rows = json.loads(args.from_json.read_text(encoding="utf-8")) if args.from_json else {}
    for processes, store in [] if args.from_json else SETUPS:
        if args.only and args.only != f"{processes} {store}":
            continue
        rows[setup_name(processes, store)] = run_setup(processes, store, args)
        print(setup_name(processes, store), rows[setup_name(processes, store)], file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    section = bench_report.live_lines(rows, os.cpu_count())
    if args.write:
        bench_report.replace_section(REPO / "BENCHMARKS.md", section)
    print("\n".join(section))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
