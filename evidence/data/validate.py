"""Load the CSV files of a data folder into DuckDB, and say precisely what is wrong when they are bad.

Each file is parsed in Python with explicit types taken from the schema (no type sniffing), then
appended to its table, so DuckDB itself enforces keys, references and checks. Every problem names
the file, the line, the column and the rule broken.

The command line (`make validate`) is validate_command.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa

from evidence.data import queries
from evidence.data.csv_reading import (  # noqa: F401
    ARROW_TYPES,
    Column,
    DataError,
    Problem,
    Rows,
    Table,
    read_csv,
    regular_file_problem,
)

# The folder's documents, read with its tables and served as they were loaded (the package zip, the Data view, the
# API); each is optional: without datapackage.json the app describes the tables from the schema.
DOCUMENTS = ("datapackage.json", "README.md")

# ------------------------------------------------------------------------------------ schema


def create_schema(connection) -> list[Table]:
    """Run queries/schema.sql on an empty connection and describe the tables it created."""
    connection.execute(queries.ddl("schema"))
    connection.execute(queries.ddl("macros"))
    tables = {row.table_name: Table(row.table_name, []) for row in
              queries.run(connection, "schema_tables").itertuples()}
    for row in queries.run(connection, "schema_columns").itertuples():
        tables[row.table_name].columns.append(Column(row.column_name, row.data_type, bool(row.is_nullable)))
    for row in queries.run(connection, "schema_constraints").itertuples():
        table, columns = tables[row.table_name], list(row.columns)
        if row.constraint_type == "FOREIGN KEY":
            table.foreign_keys.append((columns, row.referenced_table, list(row.referenced_columns)))
        elif row.constraint_type == "CHECK":
            table.checks.append((columns, row.expression))
        elif row.constraint_type == "PRIMARY KEY":
            table.key = columns
    return list(tables.values())


# ------------------------------------------------------------------------------------ loading


def _arrow(table: Table, rows: Rows) -> pa.Table:
    return pa.table({column.name: pa.array(values, ARROW_TYPES[column.data_type])
                     for column, values in zip(table.columns, rows.columns, strict=True)})


def _explain(table: Table, err: Exception, values: list) -> tuple[str, str | None, str]:
    """Rule, column and message for a DuckDB constraint error on one row."""
    text = str(err).removeprefix("Constraint Error: ")
    key = re.search(r'key "([A-Za-z_][A-Za-z0-9_]*): ([^"]*)"', text)
    if "foreign key" in text.lower():
        # DuckDB names the referenced column and the value; find the row's column holding that value.
        value = key.group(2) if key else None
        row = dict(zip((c.name for c in table.columns), values, strict=True))
        for cols, ref, refcols in table.foreign_keys:
            if len(cols) == 1 and value is not None and str(row[cols[0]]) == value:
                return "unknown reference", cols[0], f"{value!r} is not a {ref}.{refcols[0]}"
        return "unknown reference", None, text
    if "duplicate key" in text.lower() or "unique" in text.lower():
        column = key.group(1) if key else ", ".join(table.key) or None
        return "duplicate key", column, text
    if "not null" in text.lower():
        column = text.rsplit(".", 1)[-1].strip().strip('"') if "." in text else None
        return "missing value", column, f"column {column} must have a value"
    if "check constraint" in text.lower():
        for columns, expression in table.checks:
            if expression and expression in text:
                return "check violated", ", ".join(columns) or None, f"the value breaks the rule {expression}"
        return "check violated", None, text
    return "rejected by the database", None, text


def _self_reference_waves(table: Table, rows: Rows) -> list[Rows]:
    """Rows in insertion waves, parents before children, for a table that references itself.

    DuckDB checks a foreign key against the rows already in the table, not those in the same
    statement, so a child must arrive in a later statement than its parent.
    """
    names = [column.name for column in table.columns]
    selfish = [(cols, refcols) for cols, ref, refcols in table.foreign_keys if ref == table.name and len(cols) == 1]
    if not selfish:
        return [rows]
    (column,), (target,) = selfish[0]
    parents, keys = rows.columns[names.index(column)], rows.columns[names.index(target)]
    loaded: set = set()
    waves, remaining = [], list(range(len(rows)))
    while remaining:  # each wave is one pass over the rows left: linear in rows times the depth of the tree
        wave = [i for i in remaining if parents[i] is None or parents[i] in loaded]
        if not wave:  # orphans or a cycle: let the database name them row by row
            waves.append(rows.take(remaining))
            break
        waves.append(rows.take(wave))
        loaded |= {keys[i] for i in wave}
        placed = set(wave)
        remaining = [i for i in remaining if i not in placed]
    return waves


def _load_batch(connection, table: Table, rows: Rows) -> list[Problem]:
    try:
        connection.from_arrow(_arrow(table, rows)).insert_into(table.name)
        return []
    except duckdb.Error:
        pass
    # Something in the batch broke a rule: insert row by row to name each bad line.
    problems = []
    for index, line in enumerate(rows.lines):
        one = rows.take([index])
        values = one.row(0)
        try:
            connection.from_arrow(_arrow(table, one)).insert_into(table.name)
        except duckdb.Error as err:
            rule, column, message = _explain(table, err, values)
            problems.append(Problem(table.file, rule, message, line, column))
    return problems


def _load_table(connection, table: Table, rows: Rows) -> list[Problem]:
    problems = []
    for wave in _self_reference_waves(table, rows):
        problems += _load_batch(connection, table, wave)
    return problems


def folder_problem(data_dir: Path) -> Problem | None:
    """Why the data path is not a folder the app can read (named by its last part only), or None."""
    if data_dir.is_dir():
        return None
    if data_dir.exists():
        return Problem(data_dir.name, "not a folder", "the data path is a file, not a folder: set SME_EVIDENCE_DATA "
                                                      "to the folder that holds the CSV files")
    return Problem(data_dir.name, "missing folder", "the data folder does not exist")


def read_documents(data_dir: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The folder's documents that are there (DOCUMENTS), as bytes, and what is wrong with them."""
    documents, problems = {}, []
    for name in DOCUMENTS:
        path = data_dir / name
        if not path.exists() and not path.is_symlink():
            continue
        refused = regular_file_problem(path, "the data package")
        if refused:
            problems.append(refused)
            continue
        content = path.read_bytes()
        if name.endswith(".json"):
            try:
                if not isinstance(json.loads(content), dict):
                    raise ValueError("it is not a JSON object")
            except ValueError as err:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                problems.append(Problem(name, "broken JSON", f"the descriptor cannot be read: {err}"))
                continue
        documents[name] = content
    return documents, problems


