"""Rows as the API sends them: CSV written like the files in data/, JSON, and Parquet, from an Arrow table.

CSV: a header, one line per row, "\\n" line ends, fields quoted only when needed, NULL as an empty field,
booleans as true/false and whole numbers without a decimal point (as the data folder writes them), so
`pandas.read_csv(url)` reads back what `pandas.read_csv("data/<table>.csv")` does.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math

import pyarrow as pa
import pyarrow.parquet as pq

MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(_cell(item) for item in value)
    return str(value)


def csv_bytes(table: pa.Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    columns = [column.to_pylist() for column in table.columns]
    writer.writerows([_cell(value) for value in row] for row in zip(*columns, strict=True))
    return buffer.getvalue().encode("utf-8")


def _plain(value):
    """A JSON value: dates and times as ISO text, NaN as null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def records(table: pa.Table) -> list[dict]:
    names = table.column_names
    columns = [column.to_pylist() for column in table.columns]
    return [{name: _plain(value) for name, value in zip(names, row, strict=True)} for row in zip(*columns, strict=True)]


def json_bytes(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def parquet_bytes(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()
