"""data/datapackage.json documents every table and column, and agrees with queries/schema.sql."""

import json

import duckdb

from evidence.data import datapackage, queries
from evidence.data.validate import create_schema
from evidence.settings import DEFAULT_DATA_DIR

PACKAGE = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


def schema_tables():
    connection = duckdb.connect()
    tables = create_schema(connection)
    connection.close()
    return tables


def test_package_is_up_to_date_with_the_schema():
    assert (DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8") == datapackage.render(), (
        "run `make datapackage`"
    )


def test_same_tables_columns_and_types():
    in_package = {
        r["name"]: [(f["name"], f["type"]) for f in r["schema"]["fields"]] for r in PACKAGE["resources"]
    }
    in_schema = {
        t.name: [(c.name, datapackage.FRICTIONLESS_TYPES[c.data_type]) for c in t.columns] for t in schema_tables()
    }
    assert in_package == in_schema


def test_every_table_and_column_is_described():
    for resource in PACKAGE["resources"]:
        assert len(resource["description"]) > 20, resource["name"]
        for field in resource["schema"]["fields"]:
            assert len(field["description"]) > 5, f"{resource['name']}.{field['name']} has no description"


def test_every_resource_is_a_file_in_data():
    for resource in PACKAGE["resources"]:
        assert (DEFAULT_DATA_DIR / resource["path"]).is_file(), resource["path"]
    csvs = {p.name for p in DEFAULT_DATA_DIR.glob("*.csv")}
    assert csvs == {r["path"] for r in PACKAGE["resources"]}


def test_keys_and_references_are_declared():
    resources = {r["name"]: r for r in PACKAGE["resources"]}
    assert resources["cases"]["schema"]["primaryKey"] == ["case_id"]
    assert {"fields": ["typology_id"], "reference": {"resource": "typology_groups", "fields": ["typology_id"]}} in (
        resources["cases"]["schema"]["foreignKeys"]
    )
    measure = next(f for f in resources["survey_results"]["schema"]["fields"] if f["name"] == "measure")
    assert "fully_agree" in measure["constraints"]["enum"]


def test_every_table_is_in_the_data_dictionary():
    readme = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for table in schema_tables():
        assert f"`{table.name}`" in readme, f"data/README.md does not describe {table.name}"


def test_schema_ddl_is_the_only_ddl_file():
    assert "schema" not in queries.library()
