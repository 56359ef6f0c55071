"""What the API reads: the process's own evidence database (the same checked tables as the views), the data
package's schema, every named query's parameters, and the allowed values they are checked against.

Called from the web server's worker threads, not from Streamlit script threads: the database is the one
`evidence.query.store.database()` builds once per process, and each thread reads through its own cursor
(`Database.cursor`). Nothing here writes.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from pathlib import Path

from evidence.data import queries
from evidence.query import params as api_params
from evidence.settings import data_dir_from_env

MAX_PAGE = 5000
DEFAULT_PAGE = 100
PAGE_QUERY = "table_page"
FAILURE_MEMORY_S = 5.0  # a data folder that failed to load is not reloaded for every request

_failure_lock = threading.Lock()
_failure: dict[str, tuple[float, Exception]] = {}


_serving = threading.local()


class _NoPageHere(logging.Filter):
    """Streamlit warns "missing ScriptRunContext" when the database's loading spinner has no page to show on;
    an API request has none, by design. Only that warning, and only on a thread answering the API."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (getattr(_serving, "api", False) and "missing ScriptRunContext" in record.getMessage())


def _quiet_spinner_warning() -> None:
    from streamlit.runtime.scriptrunner_utils import script_run_context

    logger = script_run_context._LOGGER
    if not any(isinstance(f, _NoPageHere) for f in logger.filters):
        logger.addFilter(_NoPageHere())


class Unavailable(RuntimeError):
    """The data folder could not be loaded: the API answers 503 with the number of problems."""


def database():
    """The process's database (built once, shared with the views), or Unavailable."""
    from evidence.data.validate import DataError
    from evidence.query import store

    key = str(data_dir_from_env())
    with _failure_lock:
        failed = _failure.get(key)
    if failed and time.monotonic() - failed[0] < FAILURE_MEMORY_S:
        raise Unavailable(str(failed[1]))
    _quiet_spinner_warning()
    _serving.api = True
    try:
        return store.database()
    except DataError as err:
        message = (f"the data in the folder {Path(err.data_dir).name!r} could not be loaded: {len(err.problems)} "
                   "problem(s); `make validate` lists them")
        with _failure_lock:
            _failure[key] = (time.monotonic(), Unavailable(message))
        raise Unavailable(message) from None
    finally:
        _serving.api = False


@functools.lru_cache(maxsize=4)
def _package(data_dir: str) -> dict:
    """The descriptor the app loaded with the folder (or the schema's, for a folder without one), as a plain dict."""
    from evidence.query import package

    database()  # Unavailable (503) if the folder could not be loaded
    return json.loads(package.datapackage_bytes())


def package() -> dict:
    """The data folder's datapackage.json (read once per process; callers copy before changing it)."""
    return _package(str(data_dir_from_env()))


@functools.lru_cache(maxsize=4)
def _schema(data_dir: str) -> api_params.Schema:
    return api_params.Schema.from_datapackage(_package(data_dir))


@functools.lru_cache(maxsize=512)
def _specs(data_dir: str, name: str) -> dict[str, api_params.ParamSpec]:
    return api_params.specs_of(queries.get(name).sql, _schema(data_dir), resolve=lambda other: queries.get(other).sql)


def specs(name: str) -> dict[str, api_params.ParamSpec]:
    """The parameters a named query declares (unknown names raise queries.QueryError)."""
    return _specs(str(data_dir_from_env()), name)


def query_names() -> list[str]:
    return sorted(queries.library())


def tables() -> list[str]:
    return database().tables


def row_count(table: str) -> int:
    return database().row_counts[table]


@functools.lru_cache(maxsize=256)
def _values(data_dir: str, source: str) -> frozenset[str]:
    if source == "tables":
        return frozenset(database().tables)
    table, column = source.split(".", 1)
    enum = _schema(data_dir).fields.get(table, {}).get(column)
    if enum:
        return frozenset(enum)
    rows = queries.run_arrow(database().cursor(), "table_rows", table_name=table)
    return frozenset(str(value) for value in rows.column(column).to_pylist() if value is not None)


def allowed_values(source: str) -> frozenset[str]:
    """The values a parameter may take: a table.column's enum or its values, or the table names."""
    return _values(str(data_dir_from_env()), source)


def table_page(table: str, size: int, offset: int):
    """One page of a table's rows, as Arrow, in the order the views show them."""
    return queries.run_arrow(database().cursor(), PAGE_QUERY, table_name=table, size=size, offset=offset)


def run_query(name: str, params: dict):
    """A named query's rows as Arrow, with checked parameters."""
    return queries.run_arrow(database().cursor(), name, **params)


def page_params(given: dict[str, list[str]]) -> tuple[int, int]:
    """`_size` and `_offset` of a table request, checked against the paged query's declared bounds."""
    page_specs = specs(PAGE_QUERY)
    unknown = sorted(set(given) - {"_size", "_offset"})
    if unknown:
        raise api_params.BadParameter(unknown[0], f"unknown parameter '{unknown[0][:60]}': a table takes "
                                                  "_size (rows per page) and _offset (rows to skip)")
    size = api_params.convert_one(_renamed(page_specs["size"]), given.get("_size", [str(DEFAULT_PAGE)]),
                                  allowed_values)
    offset = api_params.convert_one(_renamed(page_specs["offset"]), given.get("_offset", ["0"]), allowed_values)
    return (DEFAULT_PAGE if size is None else size), (0 if offset is None else offset)


def _renamed(spec: api_params.ParamSpec) -> api_params.ParamSpec:
    from dataclasses import replace

    return replace(spec, name=f"_{spec.name}", nullable=True)


def declared_columns(name: str) -> list[str]:
    """The columns a query's header declares."""
    return queries.declared_columns(queries.get(name).sql) or []
