"""The evidence base over HTTP, served beside the app by the same server on the same port (`st.App(routes=...)`).

    GET /api                                   what the API offers
    GET /api/datapackage.json                  the Frictionless descriptor, each resource with its API URLs
    GET /api/tables/<table>.json|.csv|.parquet  a table, `_size` rows (default 100, at most 5,000) from `_offset`
    GET /api/queries.json                      every named query with its parameters and their allowed values
    GET /api/queries/<name>.json|.csv|.parquet  a named query's rows, its `$named` parameters from the query string

Read-only (GET and HEAD), the same checked tables as the views. Every request is checked before anything runs:
an unknown table, query or format answers 404, an unknown parameter or a bad value 400, each with a JSON body
naming what is wrong; an unexpected failure 500 with a JSON body and one log line, never a traceback. Answers
are cached per process by their inputs (up to CACHE_BYTES) and carry an ETag. No CORS header unless
$SME_EVIDENCE_API_ORIGINS lists the origins allowed (comma-separated, or *).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from evidence.api import data as api_data
from evidence.data import formats as api_formats
from evidence.query import cache
from evidence.query.params import BadParameter
from evidence.settings import data_dir_from_env

PREFIX = "/api"
ORIGINS_ENV = "SME_EVIDENCE_API_ORIGINS"
# Where the API's links point: $SME_PUBLIC_URL (scheme://host[:port], as readers reach the app), else paths from the
# server's root ("/api/..."), which resolve against whatever address the reader used. Never the request's Host header:
# answers are cached and shared (Cache-Control: public), so a forged Host would be served to everyone.
PUBLIC_URL_ENV = "SME_PUBLIC_URL"
_PUBLIC_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d{1,5})?$")
TABLE_FORMATS = ("json", "csv", "parquet")
QUERY_FORMATS = ("json", "csv", "parquet")
_NAME = re.compile(r"^(tables|queries)/([A-Za-z0-9_]{1,80})\.([a-z]{1,10})$")
_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


@dataclass
class Answer:
    status: int
    body: bytes
    media_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        if self.status == 200:  # computed once, when the answer is built (then cached with it)
            self.headers["ETag"] = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'
            self.headers["Cache-Control"] = "public, max-age=60"


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str, **extra):
        super().__init__(message)
        self.answer = Answer(status, api_formats.json_bytes({"error": error, "message": message, **extra}))


def _not_found(message: str, **extra) -> ApiError:
    return ApiError(404, "not found", message, **extra)




# ------------------------------------------------------------------------------ answers


def _link(base: str, path: str, params: dict | None = None) -> str:
    query = urlencode(params or {}, doseq=True)
    return f"{base}{PREFIX}/{path}" + (f"?{query}" if query else "")


def table_urls(base: str, table: str) -> dict[str, str]:
    return {fmt: _link(base, f"tables/{table}.{fmt}") for fmt in TABLE_FORMATS}


def _table(base: str, table: str, fmt: str, given: dict[str, list[str]]) -> Answer:
    if table not in api_data.tables():
        raise _not_found(f"unknown table '{table}'", tables=sorted(api_data.tables()))
    if fmt not in TABLE_FORMATS:
        raise _not_found(f"a table comes as .json, .csv or .parquet, not .{fmt}")
    size, offset = api_data.page_params(given)
    rows = api_data.table_page(table, size, offset)
    total = api_data.row_count(table)
    more = offset + size < total
    next_url = _link(base, f"tables/{table}.{fmt}", {"_size": size, "_offset": offset + size}) if more else None
    headers = {"X-Total-Count": str(total)}
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    if fmt == "json":
        document = {"table": table, "total": total, "offset": offset, "size": size, "columns": rows.column_names,
                    "rows": api_formats.records(rows), "next": next_url}
        return Answer(200, api_formats.json_bytes(document), headers=headers)
    return _rows(rows, fmt, headers)


def _rows(rows, fmt: str, headers: dict[str, str]) -> Answer:
    body = api_formats.csv_bytes(rows) if fmt == "csv" else api_formats.parquet_bytes(rows)
    return Answer(200, body, api_formats.MEDIA_TYPES[fmt], headers)


def _query(base: str, name: str, fmt: str, given: dict[str, list[str]]) -> Answer:
    if name not in api_data.query_names():
        raise _not_found(f"unknown query '{name}'", queries=api_data.query_names())
    if fmt not in QUERY_FORMATS:
        raise _not_found(f"a query's rows come as .json, .csv or .parquet, not .{fmt}")
    from evidence.query.params import convert

    params = convert(api_data.specs(name), given, api_data.allowed_values, f"query '{name}'")
    import duckdb

    try:
        rows = api_data.run_query(name, params)
    except duckdb.Error:
        raise ApiError(400, "bad parameter", f"query '{name}' could not run with these parameter values") from None
    headers = {"X-Total-Count": str(rows.num_rows)}
    if fmt == "json":
        document = {"query": name, "params": params, "total": rows.num_rows, "columns": rows.column_names,
                    "rows": api_formats.records(rows)}
        return Answer(200, api_formats.json_bytes(document), headers=headers)
    return _rows(rows, fmt, headers)


def _datapackage(base: str) -> Answer:
    descriptor = dict(api_data.package())
    resources = []
    for resource in descriptor.get("resources", []):
        urls = table_urls(base, resource["name"])
        # The path is where a Frictionless tool reads the rows: the whole table from the API, as CSV; relative to
        # this descriptor's own address unless a public address is configured.
        path = (_link(base, f"tables/{resource['name']}.csv", {"_size": api_data.MAX_PAGE}) if base
                else f"tables/{resource['name']}.csv?" + urlencode({"_size": api_data.MAX_PAGE}))
        resources.append({**resource, "path": path, "x-file": resource.get("path"), "x-api": urls})
    descriptor["resources"] = resources
    descriptor["x-api"] = {"tables": f"{base}{PREFIX}/tables/<table>.json", "queries": _link(base, "queries.json")}
    return Answer(200, api_formats.json_bytes(descriptor))


def _queries_index(base: str) -> Answer:
    out = []
    for name in api_data.query_names():
        specs = api_data.specs(name)
        out.append({"name": name, "answers": _summary(name), "params": [spec.as_dict() for spec in specs.values()],
                    "columns": api_data.declared_columns(name),
                    "urls": {fmt: _link(base, f"queries/{name}.{fmt}") for fmt in QUERY_FORMATS}})
    return Answer(200, api_formats.json_bytes({"queries": out}))


def _summary(name: str) -> str:
    from evidence.data import queries

    return queries.get(name).summary.split(":", 1)[-1].strip()


def _index(base: str) -> Answer:
    return Answer(200, api_formats.json_bytes({
        "datapackage": _link(base, "datapackage.json"),
        "queries": _link(base, "queries.json"),
        "tables": {table: table_urls(base, table) for table in sorted(api_data.tables())},
        "paging": f"_size (default {api_data.DEFAULT_PAGE}, at most {api_data.MAX_PAGE}) and _offset",
    }))


def answer(base: str, path: str, given: dict[str, list[str]]) -> Answer:
    """The answer for an API path (after /api/) and its query parameters; raises ApiError or BadParameter."""
    path = path.strip("/")
    if path in ("", "index.json"):
        return _index(base)
    if path == "datapackage.json":
        return _datapackage(base)
    if path == "queries.json":
        return _queries_index(base)
    match = _NAME.match(path)
    if not match:
        raise _not_found("no such API path: try /api, /api/datapackage.json, /api/tables/<table>.json or "
                         "/api/queries/<name>.json")
    kind, name, fmt = match.groups()
    return (_table if kind == "tables" else _query)(base, name, fmt, given)


# ------------------------------------------------------------------------------ HTTP


def public_url() -> str:
    """The configured public address without a trailing slash, or "" (links are then paths from the root). A value
    that is not scheme://host[:port] is ignored, with one log line."""
    value = os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    if value and not _PUBLIC_URL.match(value):
        from streamlit.logger import get_logger

        get_logger(__name__).error("%s=%r is not scheme://host[:port]: API links are paths instead", PUBLIC_URL_ENV,
                                   value[:100])
        return ""
    return value


