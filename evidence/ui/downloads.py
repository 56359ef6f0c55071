"""The Data view's downloads, built when clicked from what the app loaded (never from the disk at click time): one
table as CSV, Parquet or JSON; the whole data package. CSV is written as the data folder writes it (api_formats):
whole numbers without a decimal point, booleans as true/false, NULL as an empty field."""

from __future__ import annotations

import io
import json
import zipfile

import pyarrow.parquet as pq

from evidence.data import formats as api_formats
from evidence.data import queries
from evidence.query import package, store


def table_bytes(table: str, fmt: str) -> bytes:
    """One table as CSV, Parquet or JSON."""
    rows = queries.run_arrow(store.database().cursor(), "table_rows", table_name=table)  # DuckDB's own types
    if fmt == "csv":
        return api_formats.csv_bytes(rows)
    if fmt == "json":
        return json.dumps(api_formats.records(rows), ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    buffer = io.BytesIO()
    pq.write_table(rows, buffer)
    return buffer.getvalue()


def package_zip() -> bytes:
    """The whole data package as the app loaded it: every table as CSV, the folder's datapackage.json (or the one the
    schema gives) and its data dictionary, if it has one."""
    database = store.database()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(database.tables):
            archive.writestr(f"sme-evidence/{name}.csv", table_bytes(name, "csv"))
        archive.writestr("sme-evidence/datapackage.json", package.datapackage_bytes())
        if "README.md" in database.documents:
            archive.writestr("sme-evidence/README.md", database.documents["README.md"])
    return buffer.getvalue()
