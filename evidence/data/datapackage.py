"""Write data/datapackage.json (a Frictionless Data Package) from queries/schema.sql.

The schema is the single source of truth: tables, columns, types, descriptions (COMMENT ON),
keys, references and simple checks. `python -m evidence.data.datapackage` rewrites the file;
`--check` fails when the committed file differs from what the schema says.
"""

from __future__ import annotations

import json
import re
import sys

import duckdb

from evidence.data import queries
from evidence.data.validate import create_schema
from evidence.settings import DEFAULT_DATA_DIR

FRICTIONLESS_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIME": "time",
}

# DuckDB quotes column names that are keywords ("position", "level"): the patterns accept both spellings.
_IN_LIST = re.compile(r'^\(?"?(\w+)"? IN \((.*)\)\)?$')
_BETWEEN = re.compile(r'^\(?"?(\w+)"? BETWEEN (-?\d+) AND (-?\d+)\)?$')
_COMPARE = re.compile(r'^\(?"?(\w+)"? (>=|>|=) (-?\d+)\)?$')


def _field_constraints(table, column, unique: bool) -> dict:
    constraints: dict = {}
    if not column.nullable:
        constraints["required"] = True
    if unique:
        constraints["unique"] = True
    for columns, expression in table.checks:
        if columns != [column.name] or not expression:
            continue
        if m := _IN_LIST.match(expression):
            constraints["enum"] = re.findall(r"'((?:[^']|'')*)'", m.group(2))
        elif m := _BETWEEN.match(expression):
            constraints["minimum"], constraints["maximum"] = int(m.group(2)), int(m.group(3))
        elif m := _COMPARE.match(expression):
            bound = int(m.group(3))
            constraints["minimum"] = bound if m.group(2) != ">" else bound + 1
            if m.group(2) == "=":
                constraints["maximum"] = bound
        elif "regexp_matches" in expression:
            pattern = re.search(r"'(\^.*?\$)'", expression)
            if pattern:
                constraints["pattern"] = pattern.group(1)
    return constraints


def build() -> dict:
    connection = duckdb.connect(":memory:")
    tables = create_schema(connection)
    comments = {row.table_name: row.comment for row in queries.run(connection, "schema_tables").itertuples()}
    column_comments = {(row.table_name, row.column_name): row.comment
                       for row in queries.run(connection, "schema_columns").itertuples()}
    checks = {row.table_name: [] for row in queries.run(connection, "schema_tables").itertuples()}
    unique_keys = {name: [] for name in checks}
    for row in queries.run(connection, "schema_constraints").itertuples():
        if row.constraint_type == "CHECK" and len(row.columns) != 1:
            checks[row.table_name].append(row.expression)
        elif row.constraint_type == "UNIQUE":
            unique_keys[row.table_name].append(list(row.columns))
    connection.close()

    resources = []
    for table in tables:
        fields = []
        for column in table.columns:
            entry = {
                "name": column.name,
                "type": FRICTIONLESS_TYPES[column.data_type],
                "description": column_comments[(table.name, column.name)] or "",
            }
            if constraints := _field_constraints(table, column, [column.name] in unique_keys[table.name]):
                entry["constraints"] = constraints
            fields.append(entry)
        schema: dict = {"fields": fields, "missingValues": [""]}
        if table.key:
            schema["primaryKey"] = table.key
        # Table Schema 2 uniqueKeys: the composite UNIQUE constraints (single-column ones are field constraints).
        if composite := [key for key in unique_keys[table.name] if len(key) > 1]:
            schema["uniqueKeys"] = composite
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": cols, "reference": {"resource": ref, "fields": refcols}}
                for cols, ref, refcols in table.foreign_keys
            ]
        resource = {
            "name": table.name,
            "path": table.file,
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "description": comments[table.name] or "",
            "schema": schema,
        }
        if checks[table.name]:
            resource["x-row-checks"] = checks[table.name]
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "sme-innovation-internationalisation-evidence",
        "title": "Internationalisation of Innovation in SMEs: the evidence of the 2016 expert workshop report",
        "description": (
            "Everything structured in the report of the expert workshop 'Internationalisation of Innovation "
            "in SMEs' (Brussels, 13 June 2016; Salzburg Research for DG Research & Innovation): 12 SME case "
            "studies, the expert survey (Annex 3), the WHAT/HOW matrix, SWOT, policy implications, instruments, "
            "agenda, participants and statements. Every row cites its source in the report (table sources). "
            "Columns listed in coding_notes are the project's coding, not the report's words. Generated from "
            "queries/schema.sql by `python -m evidence.data.datapackage`."
        ),
        "sources": [{"title": "Internationalisation of Innovation in SMEs: expert workshop report (2016)",
                     "path": "report.txt"}],
        "resources": resources,
    }


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = DEFAULT_DATA_DIR / "datapackage.json"
    text = render()
    if "--check" in argv:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run `python -m evidence.data.datapackage`")
            return 1
        print(f"{path} agrees with queries/schema.sql")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(build()['resources'])} resources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
