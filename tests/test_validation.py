"""Broken data of every kind gets a message naming the file, the line, the column and the rule."""

import subprocess
import sys
from pathlib import Path

import pytest

from evidence.db import build_database
from evidence.validate import DataError, load, report

REPO = Path(__file__).resolve().parent.parent


def problems_for(data_dir: Path):
    connection, _, problems = load(data_dir)
    connection.close()
    return problems


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path.name}")


def the_problem(problems, file: str, rule: str):
    matching = [p for p in problems if p.file == file and p.rule == rule]
    assert matching, f"no {rule!r} problem for {file}; got: {[str(p) for p in problems]}"
    return matching[0]


def test_bundled_data_is_valid():
    text, ok = report(REPO / "data")
    assert ok, text
    assert "cases" in text and "12 rows" in text


def test_missing_file(data_copy):
    (data_copy / "swot_items.csv").unlink()
    problem = the_problem(problems_for(data_copy), "swot_items.csv", "missing file")
    assert "swot_items" in problem.message


def test_missing_column(data_copy):
    path = data_copy / "themes.csv"
    edit(path, "theme_id,label,description", "theme_id,description")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0]] + [line.split(",", 2)[0] + "," + line.split(",", 2)[2]
                                             for line in lines[1:]]) + "\n", encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "themes.csv", "missing column")
    assert problem.column == "label" and problem.line == 1


def test_extra_column(data_copy):
    path = data_copy / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",capital"] + [line + ",x" for line in lines[1:]]) + "\n", encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "countries.csv", "extra column")
    assert problem.column == "capital"


def test_wrong_type(data_copy):
    path = data_copy / "survey_expertise.csv"
    edit(path, "SMEs,High,77,", "SMEs,High,seventy-seven,")
    problem = the_problem(problems_for(data_copy), "survey_expertise.csv", "wrong type")
    assert problem.column == "share_pct"
    assert problem.line == line_of(path, "seventy-seven")
    assert "whole number" in problem.message


def test_bad_boolean(data_copy):
    path = data_copy / "countries.csv"
    edit(path, "AT,AUT,Austria,true,true", "AT,AUT,Austria,yes,true")
    problem = the_problem(problems_for(data_copy), "countries.csv", "wrong type")
    assert problem.column == "eu_member_2016" and problem.line == line_of(path, "Austria")


def test_bad_time(data_copy):
    path = data_copy / "agenda.csv"
    edit(path, "09:30:00", "half past nine")
    problem = the_problem(problems_for(data_copy), "agenda.csv", "wrong type")
    assert problem.column == "start_time"


def test_duplicate_key(data_copy):
    path = data_copy / "themes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "themes.csv", "duplicate key")
    assert problem.line == len(lines) + 1
    assert problem.column == "theme_id"


def test_unknown_reference(data_copy):
    path = data_copy / "cases.csv"
    edit(path, ",urged_global,", ",urged_globel,")
    problem = the_problem(problems_for(data_copy), "cases.csv", "unknown reference")
    assert problem.column == "typology_id"
    assert "urged_globel" in problem.message and "typology_groups.typology_id" in problem.message
    assert problem.line == line_of(path, "urged_globel")


def test_unknown_source(data_copy):
    path = data_copy / "swot_items.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].rsplit(",", 1)[0] + ",sec-9.9"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "swot_items.csv", "unknown reference")
    assert problem.column == "source" and problem.line == 4 and "sec-9.9" in problem.message


def test_check_violated(data_copy):
    path = data_copy / "survey_expertise.csv"
    edit(path, "SMEs,High,77,", "SMEs,High,177,")
    problem = the_problem(problems_for(data_copy), "survey_expertise.csv", "check violated")
    assert problem.column == "share_pct" and "BETWEEN 0 AND 100" in problem.message


def test_missing_required_value(data_copy):
    path = data_copy / "themes.csv"
    edit(path, "markets_growth,Markets and growth,", "markets_growth,,")
    problem = the_problem(problems_for(data_copy), "themes.csv", "missing value")
    assert problem.column == "label" and problem.line == 2


def test_empty_file(data_copy):
    (data_copy / "routes.csv").write_text("", encoding="utf-8")
    the_problem(problems_for(data_copy), "routes.csv", "empty file")


def test_header_only_file(data_copy):
    path = data_copy / "routes.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    problem = the_problem(problems_for(data_copy), "routes.csv", "empty file")
    assert "no data rows" in problem.message


def test_bad_encoding(data_copy):
    path = data_copy / "countries.csv"
    raw = path.read_bytes().replace(b"Austria", "Österreich".encode("latin-1"))
    path.write_bytes(raw)
    problem = the_problem(problems_for(data_copy), "countries.csv", "bad encoding")
    assert problem.line == 2  # Austria is the first data row
    assert "UTF-8" in problem.message


def test_broken_quoting(data_copy):
    path = data_copy / "themes.csv"
    edit(path, 'markets_growth,Markets and growth,"', 'markets_growth,Markets and growth,"unclosed ')
    edit(path, "business success.\"\n", "business success.\n")
    problem = the_problem(problems_for(data_copy), "themes.csv", "broken quoting")
    assert problem.line is not None


def test_wrong_number_of_fields(data_copy):
    path = data_copy / "countries.csv"
    edit(path, "BE,BEL,Belgium,true,true", "BE,BEL,Belgium,true")
    problem = the_problem(problems_for(data_copy), "countries.csv", "wrong number of fields")
    assert problem.line == line_of(path, "Belgium")


def test_duplicate_header_column(data_copy):
    path = data_copy / "themes.csv"
    edit(path, "theme_id,label,description", "theme_id,label,label")
    problems = problems_for(data_copy)
    assert the_problem(problems, "themes.csv", "duplicate column").column == "label"


def test_unknown_file(data_copy):
    (data_copy / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    the_problem(problems_for(data_copy), "notes.csv", "unknown file")


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
    ok = subprocess.run([sys.executable, "-m", "evidence.validate", str(REPO / "data")],
                        capture_output=True, text=True, cwd=REPO)
    assert ok.returncode == 0
    assert "statements" in ok.stdout and "OK: " in ok.stdout
    edit(data_copy / "cases.csv", ",urged_global,", ",urged_globel,")
    bad = subprocess.run([sys.executable, "-m", "evidence.validate", str(data_copy)],
                         capture_output=True, text=True, cwd=REPO)
    assert bad.returncode == 1
    assert "cases.csv, line" in bad.stdout and "unknown reference" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
