"""An odd data folder is read, never followed, and said plainly: symbolic links, files outside it, a huge file, a
huge cell, a path that is a file, a folder without datapackage.json; a broken folder is diagnosed once; what the
app hands out is what it loaded."""

import csv
import io
import json
import os
import re
import zipfile

import pandas as pd
import pytest

from evidence.data import loader
from evidence.data.csv_reading import MAX_FILE_BYTES
from evidence.data.db import build_database
from evidence.data.validate import DataError
from evidence.query import package, store
from evidence.settings import DATA_DIR_ENV, DEFAULT_DATA_DIR
from evidence.ui import downloads
from tests.data_breaks import problems_for, the_problem


@pytest.fixture
def outside(tmp_path):
    """A file elsewhere on the server that a link in the data folder points at."""
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("server secret: do not serve\n")
    return secret


def test_a_symbolic_link_to_a_csv_is_refused_by_name(data_copy):
    target = data_copy.parent / "themes-elsewhere.csv"
    (data_copy / "themes.csv").rename(target)
    (data_copy / "themes.csv").symlink_to(target)
    problem = the_problem(problems_for(data_copy), "themes.csv", "symbolic link")
    assert "follows no link" in problem.message


def test_a_symbolic_link_to_a_readme_elsewhere_is_refused_and_never_served(data_copy, outside):
    (data_copy / "README.md").unlink()
    (data_copy / "README.md").symlink_to(outside)
    the_problem(problems_for(data_copy), "README.md", "symbolic link")
    with pytest.raises(DataError):
        build_database(data_copy)


def test_a_file_too_large_is_refused_unread(data_copy):
    big = data_copy / "themes.csv"
    with big.open("r+b") as handle:  # a sparse file: over the limit on disk without writing 100 MB
        handle.truncate(MAX_FILE_BYTES + 1)
    problem = the_problem(problems_for(data_copy), "themes.csv", "file too large")
    assert "it was not read" in problem.message and "100 MB" in problem.message


def test_a_wrong_header_is_named_before_the_rows_are_read(data_copy):
    path = data_copy / "themes.csv"
    text = path.read_text(encoding="utf-8").replace("theme_id", "theme", 1)
    path.write_text(text + "\n".join("x,\"" + "y" * 200_000 + "\",z" for _ in range(3)) + "\n", encoding="utf-8")
    rules = {p.rule for p in problems_for(data_copy) if p.file == "themes.csv"}
    assert "missing column" in rules and "cell too long" not in rules  # the header is judged first


def test_a_cell_over_the_readers_limit_says_so(data_copy):
    path = data_copy / "themes.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    columns = next(csv.reader([header]))
    row = ["huge"] + ["y" * 1_000_000] + [""] * (len(columns) - 2)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([columns, row])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "themes.csv", "cell too long")
    assert "limit of 131,072 characters" in problem.message and problem.line == 2


def test_a_data_path_that_is_a_file_says_so(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("case_id\n")
    (problem,) = problems_for(path)
    assert problem.rule == "not a folder" and "is a file, not a folder" in problem.message
    assert str(tmp_path) not in str(problem)


def test_a_folder_without_its_descriptor_is_described_from_the_schema(data_copy, monkeypatch):
    (data_copy / "datapackage.json").unlink()
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    store.clear()
    try:
        assert not package.describes_itself()
        shipped = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
        assert [r["name"] for r in package.datapackage()["resources"]] == [r["name"] for r in shipped["resources"]]
        with zipfile.ZipFile(io.BytesIO(downloads.package_zip())) as archive:
            assert "sme-evidence/datapackage.json" in archive.namelist()
    finally:
        store.clear()


def test_a_broken_descriptor_is_named(data_copy):
    (data_copy / "datapackage.json").write_text("{ not json", encoding="utf-8")
    the_problem(problems_for(data_copy), "datapackage.json", "broken JSON")


def test_the_package_zip_is_what_was_loaded_not_the_disk_at_click_time(data_copy, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    store.clear()
    try:
        loaded = store.database()
        for path in data_copy.glob("*"):  # the folder empties after start-up
            path.unlink()
        with zipfile.ZipFile(io.BytesIO(downloads.package_zip())) as archive:
            names = {name.split("/", 1)[1] for name in archive.namelist()}
            cases = pd.read_csv(io.BytesIO(archive.read("sme-evidence/cases.csv")), dtype=str, keep_default_na=False)
        assert names == {f"{table}.csv" for table in loaded.tables} | {"datapackage.json", "README.md"}
        original = pd.read_csv(DEFAULT_DATA_DIR / "cases.csv", dtype=str, keep_default_na=False)
        key = list(original.columns)
        assert cases.sort_values(key).reset_index(drop=True).equals(original.sort_values(key).reset_index(drop=True))
    finally:
        store.clear()


def test_every_table_csv_is_written_as_the_data_folder_writes_it():
    for table in build_database(DEFAULT_DATA_DIR).tables:
        written = pd.read_csv(io.BytesIO(downloads.table_bytes(table, "csv")), dtype=str, keep_default_na=False)
        original = pd.read_csv(DEFAULT_DATA_DIR / f"{table}.csv", dtype=str, keep_default_na=False)
        key = list(original.columns)
        assert written.sort_values(key).reset_index(drop=True).equals(
            original.sort_values(key).reset_index(drop=True)), table


def test_a_broken_folder_is_diagnosed_once_until_a_file_changes(data_copy, monkeypatch):
    (data_copy / "routes.csv").unlink()
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    spawned = []
    spawn = loader._spawn
    monkeypatch.setattr(loader, "_spawn", lambda folder: spawned.append(folder) or spawn(folder))
    store.clear()
    try:
        for _ in range(3):  # three visitors
            with pytest.raises(DataError) as raised:
                store.database()
        assert len(spawned) == 1 and any(p.file == "routes.csv" for p in raised.value.problems)
        (data_copy / "routes.csv").write_bytes((DEFAULT_DATA_DIR / "routes.csv").read_bytes())
        assert store.database().row_counts["routes"] > 0  # the folder changed: loaded again, and now it loads
        assert len(spawned) == 2
    finally:
        store.clear()


def test_no_problem_names_the_folders_absolute_path(tmp_path):
    for folder in (tmp_path / "nowhere", tmp_path):
        for problem in problems_for(folder):
            assert str(tmp_path) not in str(problem) and os.sep + "tmp" not in problem.file


def test_a_charts_csv_keeps_the_data_types():
    """Whole numbers with gaps stay whole (not 2003.0) and booleans read true/false, as in data/ and the API."""
    from evidence.charts import render

    rows = list(csv.DictReader(io.StringIO(render.csv_bytes("cases", {"typology": None}).decode("utf-8"))))
    assert len(rows) == 12
    assert {row["presented_at_workshop"] for row in rows} <= {"true", "false"}
    years = [row["founded_year"] for row in rows if row["founded_year"]]
    assert years and all(re.fullmatch(r"\d{4}", year) for year in years)
    assert any(row["staff"] == "" for row in rows) or all(re.fullmatch(r"\d+", row["staff"]) for row in rows)
