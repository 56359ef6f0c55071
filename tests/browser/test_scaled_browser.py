"""Two app processes behind HAProxy (scripts/serve_scaled.py): sessions are spread over both, each stays on its
process (a cookie, not the client address: every client here has the same address), its downloads are served
through the balancer, and a process that stops gets no new session. HAProxy missing fails, never skips."""

import time

import pytest

from .conftest import CHART_DRAWN, Page

# The set-up (`balanced`, tests/browser/conftest.py) is shared with test_api_scaled.py, which runs first on the same
# worker: the last test here stops one of the two processes.
pytestmark = pytest.mark.xdist_group("scaled")


@pytest.fixture
def setup(balanced):
    return balanced[0]


def node_of(page: Page) -> str:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies["SME_NODE"]


def download_csv(page: Page) -> list[str]:
    page.page.locator(CHART_DRAWN).first.wait_for()
    page.page.get_by_text("Data and downloads").first.click()
    page.settle()
    with page.page.expect_download() as info:
        page.page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").first.click()
    return info.value.path().read_text(encoding="utf-8").strip().splitlines()


def test_sessions_are_spread_and_downloads_come_through_the_balancer(browser, setup):
    nodes = []
    for _ in range(4):
        page = Page(browser, setup.url).open("/")
        try:
            nodes.append(node_of(page))
            lines = download_csv(page)
            # The download (a file under /media/ of the session's process) came back whole, through HAProxy.
            assert lines[0].startswith("comparison_id,") and len(lines) == 12
            assert node_of(page) == nodes[-1], "the session stayed on its process"
            page.assert_healthy()
        finally:
            page.close()
    assert set(nodes) == {"app1", "app2"}, f"new sessions go to both processes in turn: {nodes}"


def test_a_stopped_process_gets_no_new_session(browser, setup):
    setup.apps[0].terminate()
    setup.apps[0].wait(timeout=10)
    time.sleep(3)  # two failed health checks, one second apart, take the process out
    for _ in range(2):
        page = Page(browser, setup.url).open("/")
        try:
            assert node_of(page) == "app2"
            page.page.get_by_role("heading", name="Internationalisation of Innovation in SMEs").wait_for()
            page.assert_healthy()
        finally:
            page.close()
