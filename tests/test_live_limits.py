"""Rate limits in memory (evidence/live/limits.py), with a clock of the test's own: no waiting, no timing."""

from __future__ import annotations

from evidence.live import limits


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_allows_its_limit_then_refuses_until_the_minute_is_over():
    clock = Clock()
    window = limits.Window(3, 60, clock)
    assert [window.hit("a") for _ in range(4)] == [True, True, True, False]
    assert window.blocked("a") and not window.blocked("b")
    assert window.hit("b")  # another key has its own count
    clock.now += 59.9
    assert not window.hit("a")
    clock.now += 0.2
    assert window.hit("a") and not window.blocked("b")


def test_a_refused_event_is_not_counted():
    clock = Clock()
    window = limits.Window(2, 60, clock)
    window.hit("a")
    clock.now += 30
    window.hit("a")
    for _ in range(10):
        assert not window.hit("a")
    clock.now += 31  # the first event is over a minute old: one more is allowed, the refusals did not count
    assert window.hit("a")


def test_a_window_remembers_a_bounded_number_of_keys():
    window = limits.Window(1, 60, Clock(), most_keys=100)
    for n in range(1000):
        window.hit(f"198.51.100.{n}")
    assert len(window._events) == 100
    assert window.hit("198.51.100.0")  # forgotten, so allowed again


def test_the_process_limits():
    assert limits.UNKNOWN_CODES_A_MINUTE == 10 and limits.ANSWERS_A_MINUTE == 20
    assert limits.unknown_codes.limit == 10 and limits.answers.limit == 20 and limits.comments.limit == 5


def test_behind_the_balancer_each_phone_counts_as_its_own_address_and_a_forged_header_is_not_believed():
    # HAProxy on loopback appends the phone's address: the last entry is the one it wrote.
    assert limits.client_address("127.0.0.1", "203.0.113.7") == "203.0.113.7"
    assert limits.client_address("::1", "10.0.0.1, 198.51.100.4") == "198.51.100.4"
    # A phone reaching the app directly cannot choose its address by writing the header.
    assert limits.client_address("198.51.100.9", "203.0.113.7") == "198.51.100.9"
    assert limits.client_address("127.0.0.1", "not an address") == "127.0.0.1"
    assert limits.client_address(None, None) == "unknown"


def test_an_address_opens_a_few_live_sessions_a_minute_and_another_address_is_not_held_back():
    limits.reset()
    try:
        for _ in range(limits.STARTS_A_MINUTE):
            assert limits.starts.hit("203.0.113.7")
        assert not limits.starts.hit("203.0.113.7")
        assert limits.starts.hit("198.51.100.4")
    finally:
        limits.reset()
