"""The API against a running server (`streamlit run app.py`, as `make run` starts it), with a real HTTP client:
every table in every format, paging, every named query with good and with bad parameters, the data package,
caching, and not one traceback in the server's log."""

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_queries import EXAMPLES

from evidence import api_links
from evidence.db import DEFAULT_DATA_DIR

REPO = Path(__file__).resolve().parent.parent
TABLES = [resource["name"] for resource in
          json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a free port, its output in a log file outside the repository."""
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    port = free_port()
    env = {**os.environ, "SME_EVIDENCE_DATA": str(DEFAULT_DATA_DIR)}
    env.pop("SME_EVIDENCE_API_ORIGINS", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError("the server did not start: " + log_path.read_text(errors="replace")[-2000:])
    yield url, log_path
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(autouse=True)
def no_traceback_in_the_log(request):
    yield
    if "server" in request.fixturenames:
        _, log_path = request.getfixturevalue("server")
        log = log_path.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log, log[-3000:]


def get(url: str, headers: dict | None = None, method: str = "GET"):
    """(status, headers, body) of a request, errors included."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def get_json(url: str) -> tuple[int, dict]:
    status, _, body = get(url)
    return status, json.loads(body)


def parsed_csv(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


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
    assert first["total"] > 100 and first["next"].startswith(url)
    rows, page, pages = [], f"{url}/api/tables/statements.json?_size=40", 0
    while page:
        status, document = get_json(page)
        assert status == 200
        rows += document["rows"]
        page, pages = document["next"], pages + 1
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
        assert resource["x-api"]["parquet"] == f"{url}/api/tables/{resource['name']}.parquet"
        assert resource["x-file"] == f"{resource['name']}.csv"
    sources = package["resources"][0]
    status, _, body = get(sources["path"])
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
