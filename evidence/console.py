"""The analysts' SQL console: read-only, one statement at a time, row- and time-limited, and locked down.

The console runs on its own in-memory DuckDB holding only the loaded tables. Before anyone types a query,
that connection has external access switched off (no file, no network, no extension install or load) and its
configuration locked, so no statement can switch them back on. On top of that, only one statement a query,
and only statements that read (SELECT and friends), are accepted.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from evidence.db import tables_connection
from evidence.validate import DataError, validated_tables

MAX_SQL_CHARS = 10_000
ROW_LIMIT = 5_000
BYTE_LIMIT = 5_000_000  # what one answer may send to the page (a single cell can be any size)
TIME_LIMIT_S = 5.0
READING = {"SELECT", "EXPLAIN"}  # duckdb.StatementType names the console accepts


@dataclass(frozen=True)
class Answer:
    """What the console shows: rows, or a message that says what went wrong; never an exception."""

    frame: pd.DataFrame | None = None
    message: str | None = None
    cut: bool = False
    seconds: float = 0.0
    cut_bytes: bool = False  # cut at BYTE_LIMIT rather than at the row limit

    @property
    def ok(self) -> bool:
        return self.frame is not None


class Console:
    def __init__(self, data_dir: Path, row_limit: int = ROW_LIMIT, time_limit_s: float = TIME_LIMIT_S,
                 tables: dict | None = None):
        # `tables`: Arrow tables already validated (the app passes its own); otherwise the folder is loaded.
        if tables is None:
            tables, _, problems = validated_tables(data_dir)
            if problems:
                raise DataError(Path(data_dir), problems)
        connection = tables_connection(tables)  # the tables only: no keys, no indexes
        # Lock down before anyone types: these settings cannot be changed again once configuration is locked.
        # Nothing of the server's file system is readable from the console: its folders are blanked first
        # (no spilling to disk either; the memory limit below bounds a query instead).
        for setting in ("SET temp_directory = ''",
                        "SET secret_directory = '/'",
                        "SET home_directory = '/'",
                        "SET extension_directory = '/'",
                        "SET threads = 1",  # a heavy query keeps one core; the app keeps the other
                        "SET memory_limit = '1GB'",
                        "SET autoinstall_known_extensions = false",
                        "SET autoload_known_extensions = false",
                        "SET allow_community_extensions = false",
                        "SET enable_external_access = false",
                        "SET lock_configuration = true"):
            connection.execute(setting)
        self.connection = connection
        self.row_limit = row_limit
        self.time_limit_s = time_limit_s

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
        kind = statements[0].type.name
        if kind not in READING:
            return (f"The console only reads: {kind} statements are not allowed (use SELECT, WITH ... SELECT, "
                    "or EXPLAIN).")
        return None

    def run(self, sql: str) -> Answer:
        refusal = self.check(sql)
        if refusal:
            return Answer(message=refusal)
        cursor = self.connection.cursor()
        outcome: dict = {}

        def work():
            try:
                result = cursor.execute(sql)
                rows = result.fetchmany(self.row_limit + 1)
                columns = [d[0] for d in result.description]
                outcome["frame"] = pd.DataFrame(rows, columns=columns)
            except duckdb.Error as err:
                outcome["error"] = err

        started = time.perf_counter()
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(self.time_limit_s)
        if worker.is_alive():
            cursor.interrupt()
            worker.join(5)
            cursor.close()
            return Answer(message=f"The query was stopped after {self.time_limit_s:g} seconds, the console's time "
                                  "limit. Narrow it down (a WHERE, a LIMIT) and try again.",
                          seconds=time.perf_counter() - started)
        cursor.close()
        seconds = time.perf_counter() - started
        if "error" in outcome:
            return Answer(message=f"DuckDB could not run this query: {first_line(outcome['error'])}", seconds=seconds)
        frame = outcome["frame"]
        cut = len(frame) > self.row_limit
        frame = frame.head(self.row_limit)
        # At most BYTE_LIMIT of text: the rows that fit, and a notice, like the row limit's.
        sizes = (frame.map(lambda value: len(str(value))).sum(axis=1).cumsum() if len(frame.columns)
                 else pd.Series(dtype=int))
        fitting = int((sizes <= BYTE_LIMIT).sum())
        if fitting < len(frame):
            if fitting == 0:
                return Answer(message=f"The first row of this answer is {int(sizes.iloc[0]):,} characters; the console "
                                      f"returns at most {BYTE_LIMIT:,}. Select fewer or shorter columns.",
                              seconds=seconds)
            return Answer(frame=frame.head(fitting), cut=True, seconds=seconds, cut_bytes=True)
        return Answer(frame=frame, cut=cut, seconds=seconds)


def first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:400] if text else type(err).__name__
