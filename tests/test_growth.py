"""A data folder ten times today's (scripts/grow_data.py, issue 26): it validates, every view opens on it, and the long
lists show a page, a count of the rest and *Show more*. Times are measured by `make bench`, not here."""

import csv
import json

import duckdb
import pytest

from evidence.data.csv_reading import parse_value, read_csv
from evidence.data.validate import create_schema, load
from evidence.data.validate_command import report
from evidence.query import store
from evidence.settings import DATA_DIR_ENV, DEFAULT_DATA_DIR
from evidence.ui import paged
from evidence.views import VIEWS
from scripts.grow_data import grow
from tests.views import open_link, shown_text


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grown") / "x10"
    grow(10, folder)
    return folder


@pytest.fixture
def serving(grown, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(grown))
    store.clear()
    yield grown
    store.clear()


def test_a_grown_folder_is_valid_and_marked_synthetic(grown):
    text, ok = report(grown)
    assert ok, text
    _, counts, _ = load(grown)
    _, today, _ = load(DEFAULT_DATA_DIR)
    assert counts["statements"] == 10 * today["statements"] and counts["participants"] == 10 * today["participants"]
    assert counts["cases"] == today["cases"]
    assert json.loads((grown / "datapackage.json").read_text(encoding="utf-8"))["synthetic"] is True


def test_the_generator_never_writes_into_data(tmp_path):
    with pytest.raises(SystemExit, match="refusing"):
        grow(2, DEFAULT_DATA_DIR / "grown")
    assert not (DEFAULT_DATA_DIR / "grown").exists()


@pytest.mark.parametrize("view", [view.file for view in VIEWS.values()])
def test_every_view_opens_on_a_grown_folder(serving, view):
    open_link(view)  # fails on any exception


@pytest.mark.parametrize(("view", "params"), [
    ("pages/workshop.py", {"slot": "1315b-study"}), ("pages/policy.py", {"cell": "customising-export"}),
    ("pages/expert_survey.py", {"item": "4.d"}), ("pages/overview.py", {"outcome": "diverged"}),
])
def test_a_chosen_item_opens_on_a_grown_folder(serving, view, params):
    open_link(view, **params)


def _frame(app, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_long_lists_show_a_page_and_a_count_of_the_rest(serving):
    app = open_link("pages/workshop.py")
    assert len(_frame(app, "paraphrase")) == paged.STATEMENTS
    assert len(_frame(app, "family_name")) == paged.ROWS
    words = shown_text(app)
    assert "The first 200 of 1,750 statements; 1,550 more are not shown here" in words
    assert "The first 100 of 330 participants; 230 more" in words
    app.button(key="statements-more").click().run()
    assert len(_frame(app, "paraphrase")) == 2 * paged.STATEMENTS
    assert "The first 400 of 1,750 statements" in shown_text(app)


def test_show_more_starts_again_when_the_filters_change(serving):
    """*Show more* counts pages of one list: other filters make another list, which shows its first page."""
    app = open_link("pages/workshop.py")
    app.button(key="participants-more").click().run()
    app.button(key="statements-more").click().run()
    assert len(_frame(app, "family_name")) == 2 * paged.ROWS
    assert len(_frame(app, "paraphrase")) == 2 * paged.STATEMENTS
    app.multiselect(key="org").select("network or association").run()  # 80 participants: all shown
    app.selectbox(key="about").select_index(0).run()  # 220 statements: the first page of them
    assert len(_frame(app, "family_name")) == 80
    assert len(_frame(app, "paraphrase")) == paged.STATEMENTS
    assert "The first 200 of 220 statements" in shown_text(app)
    app.multiselect(key="org").unselect("network or association").run()  # all 330 again: their first page
    assert len(_frame(app, "family_name")) == paged.ROWS


def test_at_todays_size_no_list_is_cut():
    for view in ("pages/workshop.py", "pages/policy.py", "pages/overview.py"):
        app = open_link(view)
        assert not [b for b in app.button if str(b.key).endswith("-more")]
        assert "more are not shown here" not in shown_text(app)


def test_reading_column_by_column_gives_what_parse_value_gives_value_by_value():
    """The fast reader (a column at a time) and the one that names problems (a value at a time) agree on data/."""
    for table in create_schema(duckdb.connect(":memory:")):
        rows, problems = read_csv(DEFAULT_DATA_DIR / table.file, table)
        assert not problems
        with (DEFAULT_DATA_DIR / table.file).open(encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle))
        expected = [[parse_value(record[c.name], c.data_type) for record in records] for c in table.columns]
        assert rows.columns == expected, table.name
        assert len(rows) == len(records)
