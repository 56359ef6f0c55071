"""The analysts' SQL console: read-only, one statement at a time, bounded in rows, bytes, memory and time.

What nobody can do from it, whatever they type or put into a shared link:
- **change anything**: the tables are written once into a DuckDB file that the console's workers open read-only,
  and each query runs on a fresh cursor that is closed after it (a temporary view dies with it). Only reading
  statements are accepted, judged as DuckDB will run them: an EXPLAIN is taken only if the statement it explains
  is a SELECT (EXPLAIN ANALYZE runs its statement).
- **read the server's files, the network or settings**: the workers lock DuckDB down before the first query
  (evidence/query/console_worker.py).
- **exhaust the server**: queries run in worker processes (at most WORKERS at once; more are told the console is
  busy), each with one thread, DuckDB's memory limit and a cap on its address space; rows stream out in small
  batches that stop at the row and byte limits. A worker past the time limit, or one that died, is killed and
  replaced: a query that ignores its interrupt is abandoned, not waited for.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from evidence.data import queries
from evidence.data.validate import DataError, validated_tables
from evidence.query import console_worker

MAX_SQL_CHARS = 10_000
ROW_LIMIT = 5_000
BYTE_LIMIT = 5_000_000  # what one answer may send to the page, in Arrow bytes
TIME_LIMIT_S = 5.0
WORKERS = 2  # queries that may run at once, each in its own process
BUSY_WAIT_S = 2.0  # how long a query waits for a free worker before the console says it is busy
READING = {"SELECT"}  # duckdb.StatementType names the console runs (and EXPLAIN of one of them)
READING_NODES = {"SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"}  # a SELECT's query nodes
_NODE_TYPE = re.compile(r'"type":"([A-Z_]+_NODE)"')
_parser = duckdb.connect(":memory:", config={"enable_external_access": False})  # parses only; holds no data
_parser_lock = threading.Lock()


@dataclass(frozen=True)
class Answer:
    """What the console shows: rows, or a message that says what went wrong; never an exception."""

    table: pa.Table | None = None
    message: str | None = None
    cut: bool = False
    seconds: float = 0.0
    cut_bytes: bool = False  # cut at BYTE_LIMIT rather than at the row limit
    renamed: tuple[str, ...] = field(default=())  # columns renamed to be told apart ("a" twice: a, a_2)

    @property
    def ok(self) -> bool:
        return self.table is not None

    @property
    def frame(self) -> pd.DataFrame | None:
        """The rows as pandas, with the database's types (whole numbers stay whole, NULL stays missing)."""
        if self.table is None:
            return None
        return self.table.to_pandas(types_mapper=pd.ArrowDtype)


def explained(sql: str) -> str | None:
    """The statement an EXPLAIN [ANALYZE] [(options)] explains, or None if the text does not start with EXPLAIN."""
    tokens = [(start, kind) for start, kind in duckdb.tokenize(sql) if kind != duckdb.token_type.comment]
    if not tokens or sql[tokens[0][0]:tokens[0][0] + 7].upper() != "EXPLAIN":
        return None
    position, depth = 1, 0
    while position < len(tokens):
        start, kind = tokens[position]
        char = sql[start]
        if depth == 0 and kind == duckdb.token_type.keyword and sql[start:start + 7].upper() in ("ANALYZE", "ANALYSE"):
            position += 1
            continue
        if char == "(" and kind == duckdb.token_type.operator and (depth or position <= 2):
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0:
            return sql[start:]
        position += 1
    return ""


def writing_node(sql: str) -> str | None:
    """The query node of a write inside this statement (a DELETE, an INSERT or an UPDATE in a WITH or a subquery),
    as DuckDB's own parse tree names it; None if the statement only reads."""
    try:
        with _parser_lock:
            tree = _parser.execute(queries.ddl("console_parse_tree"), {"sql": sql}).fetchone()[0]
    except duckdb.Error:  # not a tree DuckDB can write out: the query still runs in a transaction rolled back after it
        return None
    nodes = set(_NODE_TYPE.findall(json.dumps(json.loads(tree), separators=(",", ":"))))
    return next(iter(sorted(nodes - READING_NODES)), None)


