"""A synthetic data folder N times today's rows: `python scripts/grow_data.py N OUT` (issue 26).

The participants, the agenda's speakers, the statements, the survey results, the instruments, their figures and
the policy links that point at instruments are copied N times; every other table is copied as it is. Copy k (k = 1
is today's rows themselves) gives each key it copies the suffix `-g<k>`, points its references at the same copy's
rows (an instrument's parent, a statement's speaker, a policy link's instrument) and moves each `position` past the
copies before it, so every key, unique rule, check and reference of queries/schema.sql holds. Text stays as it is:
the folder is for measuring, not for reading. Its datapackage.json says `"synthetic": true`, and OUT may not be
under data/ (nothing synthetic is shipped).

Check it with `python -m evidence.data.validate_command OUT`.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from evidence.data import queries  # noqa: E402
from evidence.data.validate import create_schema  # noqa: E402
from evidence.settings import DEFAULT_DATA_DIR  # noqa: E402

GROWN = ("participants", "agenda_speakers", "statements", "survey_results", "instruments", "instrument_figures",
         "policy_links")
# policy_links.entity_id names a row of the table its entity_kind says (checked by a test, not a key).
LINKED = {"instrument": "instruments"}
README = """# A synthetic data folder ({n} times today's rows)

Written by `scripts/grow_data.py {n}` from the bundled data/ for measuring (issue 26): {grown} are copied {n} times
with their keys suffixed `-g<k>`; the text is the report's, repeated. Not evidence: do not cite it.
"""


def _schema() -> tuple[dict, dict[str, set[str]]]:
    """The schema's tables by name, and each table's integer columns that a unique rule covers."""
    connection = duckdb.connect(":memory:")
    tables = {table.name: table for table in create_schema(connection)}
    unique_ints: dict[str, set[str]] = {name: set() for name in tables}
    for row in queries.run(connection, "schema_constraints").itertuples():
        if row.constraint_type in ("UNIQUE", "PRIMARY KEY"):
            types = {c.name: c.data_type for c in tables[row.table_name].columns}
            unique_ints[row.table_name] |= {c for c in row.columns if types[c] in ("INTEGER", "BIGINT")}
    connection.close()
    return tables, unique_ints


def _rename(value: str, copy: int) -> str:
    return value if value == "" or copy == 1 else f"{value}-g{copy}"


def grow_table(table, unique_ints: set[str], rows: list[dict], copies: int):
    """The rows of `table` for every copy, in order (copy 1 first): generated, never all held at once."""
    references = {cols[0] for cols, ref, _ in table.foreign_keys if ref in GROWN and len(cols) == 1}
    fixed = {cols[0] for cols, ref, _ in table.foreign_keys if ref not in GROWN and len(cols) == 1}
    keyed = set(table.key) - unique_ints - fixed  # a key's column naming a row of a table not grown stays
    spans = {c: max(int(r[c]) for r in rows if r[c] != "") + 1 for c in unique_ints}
    for copy in range(1, copies + 1):
        for row in rows:
            out = dict(row)
            for column in keyed | references:
                out[column] = _rename(row[column], copy)
            for column, span in spans.items():
                if row[column] != "":
                    out[column] = str(int(row[column]) + (copy - 1) * span)
            if table.name == "policy_links" and row["entity_kind"] in LINKED:
                out["entity_id"] = _rename(row["entity_id"], copy)
            elif table.name == "policy_links" and copy > 1:
                continue  # a link to a SWOT item or an implication: those tables are not grown
            yield out


def grow(copies: int, out: Path, source: Path = DEFAULT_DATA_DIR) -> dict[str, int]:
    """Write the synthetic folder and return its row counts by table."""
    out = out.resolve()
    if out == DEFAULT_DATA_DIR.resolve() or DEFAULT_DATA_DIR.resolve() in out.parents:
        raise SystemExit(f"refusing to write a synthetic folder under {DEFAULT_DATA_DIR}: it would be shipped")
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    tables, unique_ints = _schema()
    counts = {}
    for name, table in tables.items():
        with (source / table.file).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, list(reader)
        produced = grow_table(table, unique_ints[name], rows, copies) if name in GROWN else iter(rows)
        with (out / table.file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header, lineterminator="\n")
            writer.writeheader()
            counts[name] = 0
            for row in produced:
                writer.writerow(row)
                counts[name] += 1
    package = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    package.update(name=f"{package['name']}-synthetic-{copies}x", synthetic=True,
                   title=f"SYNTHETIC ({copies}x): {package['title']}",
                   description=f"Synthetic: {', '.join(GROWN)} copied {copies} times by scripts/grow_data.py, for "
                               f"measuring. Not evidence. {package['description']}")
    (out / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "README.md").write_text(README.format(n=copies, grown=", ".join(GROWN)), encoding="utf-8")
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit() or int(argv[0]) < 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    counts = grow(int(argv[0]), Path(argv[1]))
    print(f"{sum(counts.values()):,} rows in {len(counts)} tables written to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
