"""The one cache against Streamlit's own: the cost of a cache hit for a typical call of a view (a named query with
two parameters), per call, median of repeated runs in one process. Prints one JSON line; `scripts/bench.py` puts it
in BENCHMARKS.md.

  python scripts/bench_cache.py [--calls N]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
logging.disable(logging.WARNING)  # "No runtime found": Streamlit's caches work without a server, and say so

import streamlit as st  # noqa: E402

from evidence.query import store  # noqa: E402

PARAMS = {"countries": ["NL", "DE"], "typologies": None, "types": ["branch"], "presented": None, "selected": None}


def _raw(name: str, **params):
    return store.database().query(name, **params)


@st.cache_resource(max_entries=1024, show_spinner=False)
def resource(name: str, **params):
    return _raw(name, **params)


@st.cache_data(max_entries=1024, show_spinner=False)
def data(name: str, **params):
    return _raw(name, **params)


def per_call_us(call, calls: int, rounds: int = 7) -> float:
    call()  # the miss
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(calls):
            call()
        times.append((time.perf_counter() - started) / calls * 1e6)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    calls = parser.parse_args().calls
    result = {
        "evidence.query.cache (store.rows)": per_call_us(lambda: store.rows("case_filter", **PARAMS), calls),
        "st.cache_resource(max_entries=1024)": per_call_us(lambda: resource("case_filter", **PARAMS), calls),
        "st.cache_data(max_entries=1024)": per_call_us(lambda: data("case_filter", **PARAMS), calls // 10),
    }
    print(json.dumps({name: round(us, 1) for name, us in result.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
