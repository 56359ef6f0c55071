"""The API against a running server (`streamlit run app.py`, as `make run` starts it), with a real HTTP client:
every table in every format, paging, every named query with good and with bad parameters, the data package,
caching, and not one traceback in the server's log."""

import io
import json
from urllib.parse import urljoin

import pyarrow.parquet as pq
import pytest

from evidence.settings import DEFAULT_DATA_DIR
from evidence.ui import api_links
from tests.api_server import get, get_json, no_traceback_fixture, parsed_csv, server_fixture  # noqa: F401 (fixtures)
from tests.test_queries import EXAMPLES
from tests.views import open_link

TABLES = [resource["name"] for resource in
          json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


@pytest.mark.parametrize("table", TABLES)
def test_every_table_in_three_formats(server, table):
    url, _ = server
    status, headers, body = get(f"{url}/api/tables/{table}.csv?_size=5000")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    header, rows = parsed_csv(body.decode("utf-8"))
    file_header, file_rows = parsed_csv((DEFAULT_DATA_DIR / f"{table}.csv").read_text(encoding="utf-8"))
    assert header == file_header
    # The same rows, field by field, as the file in data/ (self-referencing tables load parents first, so
    # their row order differs from the file's).
    assert sorted(rows) == sorted(file_rows)

    status, document = get_json(f"{url}/api/tables/{table}.json?_size=5000")
    assert status == 200
    assert document["total"] == len(file_rows) == len(document["rows"])
    assert document["columns"] == file_header and document["next"] is None

    status, _, body = get(f"{url}/api/tables/{table}.parquet?_size=5000")
    assert status == 200
    parquet = pq.read_table(io.BytesIO(body))
    assert parquet.column_names == file_header and parquet.num_rows == len(file_rows)


def test_paging_follows_next_links_to_the_whole_table(server):
    url, _ = server
    status, first = get_json(f"{url}/api/tables/statements.json")
    assert status == 200 and first["size"] == 100 and len(first["rows"]) == 100
    assert first["total"] > 100 and first["next"].startswith("/api/tables/statements.json?")
    rows, page, pages = [], f"{url}/api/tables/statements.json?_size=40", 0
    while page:
        status, document = get_json(page)
        assert status == 200
        rows += document["rows"]
        page, pages = document["next"] and urljoin(page, document["next"]), pages + 1
    _, whole = get_json(f"{url}/api/tables/statements.json?_size=5000")
    assert rows == whole["rows"] and pages == -(-whole["total"] // 40)
    status, beyond = get_json(f"{url}/api/tables/statements.json?_offset=100000")
    assert status == 200 and beyond["rows"] == [] and beyond["next"] is None
    status, headers, body = get(f"{url}/api/tables/statements.csv?_size=10&_offset=5")
    assert len(parsed_csv(body.decode())[1]) == 10
    assert headers["X-Total-Count"] == str(whole["total"]) and "_offset=15" in headers["Link"]


def example_url(base: str, name: str, fmt: str = "json") -> str:
    return api_links.query_url(name, EXAMPLES[name], fmt, base)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_named_query_with_valid_parameters(server, db, name):
    url, _ = server
    status, document = get_json(example_url(url, name))
    assert status == 200, document
    expected = db.query(name, **EXAMPLES[name])
    assert document["columns"] == list(expected.columns)
    assert document["total"] == len(expected) == len(document["rows"])
    status, headers, body = get(example_url(url, name, "csv"))
    assert status == 200 and len(parsed_csv(body.decode("utf-8"))[1]) == len(expected)


BAD = [
    ("/api/queries/no_such_query.json", 404, "unknown query 'no_such_query'"),
    ("/api/tables/no_such_table.csv", 404, "unknown table 'no_such_table'"),
    ("/api/tables/cases.xlsx", 404, "not .xlsx"),
    ("/api/queries/cases.html", 404, "not .html"),
    ("/api/nothing/here", 404, "no such API path"),
    ("/api/queries/cases.json?country=DE", 400, "unknown parameter 'country'"),
    ("/api/tables/cases.json?_limit=5", 400, "unknown parameter '_limit'"),
    ("/api/queries/case_card.json", 400, "missing parameter 'case_id'"),
    ("/api/queries/cases.json?typology=global", 400, "'global' is not a typology_groups.typology_id value"),
    ("/api/queries/case_filter.json?countries=NL,ZZ", 400, "'ZZ' is not a countries.iso2 value"),
    ("/api/queries/case_filter.json?presented=perhaps", 400, "is true or false"),
    ("/api/queries/swot.json?quadrant=threat&quadrant=strength", 400, "is given 2 times"),
    ("/api/tables/cases.json?_size=5001", 400, "'_size' is from 1 to 5000"),
    ("/api/tables/cases.json?_size=ten", 400, "'_size' is a whole number"),
    ("/api/tables/cases.json?_offset=-3", 400, "'_offset' is at least 0"),
    ("/api/queries/cases.json?typology=" + "x" * 600, 400, "longer than 500 characters"),
    ("/api/queries/cases.json?typology=born_global%27%20OR%20%271%27%3D%271", 400, "is not a typology_groups"),
    ("/api/queries/table_rows.json?table_name=duckdb_settings()", 400, "is not a table of the evidence base"),
    ("/api/queries/cases.json?sql=SELECT%201", 400, "unknown parameter 'sql'"),
]


@pytest.mark.parametrize(("path", "status", "says"), BAD)
def test_bad_requests_answer_json_naming_what_is_wrong(server, path, status, says):
    url, _ = server
    got, headers, body = get(url + path)
    assert got == status and headers["Content-Type"] == "application/json"
    document = json.loads(body)
    assert says in document["message"]
    assert "Traceback" not in body.decode() and "SELECT" not in document["message"].upper().replace("SELECTED", "")


def test_a_bad_value_lists_the_allowed_ones(server):
    url, _ = server
    status, document = get_json(f"{url}/api/queries/swot.json?quadrant=treat")
    assert status == 400 and document["parameter"] == "quadrant"
    assert document["allowed"] == ["opportunity", "strength", "threat", "weakness"]


def test_read_only(server):
    url, _ = server
    status, headers, body = get(f"{url}/api/tables/cases.json", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD" and "read-only" in json.loads(body)["message"]
    status, headers, body = get(f"{url}/api/tables/cases.json", method="HEAD")
    assert status == 200 and body == b""


def test_datapackage_points_every_resource_at_the_api(server):
    url, _ = server
    status, package = get_json(f"{url}/api/datapackage.json")
    assert status == 200 and [resource["name"] for resource in package["resources"]] == TABLES
    for resource in package["resources"]:
        assert resource["x-api"]["parquet"] == f"/api/tables/{resource['name']}.parquet"
        assert resource["x-file"] == f"{resource['name']}.csv"
    sources = package["resources"][0]
    status, _, body = get(urljoin(f"{url}/api/datapackage.json", sources["path"]))
    assert status == 200
    assert parsed_csv(body.decode())[0] == [field["name"] for field in sources["schema"]["fields"]]


def test_the_query_index_lists_parameters_and_allowed_values(server):
    url, _ = server
    status, index = get_json(f"{url}/api/queries.json")
    by_name = {query["name"]: query for query in index["queries"]}
    assert status == 200 and sorted(by_name) == sorted(EXAMPLES)
    swot = {param["name"]: param for param in by_name["swot"]["params"]}
    assert swot["quadrant"]["allowed"] == ["strength", "weakness", "opportunity", "threat"]


def test_answers_are_cached_by_their_inputs_and_carry_an_etag(server):
    url, _ = server
    page = f"{url}/api/queries/instruments.json?level=national"
    _, first, body = get(page)
    _, second, again = get(page)
    assert again == body and second["X-Cache"] == "hit"
    _, other, _ = get(f"{url}/api/queries/instruments.json?level=regional")
    assert other["X-Cache"] == "miss"
    status, _, empty = get(page, headers={"If-None-Match": first["ETag"]})
    assert status == 304 and empty == b""


def test_no_cors_header_unless_configured(server):
    url, _ = server
    _, headers, _ = get(f"{url}/api/tables/cases.json", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in headers


def test_the_app_is_served_on_the_same_port(server):
    url, _ = server
    status, headers, body = get(f"{url}/")
    assert status == 200 and b"<html" in body.lower()
    assert get(f"{url}/_stcore/health")[0] == 200


# ------------------------------------------------------------------------------ the URLs the views show


def shown_api_urls(app) -> list[str]:
    """The CSV URLs in the pandas snippets on the page."""
    return [block.value.split('pd.read_csv("', 1)[1].split('"', 1)[0] for block in app.code
            if "pd.read_csv(" in block.value]


def test_a_chart_panel_shows_its_api_url_for_the_current_filters(server):
    url, _ = server
    app = open_link("pages/case_studies.py")
    app.multiselect(key="country").set_value(["Netherlands"]).run()
    app.toggle(key="data-and-downloads").set_value(True).run()  # the view's one toggle: every chart's data
    assert not app.exception
    shown = shown_api_urls(app)
    assert len(shown) == 4 and "/api/queries/case_filter.csv?countries=NL" in shown[0]
    assert any(block.value.startswith("frame <- read.csv(") for block in app.code), "the R snippet"
    panel_rows = app.dataframe[0].value  # the panel's own table of the chart's rows
    status, _, body = get(shown[0].replace(api_links.FALLBACK_BASE, url))
    header, rows = parsed_csv(body.decode("utf-8"))
    assert status == 200 and header == list(panel_rows.columns)
    in_filter = [row[header.index("case_id")] for row in rows if row[header.index("in_filter")] == "true"]
    assert in_filter == list(panel_rows[panel_rows["in_filter"]]["case_id"]) and len(in_filter) < 12


def test_the_data_view_shows_each_tables_api_url(server):
    url, _ = server
    app = open_link("pages/data.py")
    app.selectbox(key="table").set_value("swot_items").run()
    assert not app.exception
    shown = shown_api_urls(app)
    assert shown == [f"{api_links.FALLBACK_BASE}/api/tables/swot_items.csv?_size=5000"]
    status, _, body = get(shown[0].replace(api_links.FALLBACK_BASE, url))
    file_rows = parsed_csv((DEFAULT_DATA_DIR / "swot_items.csv").read_text(encoding="utf-8"))[1]
    assert status == 200 and sorted(parsed_csv(body.decode("utf-8"))[1]) == sorted(file_rows)
