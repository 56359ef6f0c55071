"""A simulated room (issue 25): N phones that join, follow the presenter and answer, and one presenter who moves
the slides, each its own websocket session (scripts/live_protocol.py), as `make bench` runs it (scripts/bench_live.py).

Each phone opens the QR code's link (`GET /live/join/<CODE>`: its own `sme_live` cookie, and the balancer's when
there is one), then the phone view with its cookies; from then on it only answers its fragment's timer, as a phone
left open does. The presenter opens its slide with the host secret and moves on every `dwell` seconds; each phone,
once it shows the new slide, answers its question a moment later (a tenth change their answer once).

Measured: from the presenter's move to each phone showing the slide's headline (and to the last phone showing it);
from a participant's answer (the click) to the presenter's room panel counting it (the first count it shows after
the answer was acknowledged that is at least the number of answers acknowledged by then); the server processes' CPU
over the following-only minute and over the whole run; every error (an exception or error box on a page, a run
that did not end well, a dropped connection, a slide or a count that never came).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from live_protocol import Browser, join_cookies, page_cookie, plain

COUNT = re.compile(r"\bn\s*=\s*(\d+)")


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU of the processes (and of their children that have ended and been waited for)."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(value) for value in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Room:
    """What the simulated room needs to know of the app's pages."""

    presenter_query: Callable[[str, str, int], str]  # (code, secret, slide) -> the presenter's query string
    headline: Callable[[int], str]  # slide -> the words a phone shows for it
    slides: Sequence[int]  # the slides the presenter moves through, in order
    choices: Sequence[str]  # the answers' labels on the phone
    phone_page: str = "join"
    # (the phone's cookies, the slide) -> the answer the store holds for it: said beside a tap never acknowledged
    stored: Callable[[str, int], object] | None = None


@dataclass
class LiveResult:
    slide_latencies: list[float] = field(default_factory=list)  # (move, phone) pairs: seconds
    slide_all: list[float] = field(default_factory=list)  # per move: until the last phone showed it
    answer_latencies: list[float] = field(default_factory=list)
    answers: int = 0
    errors: list[str] = field(default_factory=list)
    follow_cpu: float = 0.0  # CPU seconds of the server processes while the phones only followed
    follow_seconds: float = 0.0
    run_cpu: float = 0.0  # ... over the slides and the answers
    run_seconds: float = 0.0
    phones: int = 0

    def per_follower_minute(self, cpu: float, seconds: float) -> float:
        return cpu / max(self.phones, 1) / (seconds / 60) if seconds else float("nan")


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)] if ordered else float("nan")


class Counts:
    """The counts the presenter's room panel has shown: (time, n), and the answers acknowledged on the slide."""

    def __init__(self) -> None:
        self.shown: list[tuple[float, int]] = []
        self.acknowledged: list[float] = []

    def see(self, text: str, at: float) -> None:
        if found := COUNT.search(plain(text)):
            self.shown.append((at, int(found.group(1))))

    def latency(self, sent: float, acknowledged: float) -> float | None:
        needed = sum(1 for at in self.acknowledged if at <= acknowledged)
        for at, n in self.shown:
            if at > acknowledged and n >= needed:
                return at - sent
        return None


def offers(phone: Browser, label: str, since: float) -> bool:
    """The phone shows the answer's button, drawn at or after `since`."""
    return any(e.text == label and e.kind == "button" and e.at >= since for e in phone.elements.values())


def acknowledged(phone: Browser, label: str, since: float = 0.0) -> bool:
    """The phone has said, since `since`, that the answer is saved (pages/join.py: "Saved: <label>")."""
    return phone.drawn_since(f"Saved: {label}", since)


async def answer(phone: Browser, label: str) -> tuple[float, float]:
    """Tap the answer's button as a person does: (sent, acknowledged), once the phone says it is saved; an error on
    the page instead (a refusal) raises."""
    sent = await phone.click(label, done=lambda asked: acknowledged(phone, label, asked) or phone.error_at >= asked,
                             timeout=20)  # a person would have tapped again long before
    if not acknowledged(phone, label, sent):
        raise RuntimeError(f"answer {label!r} refused: {phone.errors[-1:]}")
    return sent, time.perf_counter()


async def join(url: str, code: str, room: Room, gate: asyncio.Semaphore) -> Browser:
    async with gate:  # phones arrive a few at a time, as a room scanning a QR code does
        cookies, location = await asyncio.get_running_loop().run_in_executor(None, join_cookies, url, code)
        if "sme_live=" not in cookies or f"code={code}" not in location:
            raise RuntimeError(f"the join route gave cookies {cookies!r} and sent the phone to {location!r}")
        phone = Browser(url, cookies)
        await phone.open(room.phone_page, location.split("?", 1)[1])
        return phone