def _origins() -> set[str]:
    return {origin.strip() for origin in os.environ.get(ORIGINS_ENV, "").split(",") if origin.strip()}


def _respond(request: Request, result: Answer, cached: bool) -> Response:
    headers = dict(result.headers)
    if "ETag" in headers and request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    headers["X-Cache"] = "hit" if cached else "miss"
    origin, allowed = request.headers.get("origin"), _origins()
    if origin and ("*" in allowed or origin in allowed):
        headers["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
        headers["Vary"] = "Origin"
    body = b"" if request.method == "HEAD" else result.body
    response = Response(body, status_code=result.status, media_type=result.media_type, headers=headers)
    if request.method == "HEAD":
        response.headers["Content-Length"] = str(len(result.body))
    return response


async def handle(request: Request) -> Response:
    """Every request under /api. A cached answer is sent from the event loop; anything else is computed in a
    worker thread (DuckDB and encoding never block the loop that serves every session's websocket)."""
    if request.method not in ("GET", "HEAD"):
        result = ApiError(405, "method not allowed", "the API is read-only: GET or HEAD").answer
        result.headers["Allow"] = "GET, HEAD"
        return _respond(request, result, False)
    path = request.path_params.get("path", "")
    given: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        given.setdefault(name, []).append(value)
    base = public_url()
    key = (str(data_dir_from_env()), base, path, tuple((name, tuple(values)) for name, values in sorted(given.items())))
    if path.strip("/") == "status.json":  # the process's cache, never cached itself
        return _respond(request, Answer(200, api_formats.json_bytes({"cache": cache.stats()})), False)
    cached = cache.lookup(key)
    if cached is not None:
        return _respond(request, cached, True)
    result = await run_in_threadpool(_compute, key, base, path, given)
    return _respond(request, result, False)


def _compute(key: tuple, base: str, path: str, given: dict[str, list[str]]) -> Answer:
    """The answer for a request not in the cache (errors included); cached unless the data is unavailable."""
    try:
        result = answer(base, path, given)
    except BadParameter as err:
        extra = {"allowed": err.allowed} if err.allowed is not None else {}
        result = ApiError(400, "bad parameter", err.message, parameter=err.parameter[:60], **extra).answer
    except ApiError as err:
        result = err.answer
    except api_data.Unavailable as err:
        return ApiError(503, "data unavailable", str(err)).answer
    except Exception as err:  # noqa: BLE001 - the server keeps serving; one line in the log, no traceback
        from streamlit.logger import get_logger

        get_logger(__name__).error("API request %s failed: %s: %s", path[:200], type(err).__name__, err)
        return ApiError(500, "internal error", "the API could not answer this request").answer
    cache.remember(key, result, len(result.body) + 200)
    return result


def routes() -> list[Route]:
    """The API's routes, for `st.App(routes=...)`."""
    return [Route(PREFIX, handle, methods=_METHODS), Route(PREFIX + "/{path:path}", handle, methods=_METHODS)]