def unique_names(names: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Column names made unique (a, a, a -> a, a_2, a_3), and the renamed ones."""
    taken, out, renamed = set(names), [], []
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            out.append(name)
            continue
        number = seen[name]
        while f"{name}_{number}" in taken:
            number += 1
        taken.add(f"{name}_{number}")
        out.append(f"{name}_{number}")
        renamed.append(f"{name}_{number}")
    return out, tuple(renamed)


class Console:
    def __init__(self, data_dir: Path, row_limit: int = ROW_LIMIT, time_limit_s: float = TIME_LIMIT_S,
                 tables: Iterable[tuple[str, pa.Table]] | None = None, workers: int = WORKERS):
        # `tables`: Arrow tables already validated, with their names (the app passes its own, one at a time);
        # otherwise the folder is loaded.
        if tables is None:
            found, _, problems, _ = validated_tables(data_dir)
            if problems:
                raise DataError(Path(data_dir), problems)
            tables = found.items()
        self.folder = Path(tempfile.mkdtemp(prefix="sme-console-"))
        self.database = self.folder / "evidence.duckdb"
        connection = duckdb.connect(str(self.database))
        for name, table in tables:
            connection.from_arrow(table).create(name)
        connection.execute(queries.ddl("macros"))
        connection.close()
        self.row_limit = row_limit
        self.time_limit_s = time_limit_s
        self.workers = workers
        self._idle: list[console_worker.Handle | None] = [None] * workers  # None: a worker started when needed
        self._free = threading.Semaphore(workers)
        self._lock = threading.Lock()
        self._running: set[console_worker.Handle] = set()
        atexit.register(self.close)

    def close(self) -> None:
        """Stop the workers and remove the database file."""
        with self._lock:
            workers, self._idle = [w for w in self._idle if w] + list(self._running), [None] * self.workers
        for worker in workers:
            worker.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def check(self, sql: str) -> str | None:
        """Why a query is refused before it runs, or None."""
        if not sql or not sql.strip():
            return "Type a query first."
        if len(sql) > MAX_SQL_CHARS:
            return f"The query is {len(sql):,} characters long; the console takes at most {MAX_SQL_CHARS:,}."
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as err:
            return f"DuckDB cannot parse this query: {first_line(err)}"
        if len(statements) != 1:
            return f"One statement at a time, please: this text holds {len(statements)}."
        kind, query = statements[0].type.name, sql
        if kind == "EXPLAIN":
            query = explained(sql)
            try:
                inner_kind = duckdb.extract_statements(query)[0].type.name if query else "an empty"
            except (duckdb.Error, IndexError):
                inner_kind = "an unreadable"
            if inner_kind not in READING:
                return (f"The console only reads: EXPLAIN runs (with ANALYZE) the statement it explains, and this one "
                        f"is a {inner_kind} statement. Explain a SELECT instead.")
        elif kind not in READING:
            return (f"The console only reads: {kind} statements are not allowed (use SELECT, WITH ... SELECT, "
                    "or EXPLAIN of a SELECT).")
        node = writing_node(query)
        if node:
            what = node.removesuffix("_QUERY_NODE").removesuffix("_NODE").replace("_", " ")
            article = "an" if what[:1] in "AEIOU" else "a"
            return (f"The console only reads: this query holds {article} {what} (inside a WITH or a subquery), which "
                    "is not allowed. Use SELECT, WITH ... SELECT, or EXPLAIN of a SELECT.")
        return None

    def _take(self) -> console_worker.Handle | None:
        if not self._free.acquire(timeout=BUSY_WAIT_S):
            return None
        with self._lock:
            worker = self._idle.pop()
        try:
            if worker is None or not worker.alive():
                worker = console_worker.Handle(self.database)
        except Exception:
            with self._lock:
                self._idle.append(None)
            self._free.release()
            raise
        with self._lock:
            self._running.add(worker)
        return worker

    def _give_back(self, worker: console_worker.Handle, healthy: bool) -> None:
        with self._lock:
            self._running.discard(worker)
            if not healthy:
                worker.kill()
            self._idle.append(worker if healthy else None)
        self._free.release()

    def run(self, sql: str) -> Answer:
        refusal = self.check(sql)
        if refusal:
            return Answer(message=refusal)
        worker = self._take()
        if worker is None:
            return Answer(message=f"The console is running {self.workers} queries already, its most at once. Try "
                                  "again in a few seconds.")
        started = time.monotonic()  # the query's time starts once its worker is ready (a first start is not its)
        reply = worker.ask({"sql": sql, "rows": self.row_limit, "bytes": BYTE_LIMIT},
                           started + self.time_limit_s)
        self._give_back(worker, reply is not None)
        seconds = time.monotonic() - started
        if reply is None:
            if seconds >= self.time_limit_s:
                return Answer(message=f"The query was stopped after {self.time_limit_s:g} seconds, the console's "
                                      "time limit. Narrow it down (a WHERE, a LIMIT) and try again.", seconds=seconds)
            return Answer(message="The query needed more memory than the console gives one query "
                                  f"(about {console_worker.HEADROOM_MB} MB) and was stopped. Narrow it down (a WHERE, "
                                  "a LIMIT, fewer or shorter columns) and try again.", seconds=seconds)
        if reply.get("error"):
            error = reply["error"]
            if reply.get("memory"):
                return Answer(message="The query needed more memory than the console gives one query "
                                      f"(about {console_worker.HEADROOM_MB} MB). Narrow it down (a WHERE, a LIMIT, "
                                      "fewer or shorter columns) and try again.", seconds=seconds)
            return Answer(message=f"DuckDB could not run this query: {first_line(error)}", seconds=seconds)
        if "too_wide" in reply:
            return Answer(message=f"The first row of this answer is {reply['too_wide']:,} bytes; the console returns "
                                  f"at most {BYTE_LIMIT:,}. Select fewer or shorter columns.", seconds=seconds)
        table = pa.ipc.open_stream(reply["ipc"]).read_all()
        names, renamed = unique_names(table.column_names)
        if renamed:
            table = table.rename_columns(names)
        return Answer(table=table, cut=reply["cut"], seconds=reply["seconds"], cut_bytes=reply["cut_bytes"],
                      renamed=renamed)


def first_line(err: Exception | str) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__)[:400]
