"""Named queries: every SQL the app runs is a file `queries/<name>.sql` with `$named` parameters.

Python never builds SQL text; it asks for a query by name and passes keyword parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"

# Not named queries of the app: schema.sql is DDL run once at start-up; the SQL console's own statements ready its
# workers (console_setup.sql) and read a query's parse tree (console_parse_tree.sql).
DDL_FILES = frozenset({"schema", "macros", "console_setup", "console_parse_tree"})

_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r"'(?:[^']|'')*'")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryError(LookupError):
    """A query was asked for by a name that does not exist, or with the wrong parameters."""


@dataclass(frozen=True)
class Query:
    name: str
    sql: str
    params: frozenset[str]
    summary: str

    def check(self, given: dict) -> None:
        missing = sorted(self.params - given.keys())
        extra = sorted(given.keys() - self.params)
        if missing:
            raise QueryError(
                f"query '{self.name}' needs parameter(s) {', '.join('$' + p for p in missing)}"
            )
        if extra:
            raise QueryError(
                f"query '{self.name}' takes no parameter(s) {', '.join('$' + p for p in extra)}"
                f" (it takes: {', '.join('$' + p for p in sorted(self.params)) or 'none'})"
            )


def parameters_of(sql: str) -> frozenset[str]:
    """The `$name` parameters a query uses, ignoring comments and string literals."""
    code = _STRING.sub("''", _COMMENT.sub(" ", sql))
    return frozenset(_PARAM.findall(code))


def header(sql: str, field: str) -> list[str] | None:
    """A header of a query file (`-- params:`, `-- columns:`): its line and the indented lines that continue it, each
    without the comment mark; None when the query has no such header. The one reader of the headers."""
    lines = sql.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"-- {field}:")), None)
    if start is None:
        return None
    parts = [lines[start].removeprefix(f"-- {field}:").strip()]
    for line in lines[start + 1:]:
        if not line.startswith("--     "):
            break
        parts.append(line.removeprefix("--").strip())
    return parts


def declared_columns(sql: str) -> list[str] | None:
    """The columns a query's header says it returns, in order (None without a `-- columns:` header)."""
    parts = header(sql, "columns")
    return None if parts is None else [c.strip() for part in parts for c in part.split(",") if c.strip()]


def _summary(sql: str) -> str:
    first = sql.lstrip().splitlines()[0] if sql.strip() else ""
    return first.removeprefix("--").strip()


@cache
def library(queries_dir: Path = QUERIES_DIR) -> dict[str, Query]:
    """All named queries in the folder, by name."""
    out = {}
    for path in sorted(queries_dir.glob("*.sql")):
        if path.stem in DDL_FILES:
            continue
        sql = path.read_text(encoding="utf-8")
        out[path.stem] = Query(path.stem, sql, parameters_of(sql), _summary(sql))
    return out


def get(name: str, queries_dir: Path = QUERIES_DIR) -> Query:
    queries = library(queries_dir)
    if name not in queries:
        raise QueryError(
            f"unknown query '{name}': there is no queries/{name}.sql "
            f"(known: {', '.join(sorted(queries))})"
        )
    return queries[name]


def unfrozen(params) -> dict:
    """Parameters as DuckDB takes them, from their hashable form (the caches' keys, a chart's frozen inputs): each
    tuple a list again. `params` is a mapping or its items."""
    return {key: list(value) if isinstance(value, tuple) else value for key, value in dict(params).items()}


def run(connection, name: str, **params):
    """Run the named query on a DuckDB connection (or cursor) and return a pandas DataFrame."""
    query = get(name)
    query.check(params)
    return connection.execute(query.sql, params).df()


def run_arrow(connection, name: str, **params):
    """Run the named query and return its rows as an Arrow table, with the types DuckDB gives them."""
    query = get(name)
    query.check(params)
    return connection.sql(query.sql, params=params).to_arrow_table()


def ddl(name: str = "schema", queries_dir: Path = QUERIES_DIR) -> str:
    return (queries_dir / f"{name}.sql").read_text(encoding="utf-8")
