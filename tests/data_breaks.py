"""Breaks of a copy of data/, one function each, for tests/test_validation.py: each breaks a copy and hands back
its check of the problems the loading reports."""

from pathlib import Path

from evidence.data.validate import load


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


# ------------------------------------------------------------------ one break each, several breaks a load
#
# Each break below is a function that breaks a copy of data/ and hands back its check of the problems. Loading a
# copy takes a second, so the breaks are loaded in groups: a group breaks each file at most once, and breaks no
# table that references another table of the group it breaks (that table would be "not checked", hiding its own
# break). Each check names the file, the line, the column and the rule it expects, so a break another one hid, or
# a problem put on another break's file, fails its test.

BREAKS: dict[str, tuple[int, object]] = {}


def breaks(group: int):
    def register(function):
        BREAKS[function.__name__] = (group, function)
        return function
    return register


@breaks(group=1)
def missing_column(data: Path):
    path = data / "themes.csv"
    edit(path, "theme_id,label,description", "theme_id,description")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0]] + [line.split(",", 2)[0] + "," + line.split(",", 2)[2]
                                             for line in lines[1:]]) + "\n", encoding="utf-8")

    def check(problems):
        problem = the_problem(problems, "themes.csv", "missing column")
        assert problem.column == "label" and problem.line == 1
    return check


@breaks(group=1)
def extra_column(data: Path):
    path = data / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",capital"] + [line + ",x" for line in lines[1:]]) + "\n", encoding="utf-8")

    def check(problems):
        assert the_problem(problems, "countries.csv", "extra column").column == "capital"
    return check


@breaks(group=1)
def wrong_type(data: Path):
    path = data / "survey_expertise.csv"
    edit(path, "SMEs,High,77,", "SMEs,High,seventy-seven,")

    def check(problems):
        problem = the_problem(problems, "survey_expertise.csv", "wrong type")
        assert problem.column == "share_pct"
        assert problem.line == line_of(path, "seventy-seven")
        assert "whole number" in problem.message
    return check


@breaks(group=2)
def bad_boolean(data: Path):
    path = data / "countries.csv"
    edit(path, "AT,AUT,Austria,true,true", "AT,AUT,Austria,yes,true")

    def check(problems):
        problem = the_problem(problems, "countries.csv", "wrong type")
        assert problem.column == "eu_member_2016" and problem.line == line_of(path, "Austria")
    return check


@breaks(group=1)
def bad_time(data: Path):
    edit(data / "agenda.csv", "09:30:00", "half past nine")

    def check(problems):
        assert the_problem(problems, "agenda.csv", "wrong type").column == "start_time"
    return check


@breaks(group=2)
def duplicate_key(data: Path):
    path = data / "themes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")

    def check(problems):
        problem = the_problem(problems, "themes.csv", "duplicate key")
        assert problem.line == len(lines) + 1
        assert problem.column == "theme_id"
    return check


@breaks(group=1)
def unknown_reference(data: Path):
    path = data / "cases.csv"
    edit(path, ",urged_global,", ",urged_globel,")

    def check(problems):
        problem = the_problem(problems, "cases.csv", "unknown reference")
        assert problem.column == "typology_id"
        assert "urged_globel" in problem.message and "typology_groups.typology_id" in problem.message
        assert problem.line == line_of(path, "urged_globel")
    return check


@breaks(group=2)
def unknown_source(data: Path):
    path = data / "swot_items.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].rsplit(",", 1)[0] + ",sec-9.9"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")

    def check(problems):
        problem = the_problem(problems, "swot_items.csv", "unknown reference")
        assert problem.column == "source" and problem.line == 4 and "sec-9.9" in problem.message
    return check


@breaks(group=2)
def check_violated(data: Path):
    edit(data / "survey_expertise.csv", "SMEs,High,77,", "SMEs,High,177,")

    def check(problems):
        problem = the_problem(problems, "survey_expertise.csv", "check violated")
        assert problem.column == "share_pct" and "BETWEEN 0 AND 100" in problem.message
    return check


@breaks(group=3)
def missing_required_value(data: Path):
    edit(data / "themes.csv", "markets_growth,Markets and growth,", "markets_growth,,")

    def check(problems):
        problem = the_problem(problems, "themes.csv", "missing value")
        assert problem.column == "label" and problem.line == 2
    return check


@breaks(group=1)
def empty_file(data: Path):
    (data / "routes.csv").write_text("", encoding="utf-8")

    def check(problems):
        the_problem(problems, "routes.csv", "empty file")
    return check


@breaks(group=2)
def header_only_file(data: Path):
    path = data / "routes.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

    def check(problems):
        assert "no data rows" in the_problem(problems, "routes.csv", "empty file").message
    return check


@breaks(group=3)
def missing_file(data: Path):
    (data / "swot_items.csv").unlink()

    def check(problems):
        assert "swot_items" in the_problem(problems, "swot_items.csv", "missing file").message
    return check


@breaks(group=3)
def bad_encoding(data: Path):
    path = data / "countries.csv"
    path.write_bytes(path.read_bytes().replace(b"Austria", "Österreich".encode("latin-1")))

    def check(problems):
        problem = the_problem(problems, "countries.csv", "bad encoding")
        assert problem.line == 2  # Austria is the first data row
        assert "UTF-8" in problem.message
    return check


@breaks(group=4)
def broken_quoting(data: Path):
    path = data / "themes.csv"
    edit(path, 'markets_growth,Markets and growth,"', 'markets_growth,Markets and growth,"unclosed ')
    edit(path, "business success.\"\n", "business success.\n")

    def check(problems):
        assert the_problem(problems, "themes.csv", "broken quoting").line is not None
    return check


@breaks(group=4)
def wrong_number_of_fields(data: Path):
    path = data / "countries.csv"
    edit(path, "BE,BEL,Belgium,true,true", "BE,BEL,Belgium,true")

    def check(problems):
        assert the_problem(problems, "countries.csv", "wrong number of fields").line == line_of(path, "Belgium")
    return check


@breaks(group=5)
def duplicate_header_column(data: Path):
    edit(data / "themes.csv", "theme_id,label,description", "theme_id,label,label")

    def check(problems):
        assert the_problem(problems, "themes.csv", "duplicate column").column == "label"
    return check


@breaks(group=3)
def unknown_file(data: Path):
    (data / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")

    def check(problems):
        the_problem(problems, "notes.csv", "unknown file")
    return check
