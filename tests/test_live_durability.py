"""Nothing acknowledged is lost (issue 25, item 7), at the server: the app serves a live session, phones answer over
Streamlit's own websocket protocol (scripts/live_protocol.py) and keep changing their answers, the server is killed
with SIGKILL while answers are in flight, and a new server on the same state (the same SQLite file, or the same
PostgreSQL database) shows every phone the answer it last saw acknowledged (or one it sent after that, which may
have been stored before the kill), the presenter the room's count, and the session goes on: a new answer is taken
and the presenter moves the room to the next slide. On SQLite and on PostgreSQL (tests/live_postgres.py)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import random
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from evidence.content import findings
from evidence.content.room_questions import FINDING_CHOICES
from tests.live_postgres import postgres_cluster_fixture, postgres_url_fixture  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from live_load import answer  # noqa: E402  (scripts/live_load.py)
from live_protocol import Browser, join_cookies, page_cookie, plain  # noqa: E402  (scripts/live_protocol.py)
from serve_scaled import free_port, wait_until_healthy  # noqa: E402  (scripts/serve_scaled.py)

LABELS = [label for _, label in FINDING_CHOICES]
PHONES = 4
ACKS_BEFORE_THE_KILL = 12  # answers acknowledged in the stream before the server is killed


@contextmanager
def app_server(env: dict[str, str]):
    """The app on a free port with the live store's environment: (its process, its URL)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, 180)
        yield process, url
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def params(query_string: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in query_string.split("&") if "=" in part)


async def go_live(url: str) -> tuple[str, str]:
    presenter = Browser(url, page_cookie(url))
    await presenter.open("", "present=1&slide=1")
    await presenter.click("Go live", done=lambda _: {"live", "host"} <= params(presenter.query_string).keys())
    found = params(presenter.query_string)
    await presenter.close()
    return found["live"], found["host"]


async def presenter_on(url: str, code: str, secret: str, slide: int) -> Browser:
    """The presenter's link on a slide (its run moves the session there)."""
    presenter = Browser(url, page_cookie(url))
    await presenter.open("", f"present=1&slide={slide}&live={code}&host={secret}")
    return presenter


def headline(slide: int) -> str:
    return plain(findings.FINDINGS[slide - 1].headline)


def shows(phone: Browser, words: str) -> bool:
    return any(words in plain(element.text) for element in phone.elements.values())


def saved(phone: Browser) -> str | None:
    """The answer the phone says is saved ("Saved: <label>"), or None."""
    for element in phone.elements.values():
        text = plain(element.text)
        if text.startswith("Saved: "):
            return text.removeprefix("Saved: ")
    return None


async def keep_answering(phone: Browser, log: list[tuple[str, bool]], seed: int) -> None:
    """Change the answer again and again until the connection drops: (label, acknowledged) for each tap, in order
    (a tap the server took but never acknowledged is logged as not acknowledged before it is sent)."""
    rng = random.Random(seed)
    while True:
        label = rng.choice(LABELS)
        log.append((label, False))
        try:
            await answer(phone, label)  # returns once the phone says "Saved: <label>"
        except Exception:  # the server is gone: the connection closed under the tap
            return
        log[-1] = (label, True)


def allowed_after_restart(log: list[tuple[str, bool]]) -> set[str]:
    """What the restarted server may show: the last acknowledged answer, or one sent after it."""
    last = max(index for index, (_, ok) in enumerate(log) if ok)
    return {label for label, _ in log[last:]}


async def scenario(env: dict[str, str]) -> None:
    with app_server(env) as (process, url):
        code, secret = await go_live(url)
        presenter = await presenter_on(url, code, secret, 1)
        phones = []
        for _ in range(PHONES):
            cookies, location = join_cookies(url, code)
            assert "sme_live=" in cookies and location == f"/join?code={code}"
            phone = Browser(url, cookies)
            await phone.open("join", location.split("?", 1)[1])
            await phone.until(lambda phone=phone: shows(phone, headline(1)))
            phones.append(phone)
        logs: list[list[tuple[str, bool]]] = [[] for _ in phones]
        for phone, log in zip(phones, logs, strict=True):  # one acknowledged answer each, then a stream of changes
            await answer(phone, LABELS[0])
            log.append((LABELS[0], True))
        streams = [asyncio.create_task(keep_answering(phone, log, seed)) for seed, (phone, log)
                   in enumerate(zip(phones, logs, strict=True))]
        await phones[0].until(lambda: sum(ok for log in logs for _, ok in log) >= PHONES + ACKS_BEFORE_THE_KILL)
        process.kill()  # SIGKILL, answers in flight
        process.wait(timeout=30)
        await asyncio.gather(*streams)
        for browser in [presenter, *phones]:
            await browser.close()

    with app_server(env) as (_, url):  # the same state, a new process
        presenter = await presenter_on(url, code, secret, 1)
        again = []
        for phone, log in zip(phones, logs, strict=True):
            reopened = Browser(url, phone.cookies)  # the same phone: its cookie, a reload
            await reopened.open("join", f"code={code}")
            await reopened.until(lambda reopened=reopened: saved(reopened) is not None)
            assert saved(reopened) in allowed_after_restart(log), (saved(reopened), log[-4:])
            again.append(reopened)
        await presenter.until(lambda: f"n = {PHONES}" in plain(presenter.page_text()))

        # The session goes on: a new answer is taken, and the presenter moves the room.
        await answer(again[0], LABELS[2])  # acknowledged, or it raises
        await presenter.close()
        presenter = await presenter_on(url, code, secret, 2)
        for phone in again:
            await phone.until(lambda phone=phone: shows(phone, headline(2)))
        await answer(again[1], LABELS[1])
        for browser in [presenter, *again]:
            assert not browser.errors, browser.errors
            await browser.close()


def run_alone(scenario) -> None:
    """The scenario on an event loop of its own thread: a worker that ran a browser test before (Playwright's sync
    API keeps a loop running in its thread) cannot asyncio.run in its own."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, scenario).result()


def test_a_killed_server_loses_no_acknowledged_answer_on_sqlite(tmp_path):
    run_alone(scenario({"SME_STATE_DIR": str(tmp_path), "SME_LIVE_DB": ""}))
    assert (tmp_path / "live.sqlite3").exists()  # the store was the state folder's SQLite file


def test_a_killed_server_loses_no_acknowledged_answer_on_postgresql(tmp_path, postgres_url):
    run_alone(scenario({"SME_STATE_DIR": str(tmp_path), "SME_LIVE_DB": postgres_url}))
    assert not (tmp_path / "live.sqlite3").exists()  # the store was PostgreSQL, not a file


@pytest.fixture(autouse=True)
def _no_stray_state(tmp_path):
    """Nothing of the test in the repository's own state folder."""
    before = set((REPO / "state").glob("*")) if (REPO / "state").exists() else set()
    yield
    after = set((REPO / "state").glob("*")) if (REPO / "state").exists() else set()
    assert after <= before
