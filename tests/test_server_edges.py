"""The server's edges against a real server: every response carries the security headers, no link is built from the
request's Host header, and no answer names a path of the server."""

import json
import re

import pytest

from evidence.server import security_headers
from tests.api_server import get, server_fixture  # noqa: F401 - the module's server

PATHS = ["/", "/data", "/api", "/api/tables/cases.json", "/api/tables/nope.json", "/api/queries/cases.json?typology=x",
         "/_stcore/health", "/favicon.png", "/api/datapackage.json"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(server, path):
    url, _ = server
    status, headers, _ = get(url + path)
    assert status < 500
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    assert "http" not in policy and "*" not in policy  # no outside origin
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]  # scripts: hashes only
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"


def test_the_policy_allows_exactly_the_pages_inline_scripts():
    scripts = security_headers.inline_scripts()
    assert len(scripts) >= 4 and any("smeEvidence" in s for s in scripts) and any("smeTakeaway" in s for s in scripts)
    policy = security_headers.policy()
    assert all(security_headers._hash(script) in policy for script in scripts)
    assert security_headers._hash("alert(1)") not in policy


def test_frame_ancestors_take_only_origins(monkeypatch):
    monkeypatch.setenv(security_headers.FRAME_ANCESTORS_ENV, "https://intranet.example.org, javascript:x *  'none'")
    assert security_headers.frame_ancestors() == "'self' https://intranet.example.org"


def test_a_forged_host_is_never_written_into_links(server):
    url, _ = server
    for path in ("/api/tables/statements.json?_size=3", "/api", "/api/datapackage.json", "/api/queries.json"):
        status, headers, body = get(url + path, headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
        assert status == 200
        assert "evil.example" not in body.decode() and "evil.example" not in headers.get("Link", ""), path
    status, headers, body = get(url + "/api/tables/statements.json?_size=3")
    assert headers["Link"] == '</api/tables/statements.json?_size=3&_offset=3>; rel="next"'
    assert json.loads(body)["next"] == "/api/tables/statements.json?_size=3&_offset=3"


def test_a_configured_public_address_is_used(monkeypatch):
    from evidence.api import routes as api

    monkeypatch.setenv(api.PUBLIC_URL_ENV, "https://evidence.example.org/")
    assert api.public_url() == "https://evidence.example.org"
    monkeypatch.setenv(api.PUBLIC_URL_ENV, "https://x.example/<script>")
    assert api.public_url() == ""


@pytest.mark.parametrize("path", ["/api/tables/nope.json", "/api/queries/cases.json?typology=%00%2F..%2Fetc",
                                  "/api/tables/cases.json?_size=-1", "/api/nowhere/../../etc/passwd"])
def test_no_api_answer_names_a_server_path(server, path):
    url, _ = server
    _, _, body = get(url + path)
    text = body.decode()
    assert not re.search(r"/(work|root|home|tmp|usr)/", text) and "Traceback" not in text, text[:300]
