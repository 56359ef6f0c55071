"""The evidence database: built once per process, in memory, from the CSV files of a data folder.

The connection is never changed after start-up; each thread (each Streamlit session runs in its
own thread) reads through its own cursor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from evidence.data import loader, queries
from evidence.data.csv_reading import DataError, Problem
from evidence.data.validate import load, read_documents
from evidence.settings import data_dir_from_env


@dataclass
class Database:
    connection: duckdb.DuckDBPyConnection
    data_dir: Path
    row_counts: dict[str, int]
    documents: dict[str, bytes] = field(default_factory=dict)  # the folder's datapackage.json and README.md, as loaded
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's own cursor on the shared in-memory database."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self.connection.cursor()
        return cursor

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run the named query `queries/<name>.sql` with keyword parameters."""
        return queries.run(self.cursor(), name, **params)

    def arrow_tables(self) -> Iterator[tuple[str, pa.Table]]:
        """Every table as Arrow with its name, one at a time (a copy of them all at once is most of the server's peak
        memory at 1000 times today's rows)."""
        for name in self.row_counts:
            yield name, self.cursor().table(name).to_arrow_table()

    @property
    def tables(self) -> list[str]:
        return list(self.row_counts)


def tables_connection(tables: dict) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory database holding validated tables (no keys, no indexes) and the macros.

    The constraints have done their work once the data is loaded; their indexes would stay behind in memory
    (DuckDB reserves about 2 MB for each of the ~60 keys: 100 MB for 858 rows).
    """
    connection = duckdb.connect(":memory:")
    for name, table in tables.items():
        connection.from_arrow(table).create(name)
    connection.execute(queries.ddl("macros"))
    return connection


def _validate_in_child(data_dir: Path) -> tuple[dict, dict[str, int], list[Problem], dict[str, bytes]]:
    """The checked tables, counts, problems and documents, from the loading child process (evidence.data.loader)."""
    answer, failure = loader.result(data_dir)
    if answer is None:  # its last line may name the server's paths: the log has it, the page does not
        logging.getLogger(__name__).error("loading %s failed: %s", data_dir, failure)
        return {}, {}, [Problem(data_dir.name, "loader failed",
                                "the loading process failed unexpectedly; the server's log has the details")], {}
    return answer


def build_database(data_dir: Path | None = None, *, keep_schema: bool = False) -> Database:
    """Load the data folder; raise DataError listing every problem if it is not valid.

    The app gets a compact copy of the validated tables: no keys, no indexes, no comments. The loading
    (with every key and check, whose indexes take ~100 MB for 858 rows) runs in a short-lived child process,
    so the server's memory never holds it; only the Arrow tables come back. `keep_schema=True` keeps the
    loading database itself, in this process, for code that reads the schema.
    """
    data_dir = Path(data_dir) if data_dir is not None else data_dir_from_env()
    if keep_schema:
        connection, counts, problems = load(data_dir)
        if problems:
            connection.close()
            raise DataError(data_dir, problems)
        return Database(connection, data_dir, counts, read_documents(data_dir)[0])
    tables, counts, problems, documents = _validate_in_child(data_dir)
    if problems:
        raise DataError(data_dir, problems)
    return Database(tables_connection(tables), data_dir, counts, documents)
