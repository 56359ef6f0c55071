"""The process's evidence base: the database of the configured data folder, its named queries (cached), and the
report's labels for sources. The folder's descriptor is package.py; the SQL console built from the same tables is
shared_console.py.

The database is a resource built once per data folder (`st.cache_resource`); what is derived from it lives in the
one cache (`evidence.query.cache`), which is emptied for a folder whenever its database is (re)built, so the two
never disagree.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import streamlit as st

from evidence.data import queries
from evidence.data.db import Database, build_database
from evidence.data.validate import DataError
from evidence.query import cache
from evidence.settings import data_dir_from_env


@st.cache_resource(show_spinner="Loading the evidence base…")
def _database(data_dir: str) -> Database:
    cache.clear(data_dir)
    _loading_state[data_dir] = folder_state(data_dir)  # the files as this load found them
    return build_database(data_dir)


# A folder that could not be loaded, by its path: the state of its files then, and the problems found. Every visitor
# is shown those problems from memory until a file of the folder changes; only then is it loaded again.
_failed: dict[str, tuple[tuple, DataError]] = {}
_loading_state: dict[str, tuple] = {}
_failed_lock = threading.Lock()


def folder_state(data_dir: str) -> tuple:
    """What changes when a file of the folder is replaced, edited, added or removed (nothing is opened or followed)."""
    try:
        with os.scandir(data_dir) as entries:
            return tuple(sorted((entry.name, entry.stat(follow_symlinks=False).st_size,
                                 entry.stat(follow_symlinks=False).st_mtime_ns) for entry in entries))
    except OSError as err:
        return ("unreadable", type(err).__name__)


def database() -> Database:
    """The process's database for the configured data folder (built once, then shared); raises DataError, from
    memory while the folder is as it was when it failed. A loaded folder costs a dictionary look-up and the cached
    call: its files are looked at only while it is failing."""
    data_dir = str(data_dir_from_env())
    failed = _failed.get(data_dir)
    if failed is not None and failed[0] == folder_state(data_dir):
        raise failed[1]
    try:
        found = _database(data_dir)
    except DataError as err:
        with _failed_lock:
            _failed[data_dir] = (_loading_state.get(data_dir) or folder_state(data_dir), err)
        raise
    if failed is not None:
        with _failed_lock:
            _failed.pop(data_dir, None)
    return found


# What else is built once from a folder's tables (the SQL console: shared_console.py), forgotten with the database.
_built_from_it: list[Callable[[], None]] = []


def forget_with_the_database(forget: Callable[[], None]) -> None:
    _built_from_it.append(forget)


def clear() -> None:
    """Forget the databases, the consoles and everything derived from them (tests; a changed data folder)."""
    _database.clear()
    for forget in _built_from_it:
        forget()
    cache.clear()
    with _failed_lock:
        _failed.clear()
        _loading_state.clear()


@cache.cached()
def query(*, name: str, **params) -> pd.DataFrame:
    """A named query's result, cached by its name and parameters: a rerun with the same inputs runs no SQL."""
    return database().query(name, **queries.unfrozen(params))


def rows(name: str, **params) -> pd.DataFrame:
    """`query` with the query's name first: `store.rows("cases")`."""
    return query(name=name, **params)


@cache.cached()
def arrow(*, name: str, **params) -> pa.Table:
    """A named query's rows with DuckDB's own types (a whole number with NULLs stays whole), for files to take away."""
    return queries.run_arrow(database().cursor(), name, **queries.unfrozen(params))


@cache.cached()
def table(*, name: str, **params) -> pa.Table:
    """A named query's rows ready for st.dataframe (Arrow, which Streamlit sends as is)."""
    return pa.Table.from_pandas(rows(name, **params), preserve_index=False)


@cache.cached()
def _source_labels() -> dict[str, str]:
    sources = rows("sources")
    return dict(zip(sources["source_id"], sources["label"], strict=True))


def source_label(source_id: str) -> str:
    """How the report labels a source id ("sec-3.2" -> "Section 3.2")."""
    return _source_labels().get(source_id, str(source_id))
