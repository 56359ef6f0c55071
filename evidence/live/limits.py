"""Rate limits of the live mode, in memory, per process: join codes tried per client address, answers and comments
per participant token. Nothing of it is stored, and it is forgotten a minute later (a process behind HAProxy counts
its own share: the limits are against a script, not a count of people)."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

MINUTE = 60.0
UNKNOWN_CODES_A_MINUTE = 10
ANSWERS_A_MINUTE = 20
COMMENTS_A_MINUTE = 5
STARTS_A_MINUTE = 5  # live sessions opened from one address (a presenter opens one; a script would fill the store)
# At most this many keys are remembered; the oldest is forgotten first (a flood of addresses cannot fill memory).
MOST_KEYS = 10_000

TOO_MANY_CODES = "Too many codes tried; wait a minute."
TOO_MANY_ANSWERS = "Too many answers from this phone in a minute; wait a moment, then answer again."
TOO_MANY_STARTS = "Too many live sessions opened from this address; wait a minute, then go live again."
TOO_MANY_COMMENTS = "Too many comments from this phone in a minute; wait a moment, then send it again."


class Window:
    """At most `limit` events a key in any `seconds` (a sliding window), thread-safe."""

    def __init__(self, limit: int, seconds: float = MINUTE, clock: Callable[[], float] = time.monotonic,
                 most_keys: int = MOST_KEYS):
        self.limit, self.seconds, self.clock, self.most_keys = limit, seconds, clock, most_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = deque()
            while len(self._events) > self.most_keys:
                self._events.popitem(last=False)
        self._events.move_to_end(key)
        while events and events[0] <= now - self.seconds:
            events.popleft()
        return events

    def blocked(self, key: str) -> bool:
        """Whether the key has used up its events in the window (records nothing)."""
        with self._lock:
            return len(self._recent(key, self.clock())) >= self.limit

    def hit(self, key: str) -> bool:
        """Record an event for the key if it is allowed; False (nothing recorded) when it is over the limit."""
        with self._lock:
            now = self.clock()
            events = self._recent(key, now)
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def clear(self) -> None:
        with self._lock:
            self._events.clear()


def client_address(peer: str | None, forwarded_for: str | None) -> str:
    """The address a limit counts: the peer's, or, where the peer is a proxy on this machine (HAProxy on loopback:
    deploy/haproxy.cfg's `option forwardfor`), the address the proxy forwarded, the last of X-Forwarded-For (the
    one it added itself; what a client wrote before it is not believed). Behind HAProxy every phone's peer is the
    balancer: without this, a room's few mistyped codes would lock the whole room out."""
    peer = peer.strip() if isinstance(peer, str) else ""  # not a text (no address known): "unknown" below
    forwarded_for = forwarded_for if isinstance(forwarded_for, str) else None
    try:
        proxied = bool(peer) and ipaddress.ip_address(peer).is_loopback
    except ValueError:
        proxied = False
    if proxied and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(last))
        except ValueError:
            pass
    return peer or "unknown"


# The process's limits (keys: a client address as the server saw it; a token's digest, never the token).
unknown_codes = Window(UNKNOWN_CODES_A_MINUTE)
answers = Window(ANSWERS_A_MINUTE)
comments = Window(COMMENTS_A_MINUTE)
starts = Window(STARTS_A_MINUTE)


def reset() -> None:
    """Forget every count (tests)."""
    for window in (unknown_codes, answers, comments, starts):
        window.clear()