async def phone_on_slide(phone: Browser, words: str, moved: float, dwell: float, room: Room, counts: Counts,
                         result: LiveResult, rng: random.Random, slide: int) -> float | None:
    """Wait for the slide on this phone, then answer it: the seconds from the move to the phone showing it."""
    try:
        await phone.until(lambda: any(words in plain(e.text) for e in phone.elements.values()), timeout=30)
    except TimeoutError:
        result.errors.append(f"a phone did not show {words[:40]!r} within 30 s")
        return None
    shown = min(e.at for e in phone.elements.values() if words in plain(e.text))
    try:  # the question drawn under the headline
        await phone.until(lambda: all(offers(phone, label, shown) for label in room.choices), timeout=30)
    except TimeoutError:
        result.errors.append(f"a phone showed {words[:40]!r} but not its question within 30 s")
        return None
    await asyncio.sleep(rng.uniform(0.3, max(0.5, dwell - 4)))  # reading the slide, then answering
    try:
        sent, acknowledged = await answer(phone, rng.choice(list(room.choices)))
        counts.acknowledged.append(acknowledged)
        result.answers += 1
        pending = (sent, acknowledged)
        if rng.random() < 0.1:  # a change of mind: stored too, but the count does not move
            await answer(phone, rng.choice(list(room.choices)))
            result.answers += 1
        return shown - moved, pending
    except (LookupError, RuntimeError, TimeoutError) as err:
        held = room.stored(phone.cookies, slide) if room.stored else "?"
        result.errors.append(f"answering on {words[:30]!r} (the store holds {held}): {type(err).__name__}: {err}"[:300])
        return shown - moved, None


async def run_room(url: str, code: str, secret: str, room: Room, pids: Sequence[int], phones: int = 100,
                   follow_seconds: float = 30, dwell: float = 8, seed: int = 25,
                   during: Callable[[asyncio.Event], Awaitable] | None = None) -> LiveResult:
    """The whole room against `url` (the app or its balancer); `pids` are the server processes whose CPU counts.
    `during`, if given, makes a coroutine run beside the slides and answers until the event it is given is set
    (another user's session)."""
    result, rng = LiveResult(phones=phones), random.Random(seed)
    counts = Counts()
    presenter = Browser(url, await asyncio.get_running_loop().run_in_executor(None, page_cookie, url))
    presenter.on_element = lambda element: counts.see(element.text, element.at)
    await presenter.open("", room.presenter_query(code, secret, room.slides[0]))
    gate = asyncio.Semaphore(10)
    joined = await asyncio.gather(*(join(url, code, room, gate) for _ in range(phones)), return_exceptions=True)
    followers = [phone for phone in joined if isinstance(phone, Browser)]
    result.errors += [f"join: {type(err).__name__}: {err}"[:300] for err in joined if not isinstance(err, Browser)]
    started, cpu = time.perf_counter(), cpu_seconds(pids)
    await asyncio.sleep(follow_seconds)  # the room follows the first slide: timers only
    result.follow_seconds, result.follow_cpu = time.perf_counter() - started, cpu_seconds(pids) - cpu
    started, cpu = time.perf_counter(), cpu_seconds(pids)
    done = asyncio.Event()
    other = asyncio.create_task(during(done)) if during else None
    for slide in room.slides[1:]:
        counts.shown.clear()
        counts.acknowledged.clear()
        moved = time.perf_counter()
        words = plain(room.headline(slide))
        move = asyncio.create_task(presenter.rerun(query_string=room.presenter_query(code, secret, slide),
                                                   done=lambda asked, words=words: presenter.drawn_since(words, asked)))
        outcomes = await asyncio.gather(*(phone_on_slide(phone, words, moved, dwell, room, counts, result, rng, slide)
                                          for phone in followers))
        await move
        shown = [outcome[0] for outcome in outcomes if outcome]
        result.slide_latencies += shown
        if len(shown) == len(followers):
            result.slide_all.append(max(shown))
        pending = [outcome[1] for outcome in outcomes if outcome and outcome[1]]
        if pending:
            last = max(acknowledged for _, acknowledged in pending)
            try:
                await presenter.until(lambda last=last: any(at > last and n >= len(counts.acknowledged)
                                                            for at, n in counts.shown), timeout=30)
            except TimeoutError:
                result.errors.append(f"slide {slide}: the presenter's count never reached {len(pending)}")
        for sent, acknowledged in pending:
            latency = counts.latency(sent, acknowledged)
            if latency is not None:
                result.answer_latencies.append(latency)
    result.run_seconds, result.run_cpu = time.perf_counter() - started, cpu_seconds(pids) - cpu
    done.set()
    if other:
        await other
    for browser in [presenter, *followers]:
        result.errors += browser.errors
        await browser.close()
    return result
