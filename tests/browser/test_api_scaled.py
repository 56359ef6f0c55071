"""The API through HAProxy in front of two app processes (`make serve-scaled`'s set-up, scripts/serve_scaled.py):
every table answers through the balancer from both processes, its next links lead on through the balancer, bad
requests answer the same JSON, and neither process logs a traceback. HAProxy missing fails, never skips."""

import csv
import io
import json
import urllib.error
import urllib.request

import pytest

from .conftest import REPO

# The set-up (the `balanced` fixture, tests/browser/conftest.py) is shared with test_scaled_browser.py, whose last
# test stops a process: the two files run on one worker, this one first.
pytestmark = pytest.mark.xdist_group("scaled")

TABLES = [resource["name"] for resource in
          json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


def get(url: str):
    """(status, headers, body), errors included; no cookies kept, so each request is a new client."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def node(headers) -> str | None:
    for cookie in headers.get_all("Set-Cookie") or []:
        if cookie.startswith("SME_NODE="):
            return cookie.split(";", 1)[0].removeprefix("SME_NODE=")
    return None


def test_every_table_through_the_balancer_from_both_processes(balanced):
    setup, _ = balanced
    nodes = set()
    for table in TABLES:
        status, headers, body = get(f"{setup.url}/api/tables/{table}.csv?_size=5000")
        assert status == 200, table
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        file_rows = list(csv.reader(io.StringIO((REPO / "data" / f"{table}.csv").read_text(encoding="utf-8"))))
        assert rows[0] == file_rows[0] and sorted(rows[1:]) == sorted(file_rows[1:]), table
        nodes.add(node(headers))
    assert nodes == {"app1", "app2"}, f"requests went to both processes in turn: {nodes}"


def test_next_links_lead_on_through_the_balancer(balanced):
    setup, _ = balanced
    status, _, body = get(f"{setup.url}/api/tables/statements.json?_size=50")
    document = json.loads(body)
    # A path from the root: it resolves against the address the reader used, here the balancer's.
    assert status == 200 and document["next"] == "/api/tables/statements.json?_size=50&_offset=50"
    status, _, body = get(setup.url + document["next"])
    assert status == 200 and json.loads(body)["offset"] == 50


def test_queries_and_bad_requests_through_the_balancer(balanced):
    setup, _ = balanced
    status, _, body = get(f"{setup.url}/api/queries/cases.json?typology=born_global")
    assert status == 200 and {row["typology_id"] for row in json.loads(body)["rows"]} == {"born_global"}
    for path, expected in (("/api/queries/cases.json?typology=nope", 400), ("/api/queries/nope.json", 404),
                           ("/api/tables/cases.json?_size=0", 400)):
        status, headers, body = get(setup.url + path)
        assert status == expected and headers["Content-Type"] == "application/json"
        assert json.loads(body)["message"]


def test_no_traceback_in_either_process(balanced):
    setup, logs = balanced
    for _ in range(4):  # a few more bad requests, spread over both processes
        get(f"{setup.url}/api/queries/case_filter.json?presented=perhaps")
    for log in sorted(logs.glob("app*.log")):
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in text, f"{log.name}: {text[-2000:]}"
    assert len(list(logs.glob("app*.log"))) == 2
