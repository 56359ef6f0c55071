"""The process's SQL console (query/console.py), built once per data folder from the tables the views read and shared
by every session, and its answers kept for the reruns that follow."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from evidence.query import cache, store
from evidence.query.console import Console
from evidence.settings import data_dir_from_env


@st.cache_resource(show_spinner="Preparing the SQL console…")
def _console(data_dir: str):
    return Console(Path(data_dir), tables=store.database().arrow_tables())


def console():
    """The process's locked-down SQL console (its own DuckDB, built once)."""
    return _console(str(data_dir_from_env()))


@cache.cached()
def answer(*, sql: str):
    """The console's answer to a query, kept for the reruns that follow (the query lives in the URL)."""
    return console().run(sql)


store.forget_with_the_database(_console.clear)
