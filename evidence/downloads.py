"""The Data view's downloads, built when clicked: one table as CSV, Parquet or JSON; the whole data package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from evidence import store
from evidence.loader import data_dir_from_env


def table_bytes(table: str, fmt: str) -> bytes:
    """One table as CSV, Parquet or JSON."""
    frame = store.rows("table_rows", table_name=table)
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1).encode("utf-8")
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer)
    return buffer.getvalue()


def package_zip() -> bytes:
    """The whole data package: every CSV of the data folder, datapackage.json and the data dictionary."""
    folder = Path(data_dir_from_env())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.csv")) + [folder / "datapackage.json", folder / "README.md"]:
            if path.is_file():
                archive.write(path, arcname=f"sme-evidence/{path.name}")
    return buffer.getvalue()
