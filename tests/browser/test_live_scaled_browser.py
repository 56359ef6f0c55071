"""Live mode behind HAProxy (issue 25, `make serve-scaled`): the presenter on one app process and three phones on the
other, sharing one live session through the store: the SQLite file of a state folder both processes open, or one
PostgreSQL database (tests/live_postgres.py). Each browser context is sent to its process by the affinity cookie
(SME_NODE), and every response says which process answered (X-SME-Node, deploy/haproxy.cfg): the test asserts the
presenter's pages came from app1 and the phones' from app2. The phones join by the QR code's link, follow three slide
changes, answer and change an answer; the presenter's room panel, on the other process, counts them. HAProxy or
PostgreSQL missing fails, never skips."""

import re
import shutil
import sys
from pathlib import Path

import pytest

from evidence.content.findings import FINDINGS
from tests.live_postgres import postgres_cluster_fixture  # noqa: F401 (fixture)

from .conftest import CHART_DRAWN, REPO, Page

pytestmark = pytest.mark.xdist_group("live scaled")

PROJECTOR = (1366, 768)
PHONE = (390, 844)
QR_LINK = "a:has(img[alt^='QR code that opens the join link'])"


@pytest.fixture(params=["SQLite", "PostgreSQL"])
def live_scaled(request, tmp_path):
    """Two app processes behind HAProxy with one live store: (the set-up, the store's name)."""
    assert shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists(), (
        "The scaling tests need Debian's haproxy: apt-get install haproxy (make test does it as root)")
    sys.path.insert(0, str(REPO / "scripts"))
    import serve_scaled

    env = {"SME_STATE_DIR": str(tmp_path / "state"), "SME_LIVE_DB": ""}
    (tmp_path / "state").mkdir()
    if request.param == "PostgreSQL":  # the worker's throwaway cluster, its own database
        _, port = request.getfixturevalue("postgres_cluster")
        env["SME_LIVE_DB"] = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    with serve_scaled.scaled(processes=2, env=env, logs=tmp_path) as setup:
        yield setup, request.param
    if request.param == "SQLite":  # both processes used the state folder's one file
        assert (tmp_path / "state" / "live.sqlite3").exists()
    else:
        assert not (tmp_path / "state" / "live.sqlite3").exists()


def on_process(browser, url: str, node: str, size: tuple[int, int]) -> Page:
    """A browser context pinned to one app process by HAProxy's affinity cookie."""
    page = Page(browser, url, *size)
    page.context.add_cookies([{"name": "SME_NODE", "value": node, "url": url}])
    return page


def served_by(page: Page, path: str) -> str:
    """Open `path` (following redirects) and say which process answered the page's request."""
    response = page.page.goto(page.server + path)
    page.settle()
    return response.headers["x-sme-node"]


def heading(page: Page, slide: int):
    return page.page.get_by_role("heading", name=FINDINGS[slide - 1].headline)


def saved(phone: Page, label: str) -> None:
    phone.page.locator(".st-key-phone-saved").get_by_text(f"Saved: {label}", exact=True).wait_for()


def test_presenter_and_phones_on_different_processes(browser, live_scaled):
    setup, store = live_scaled
    presenter = on_process(browser, setup.url, "app1", PROJECTOR)
    phones = [on_process(browser, setup.url, "app2", PHONE) for _ in range(3)]
    try:
        assert served_by(presenter, "/?present=1&slide=1") == "app1"
        presenter.page.locator(CHART_DRAWN).first.wait_for()
        presenter.page.get_by_role("button", name="Go live").click()
        presenter.page.get_by_role("heading", name="Answer from your phone").wait_for()
        presenter.page.wait_for_url(re.compile(r"[?&]live=[A-Z0-9]{6}\b"))
        code = dict(re.findall(r"[?&]([a-z]+)=([^&]+)", presenter.page.url))["live"]
        link = presenter.page.locator(QR_LINK).first.get_attribute("href")
        assert link.endswith(f"/live/join/{code}")
        path = "/live/join/" + code  # the QR's link, on the balancer's address
        for phone in phones:
            assert served_by(phone, path) == "app2", f"{store}: the phone is on the other process"
            phone.page.wait_for_url(re.compile(rf"/join\?code={code}$"))
            phone.page.get_by_text("Waiting for the presenter's question").wait_for()

        for slide in (1, 2, 3):  # three slide changes on app1; the phones on app2 follow each
            presenter.page.keyboard.press("ArrowRight")
            heading(presenter, slide).wait_for()
            for phone in phones:
                heading(phone, slide).wait_for()
            if slide == 2:
                for phone, label in zip(phones, ("Confirm", "Qualify", "Qualify"), strict=True):
                    phone.page.get_by_role("button", name=label, exact=True).click()
                    saved(phone, label)
                panel = presenter.page.locator(".st-key-room-panel")
                panel.get_by_text(re.compile(r"This room, \d{1,2} \w+ \d{4}, n = 3")).wait_for()
                panel.get_by_text("Qualify · 2 (67%)").wait_for()
                phones[0].page.get_by_role("button", name="Disagree", exact=True).click()  # a change of mind
                saved(phones[0], "Disagree")
                panel.get_by_text("Disagree · 1 (33%)").wait_for()
                panel.get_by_text("Confirm · 0 (0%)").wait_for()
        phones[1].page.get_by_role("button", name="Confirm", exact=True).click()  # slide 3's question
        saved(phones[1], "Confirm")
        presenter.page.locator(".st-key-room-panel").get_by_text(
            re.compile(r"This room, \d{1,2} \w+ \d{4}, n = 1")).wait_for()

        for page, node in [(presenter, "app1"), *((phone, "app2") for phone in phones)]:
            cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
            assert cookies["SME_NODE"] == node  # still pinned: no request of theirs went to the other process
        presenter.assert_healthy()
        for phone in phones:  # Streamlit's base-path probes of the deep link /join are not errors of the app
            assert phone.page.locator('[data-testid="stException"]').count() == 0
            assert phone.deep_link_errors("join") == []
        assert all("sme_live" in {c["name"] for c in phone.context.cookies()} for phone in phones)
    finally:
        for page in [presenter, *phones]:
            page.close()