def load(data_dir: Path) -> tuple[duckdb.DuckDBPyConnection, dict[str, int], list[Problem]]:
    """Build an in-memory database from the data folder: the connection, row counts and problems."""
    data_dir = Path(data_dir)
    connection = duckdb.connect(":memory:")
    tables = create_schema(connection)
    counts: dict[str, int] = {}
    problems: list[Problem] = []
    not_a_folder = folder_problem(data_dir)
    if not_a_folder:
        return connection, counts, [not_a_folder]
    failed: set[str] = set()
    for table in tables:
        broken_parents = sorted(table.parents & failed)
        if broken_parents:
            failed.add(table.name)
            problems.append(Problem(table.file, "not checked",
                                    "it references " + ", ".join(f"{p}.csv" for p in broken_parents)
                                    + ", which could not be loaded"))
            continue
        rows, read_problems = read_csv(data_dir / table.file, table)
        problems += read_problems
        if read_problems:
            failed.add(table.name)
            continue
        load_problems = _load_table(connection, table, rows)
        problems += load_problems
        counts[table.name] = len(rows) - len(load_problems)
    extra = sorted(p.name for p in data_dir.glob("*.csv") if p.stem not in {t.name for t in tables})
    for name in extra:
        problems.append(Problem(name, "unknown file", "no table of the schema has this name"))
    problems += read_documents(data_dir)[1]
    return connection, counts, problems


def validated_tables(data_dir: Path) -> tuple[dict[str, pa.Table], dict[str, int], list[Problem], dict[str, bytes]]:
    """Load and check the data folder, and hand back its tables as Arrow and its documents (both empty if there are
    problems)."""
    connection, counts, problems = load(data_dir)
    tables = {} if problems else {name: connection.table(name).to_arrow_table() for name in counts}
    connection.close()
    documents = {} if problems else read_documents(Path(data_dir))[0]
    return tables, counts, problems, documents
