"""The evidence database: built once per process, in memory, from the CSV files of a data folder.

The connection is never changed after start-up; each thread (each Streamlit session runs in its
own thread) reads through its own cursor.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from evidence import queries
from evidence.validate import DataError, compact_copy, load

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO / "data"
DATA_DIR_ENV = "SME_EVIDENCE_DATA"


def data_dir_from_env() -> Path:
    """The data folder: $SME_EVIDENCE_DATA if set (e.g. a later survey wave), else the bundled data/."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value) if value else DEFAULT_DATA_DIR


@dataclass
class Database:
    connection: duckdb.DuckDBPyConnection
    data_dir: Path
    row_counts: dict[str, int]
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

    @property
    def tables(self) -> list[str]:
        return list(self.row_counts)


def build_database(data_dir: Path | None = None, *, keep_schema: bool = False) -> Database:
    """Load the data folder; raise DataError listing every problem if it is not valid.

    The app gets a compact copy of the validated tables (no keys, no indexes, no comments: a third of the
    memory); `keep_schema=True` keeps the loading database itself, for code that reads the schema.
    """
    data_dir = Path(data_dir) if data_dir is not None else data_dir_from_env()
    connection, counts, problems = load(data_dir)
    if problems:
        connection.close()
        raise DataError(data_dir, problems)
    if not keep_schema:
        validated, connection = connection, compact_copy(connection, list(counts))
        validated.close()
    return Database(connection, data_dir, counts)
