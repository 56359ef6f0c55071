"""One cache for everything derived from the evidence base: query results, charts, the views' text.

`@cached()` caches a pure function of the data folder's evidence. It is called with keyword arguments only
(the key says what each value means, so `query(name="cases")` and `query(**{"name": "cases"})` are one entry);
the key holds the data folder, so two folders never share an entry; every entry lives in one store bounded in
bytes (least recently used out first), whose size `stats()` reports; `clear()` empties it, and the store
clears itself when the database of a folder is (re)built (`evidence.query.store`). A caller never gets an object it
could change in the cache: frames come back as copy-on-write copies, containers frozen (tuples, read-only
mappings), and other values must be immutable already (str, numbers, Arrow tables, frozen dataclasses).

Why not `st.cache_data` or `st.cache_resource`: the first unpickles a fresh copy on every call, the second
hashes its arguments on every call; `scripts/bench.py` measures both against this one (BENCHMARKS.md).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import threading
from collections import OrderedDict
from types import MappingProxyType

import pandas as pd
import pyarrow as pa

from evidence.settings import data_dir_from_env

MAX_BYTES = 96 * 1024 * 1024  # the whole store; BENCHMARKS.md reports what a soak run fills

_IMMUTABLE = (str, bytes, int, float, bool, type(None), pa.Table, frozenset)


class _Store:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self.bytes = 0
        self.hits = self.misses = 0
        self.lock = threading.Lock()

    def get(self, key: tuple):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self.entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: tuple, value: object, size: int) -> None:
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self.entries[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes and len(self.entries) > 1:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.bytes -= dropped

    def clear(self, data_dir: str | None = None) -> None:
        with self.lock:
            for key in [k for k in self.entries if data_dir is None or k[0] == data_dir]:
                self.bytes -= self.entries.pop(key)[1]


_STORE = _Store(MAX_BYTES)


def clear(data_dir: str | None = None) -> None:
    """Forget every cached value (of one data folder, or of all)."""
    _STORE.clear(data_dir)


def stats() -> dict:
    """The store's size now: entries, bytes held, the bound, hits and misses since the process started."""
    with _STORE.lock:
        return {"entries": len(_STORE.entries), "bytes": _STORE.bytes, "max_bytes": _STORE.max_bytes,
                "hits": _STORE.hits, "misses": _STORE.misses}


def lookup(key: tuple) -> object | None:
    """A value put in the store by `remember` (the API's answers), or None. `key[0]` is the data folder."""
    entry = _STORE.get(key)
    return None if entry is None else entry[0]


def remember(key: tuple, value: object, size: int) -> None:
    """Keep a value the caller will not change (it is not frozen) under `key`, unless it is a quarter of the store."""
    if size <= _STORE.max_bytes // 4:
        _STORE.put(key, value, size)


def key_value(value: object) -> object:
    """A hashable form of an argument: lists and tuples become tuples, dicts sorted item tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(key_value(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, key_value(v)) for k, v in value.items()))
    hash(value)  # anything else must be hashable already: TypeError names it if not
    return value


def freeze(value: object) -> object:
    """The value as the cache keeps it: containers made immutable all the way down."""
    if isinstance(value, _IMMUTABLE) or isinstance(value, pd.DataFrame):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    if isinstance(value, (dict, MappingProxyType)):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, set):
        return frozenset(value)
    if dataclasses.is_dataclass(value) and type(value).__dataclass_params__.frozen:
        return value
    raise TypeError(f"the cache keeps only immutable values, not {type(value).__name__}")


def size_of(value: object) -> int:
    """About how many bytes a cached value holds."""
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(index=True, deep=True).sum())
    if isinstance(value, pa.Table):
        return value.nbytes
    if isinstance(value, (str, bytes)):
        return sys.getsizeof(value)
    if isinstance(value, (tuple, frozenset)):
        return sys.getsizeof(value) + sum(size_of(v) for v in value)
    if isinstance(value, MappingProxyType):
        return sys.getsizeof(dict(value)) + sum(size_of(k) + size_of(v) for k, v in value.items())
    if dataclasses.is_dataclass(value):
        return sum(size_of(getattr(value, f.name)) for f in dataclasses.fields(value))
    return sys.getsizeof(value)


def _handed_out(value: object) -> object:
    # pandas copy-on-write: what a caller does to this copy never reaches the cached frame.
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value


def cached():
    """Cache a pure function of the evidence base, called with keyword arguments, in the one bounded store."""

    def wrap(function):
        name = f"{function.__module__}.{function.__qualname__}"

        @functools.wraps(function)
        def call(*args, **kwargs):
            if args:
                raise TypeError(f"{function.__name__}() takes keyword arguments only (the cache key names them)")
            key = (str(data_dir_from_env()), name, tuple(sorted((k, key_value(v)) for k, v in kwargs.items())))
            entry = _STORE.get(key)
            if entry is None:
                value = freeze(function(**kwargs))
                _STORE.put(key, value, size_of(value) + size_of(repr(key)))
                return _handed_out(value)
            return _handed_out(entry[0])

        return call

    return wrap
