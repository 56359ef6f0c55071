"""The Data view: every table documented, previewed and downloadable; the console answers or refuses clearly."""

import io
import json
import zipfile

import pandas as pd
import pyarrow.parquet as pq
import pytest

from evidence.content import tables
from evidence.settings import DEFAULT_DATA_DIR
from evidence.ui import downloads
from tests.views import open_link

TABLES = [r["name"] for r in json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text())["resources"]]


def test_every_table_is_listed_with_its_row_count(db):
    listing = tables.table_list().to_pandas()  # what the Data view shows first (its wiring: the tests below)
    assert list(listing["table"]) == TABLES
    assert dict(zip(listing["table"], listing["rows"], strict=True)) == db.row_counts


@pytest.mark.parametrize("table", ["cases", "survey_results", "statements"])
def test_a_table_shows_its_fields_and_preview(db, table):
    app = open_link("pages/data.py")
    app.selectbox(key="table").set_value(table).run()
    assert not app.exception
    fields = app.dataframe[1].value
    assert set(fields["field"]) == set(db.query("table_rows", table_name=table).columns)
    assert fields["description"].str.len().min() > 5
    assert len(app.dataframe[2].value) == min(100, db.row_counts[table])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_downloads_hold_the_right_rows(db, fmt):
    expected = db.query("table_rows", table_name="swot_items")
    raw = downloads.table_bytes("swot_items", fmt)
    if fmt == "csv":
        got = pd.read_csv(io.BytesIO(raw))
    elif fmt == "parquet":
        got = pq.read_table(io.BytesIO(raw)).to_pandas()
    else:
        got = pd.DataFrame(json.loads(raw))
    assert list(got.columns) == list(expected.columns)
    assert list(got["swot_id"]) == list(expected["swot_id"]) and len(got) == 23


def test_the_package_zip_holds_every_table_and_the_descriptor():
    with zipfile.ZipFile(io.BytesIO(downloads.package_zip())) as archive:
        names = {name.split("/", 1)[1] for name in archive.namelist()}
    assert {f"{t}.csv" for t in TABLES} <= names
    assert {"datapackage.json", "README.md"} <= names


def sql_box(app):
    return next(t for t in app.text_area if t.label == "SQL")


def test_console_runs_a_query_in_the_page():
    app = open_link("pages/data.py")
    sql_box(app).input("SELECT name FROM cases ORDER BY name")  # in a form: sent on submit
    next(b for b in app.button if b.label == "Run").click().run()
    assert not app.exception
    assert list(app.dataframe[-1].value["name"])[:2] == ["Acreo", "Aisense"]


def test_console_refusal_is_a_message_shown_as_text():
    app = open_link("pages/data.py")
    sql_box(app).input("SELECT * FROM read_text('/etc/passwd') -- <script>alert(1)</script> **x**")
    next(b for b in app.button if b.label == "Run").click().run()
    assert not app.exception
    message = app.error[0].value
    assert "disabled by configuration" in message


def test_example_queries_load_into_the_box():
    app = open_link("pages/data.py")
    app.selectbox(key="example").set_value("key_figures").run()
    assert sql_box(app).value.startswith("-- key_figures:")
    next(b for b in app.button if b.label == "Run").click().run()
    assert len(app.dataframe[-1].value) == 13
