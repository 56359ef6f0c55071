"""The data package passes the real Frictionless validator, which carries what Table Schema can say of
queries/schema.sql (types, required, unique, enums, ranges, patterns, keys), and the validator fails on broken data."""

import csv
import json
import shutil

import pandas as pd
import pytest
from frictionless import validate

from evidence.settings import DEFAULT_DATA_DIR

PACKAGE = DEFAULT_DATA_DIR / "datapackage.json"


def resources() -> dict:
    return {r["name"]: r for r in json.loads(PACKAGE.read_text(encoding="utf-8"))["resources"]}


def field(resource: str, name: str) -> dict:
    return next(f for f in resources()[resource]["schema"]["fields"] if f["name"] == name)


def test_the_data_folder_is_valid_with_no_errors():
    report = validate(str(PACKAGE))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid and not errors, errors[:10]
    assert len(report.tasks) == len(resources())  # every table was read, none skipped


def _edit(path, change):
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _set(column: str, value: str, row: int = 1):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return change


BREAKS = [
    ("survey_results", "measure", "agreeish", "constraint-error"),         # enum
    ("case_countries", "position", "7", "constraint-error"),               # BETWEEN 1 AND 3
    ("instruments", "level", "galactic", "constraint-error"),              # enum on a quoted column name
    ("cases", "typology_id", "lost_global", "foreign-key"),               # reference
    ("survey_items", "letter", "z", "constraint-error"),                   # pattern
    ("survey_expertise", "share_pct", "101", "constraint-error"),          # range
    ("agenda", "start_time", "half past nine", "type-error"),              # type
]


@pytest.fixture(scope="module")
def broken_copy_errors(tmp_path_factory) -> set[tuple[str, str]]:
    """One copy of data/ with every break below, each in a table of its own, validated once: the bundled data has
    no error at all (test above), so each (table, error) found is that table's break."""
    copy = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, copy)
    for table, column, value, _ in BREAKS:
        _edit(copy / f"{table}.csv", _set(column, value))

    def duplicate_position(rows):
        rows[2][rows[0].index("position")] = rows[1][rows[0].index("position")]
    _edit(copy / "statements.csv", duplicate_position)
    assert len({table for table, *_ in BREAKS} | {"statements"}) == len(BREAKS) + 1
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    return {(task.name, e.type) for task in report.tasks for e in task.errors}


@pytest.mark.parametrize(("table", "column", "value", "error"), BREAKS)
def test_a_broken_copy_fails(broken_copy_errors, table, column, value, error):
    assert (table, error) in broken_copy_errors, broken_copy_errors


def test_a_duplicate_unique_value_fails(broken_copy_errors):
    assert ("statements", "unique-error") in broken_copy_errors


def test_the_package_carries_the_schemas_constraints():
    assert field("instruments", "level")["constraints"]["enum"] == ["EU", "national", "regional", "network",
                                                                    "international"]
    assert {"minimum": 1, "maximum": 3}.items() <= field("case_countries", "position")["constraints"].items()
    assert field("statements", "position")["constraints"]["unique"] is True
    assert field("countries", "iso3")["constraints"]["unique"] is True
    assert {"minimum": 12, "maximum": 12}.items() <= field("case_aggregates", "out_of")["constraints"].items()
    assert ["figure_id", "letter"] in resources()["survey_items"]["schema"]["uniqueKeys"]


def test_composite_unique_keys_hold():
    """Frictionless 5 does not check Table Schema 2 uniqueKeys; the package declares them, this checks them."""
    for name, resource in resources().items():
        frame = pd.read_csv(DEFAULT_DATA_DIR / resource["path"], dtype=str, keep_default_na=False)
        for key in resource["schema"].get("uniqueKeys", []):
            complete = frame[(frame[key] != "").all(axis=1)]  # a NULL in a key makes the row distinct, as in SQL
            assert not complete.duplicated(key).any(), f"{name}: duplicate {key}"
