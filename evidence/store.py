"""The process's evidence base: the database of the configured data folder, its named queries (cached),
the report's labels for sources, the data package, and the analysts' SQL console.

The database and the console are resources built once per data folder (`st.cache_resource`); what is
derived from them lives in the one cache (`evidence.cache`), which is emptied for a folder whenever its
database is (re)built, so the two never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from evidence import cache
from evidence.db import Database, build_database
from evidence.loader import data_dir_from_env


@st.cache_resource(show_spinner="Loading the evidence base…")
def _database(data_dir: str) -> Database:
    cache.clear(data_dir)
    return build_database(data_dir)


def database() -> Database:
    """The process's database for the configured data folder (built once, then shared)."""
    return _database(str(data_dir_from_env()))


def clear() -> None:
    """Forget the databases, the consoles and everything derived from them (tests; a changed data folder)."""
    _database.clear()
    _console.clear()
    cache.clear()


@cache.cached()
def query(*, name: str, **params) -> pd.DataFrame:
    """A named query's result, cached by its name and parameters: a rerun with the same inputs runs no SQL."""
    return database().query(name, **{k: list(v) if isinstance(v, tuple) else v for k, v in params.items()})


def rows(name: str, **params) -> pd.DataFrame:
    """`query` with the query's name first: `store.rows("cases")`."""
    return query(name=name, **params)


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


@cache.cached()
def datapackage() -> dict:
    """The data folder's datapackage.json (read-only), read once per process, not on every rerun of the Data view."""
    return json.loads((data_dir_from_env() / "datapackage.json").read_text(encoding="utf-8"))


@st.cache_resource(show_spinner="Preparing the SQL console…")
def _console(data_dir: str):
    from evidence.console import Console

    return Console(Path(data_dir), tables=_database(data_dir).arrow_tables())


def console():
    """The process's locked-down SQL console (its own DuckDB, built once)."""
    return _console(str(data_dir_from_env()))


@cache.cached()
def console_answer(*, sql: str):
    """The console's answer to a query, kept for the reruns that follow (the query lives in the URL)."""
    return console().run(sql)
