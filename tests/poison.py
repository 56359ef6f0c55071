"""A poisoned copy of the data folder: every free-text value carries markdown, HTML, an outside image, a
`javascript:` link, a formula, a colour directive and a newline. Used to check that data text shows as typed."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb

from evidence.data.validate import create_schema
from evidence.data.validate_command import report
from evidence.settings import DEFAULT_DATA_DIR

OUTSIDE_HOST = "203.0.113.9"  # TEST-NET-3: never a real host
PAYLOAD = (" ⟦ **strong-p** _em-p_ <b>html-p</b> ![img-p](http://203.0.113.9/p.png) [link-p](javascript:alert(1)) "
           "<img src=http://203.0.113.9/q.png> $p^2$ :red[red-p]\n# head-p\n- list-p ⟧")


def free_text_columns() -> dict[str, list[str]]:
    """Each table's VARCHAR columns that no key, reference or check constrains: the text a row says."""
    connection = duckdb.connect(":memory:")
    out = {}
    for table in create_schema(connection):
        constrained = set(table.key) | {c for cols, _, _ in table.foreign_keys for c in cols}
        constrained |= {c for cols, _ in table.checks for c in cols}
        out[table.name] = [c.name for c in table.columns if c.data_type == "VARCHAR" and c.name not in constrained]
    connection.close()
    return out


def poisoned_copy(target: Path) -> Path:
    """Copy data/ to `target` with the payload appended to every non-empty free-text value; it still validates."""
    shutil.copytree(DEFAULT_DATA_DIR, target)
    for table, columns in free_text_columns().items():
        path = target / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            fields = list(rows[0].keys()) if rows else []
        for row in rows:
            for column in columns:
                if row.get(column):
                    row[column] += PAYLOAD
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        resource["description"] += PAYLOAD
        for field in resource["schema"]["fields"]:
            field["description"] = field.get("description", "") + PAYLOAD
    (target / "datapackage.json").write_text(json.dumps(package, indent=1), encoding="utf-8")
    text, ok = report(target)
    assert ok, text
    return target
