"""Broken data of every kind gets a message naming the file, the line, the column and the rule."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.data.db import build_database
from evidence.data.validate import DataError
from evidence.data.validate_command import report
from evidence.settings import DEFAULT_DATA_DIR
from tests.data_breaks import BREAKS, edit, problems_for, the_problem

REPO = Path(__file__).resolve().parent.parent


def test_bundled_data_is_valid():
    text, ok = report(REPO / "data")
    assert ok, text
    assert "cases" in text and "12 rows" in text


@pytest.fixture(scope="module")
def loaded_groups(tmp_path_factory):
    """Each group of breaks in its own copy of data/, loaded once: {group: (problems, {break: check})}."""
    loaded = {}
    for group in sorted({group for group, _ in BREAKS.values()}):
        data = tmp_path_factory.mktemp(f"group-{group}") / "data"
        shutil.copytree(DEFAULT_DATA_DIR, data)
        checks = {name: function(data) for name, (number, function) in BREAKS.items() if number == group}
        loaded[group] = (problems_for(data), checks)
    return loaded


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_break_is_named_by_file_line_column_and_rule(loaded_groups, name):
    problems, checks = loaded_groups[BREAKS[name][0]]
    checks[name](problems)


def test_children_of_a_broken_table_are_named_not_flooded(data_copy):
    (data_copy / "survey_questions.csv").unlink()
    problems = problems_for(data_copy)
    assert the_problem(problems, "survey_figures.csv", "not checked")
    assert not [p for p in problems if p.file == "survey_items.csv" and p.rule == "unknown reference"]


def test_missing_folder(tmp_path):
    problems = problems_for(tmp_path / "nowhere")
    assert problems[0].rule == "missing folder"


def test_several_problems_are_all_reported(data_copy):
    edit(data_copy / "cases.csv", ",urged_global,", ",urged_globel,")
    edit(data_copy / "survey_expertise.csv", "SMEs,High,77,", "SMEs,High,177,")
    (data_copy / "routes.csv").unlink()
    with pytest.raises(DataError) as raised:
        build_database(data_copy)
    files = {p.file for p in raised.value.problems}
    assert {"cases.csv", "survey_expertise.csv", "routes.csv"} <= files


def test_validate_command_lists_tables_or_problems(data_copy):
    ok = subprocess.run([sys.executable, "-m", "evidence.data.validate_command", str(REPO / "data")],
                        capture_output=True, text=True, cwd=REPO)
    assert ok.returncode == 0
    assert "statements" in ok.stdout and "OK: " in ok.stdout
    edit(data_copy / "cases.csv", ",urged_global,", ",urged_globel,")
    bad = subprocess.run([sys.executable, "-m", "evidence.data.validate_command", str(data_copy)],
                         capture_output=True, text=True, cwd=REPO)
    assert bad.returncode == 1
    assert "cases.csv, line" in bad.stdout and "unknown reference" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
