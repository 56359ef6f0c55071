"""Live mode over HTTP (evidence/api/live_routes.py): the join link sets the participant's cookie and goes on to the
phone view; unknown codes say so and are rate-limited; the exports need the presenter's secret."""

import asyncio
import json
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from starlette.applications import Starlette

from evidence.api import live_routes
from evidence.live import database, limits, session
from evidence.settings import LIVE_DB_ENV, STATE_DIR_ENV


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str]
    text: str

    def json(self):
        return json.loads(self.text)


class Client:
    """The routes called as the server calls them (ASGI), without a socket; redirects are not followed."""

    def __init__(self):
        self.app = Starlette(routes=live_routes.routes())

    def get(self, path: str, params: dict | None = None, cookies: dict | None = None) -> Answer:
        headers = [(b"host", b"testserver")]
        if cookies:
            headers.append((b"cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()))
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
                 "query_string": urlencode(params or {}).encode(), "headers": headers,
                 "client": ("203.0.113.7", 50000), "server": ("testserver", 80)}
        sent: list[dict] = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        asyncio.run(self.app(scope, receive, send))
        start = sent[0]
        body = b"".join(message.get("body", b"") for message in sent[1:])
        return Answer(start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body.decode())


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    database.close_all()
    limits.reset()
    yield Client()
    database.close_all()
    limits.reset()


def test_the_join_link_sets_an_httponly_cookie_once_and_redirects_to_the_phone_view(client):
    started = session.start()
    first = client.get(f"/live/join/{started.code.lower()}")
    assert first.status_code == 303 and first.headers["location"] == f"/join?code={started.code}"
    cookie = first.headers["set-cookie"]
    assert cookie.startswith("sme_live=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Path=/" in cookie and "Max-Age=31536000" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    assert token not in first.headers["location"]  # never in a URL
    again = client.get(f"/live/join/{started.code}", cookies={"sme_live": token})
    assert again.status_code == 303 and "set-cookie" not in again.headers


@pytest.mark.parametrize(("code", "says"), [("QX7K3M", "No live session has the code QX7K3M."),
                                            ("O0I1", "is not a join code")])
def test_an_unknown_or_malformed_code_answers_a_page_that_says_so(client, code, says):
    answer = client.get(f"/live/join/{code}")
    assert answer.status_code == 404 and says in answer.text and "set-cookie" not in answer.headers


def test_guessing_codes_is_limited(client):
    statuses = [client.get("/live/join/QX7K3M").status_code for _ in range(limits.UNKNOWN_CODES_A_MINUTE + 1)]
    assert statuses[:-1] == [404] * limits.UNKNOWN_CODES_A_MINUTE and statuses[-1] == 429
    assert limits.TOO_MANY_CODES in client.get("/live/join/QX7K3M").text


def test_the_exports_need_the_presenters_secret(client):
    started = session.start()
    session.move(started.code, started.secret, 1, "finding:collaboration")
    session.answer(started.code, "participant-token-000001", "finding:collaboration", "confirm", "<b>fine</b>",
                   ("confirm", "qualify", "disagree"))
    for name in ("answers.csv", "datapackage.json"):
        refused = client.get(f"/live/{started.code}/{name}", params={"host": "wrong"})
        assert refused.status_code == 403 and refused.json()["message"] == "Only the presenter's link can do this."
        assert client.get(f"/live/{started.code}/{name}").status_code == 403
    csv = client.get(f"/live/{started.code}/answers.csv", params={"host": started.secret})
    assert csv.status_code == 200 and "finding:collaboration,confirm,<b>fine</b>" in csv.text
    package = client.get(f"/live/{started.code}/datapackage.json", params={"host": started.secret}).json()
    assert package["resources"][0]["schema"]["fields"][0]["name"] == "question_key"
    assert client.get("/live/QX7K3M/answers.csv", params={"host": "x"}).status_code == 404
    assert client.get(f"/live/{started.code}/other.txt").status_code == 404


def test_the_exports_are_no_way_round_the_limit_on_guessing_codes(client):
    """An unknown code answered 404 and a known one 403 at /live/<CODE>/answers.csv, uncounted: a free oracle."""
    statuses = [client.get(f"/live/QX7K3{c}/answers.csv").status_code for c in "ACDEFHJKMNP"]
    assert statuses[:-1] == [404] * limits.UNKNOWN_CODES_A_MINUTE and statuses[-1] == 429
    assert client.get("/live/QX7K3M/datapackage.json").json()["message"] == limits.TOO_MANY_CODES


@pytest.mark.parametrize("cookie", ["abc", "x" * 15, "x" * 65])
def test_a_cookie_the_phone_view_would_refuse_is_replaced(client, cookie):
    """A short cookie was kept: the phone view refused it and offered Join, which kept it again, for ever."""
    started = session.start()
    answer = client.get(f"/live/join/{started.code}", cookies={"sme_live": cookie})
    token = answer.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    assert token != cookie and 16 <= len(token) <= 64
