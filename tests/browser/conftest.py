"""A real Streamlit server and Debian's Chromium, driven by Playwright. A missing browser fails, never skips."""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Screenshots go to an ignored folder, so a test run leaves the tree as it was; `make screenshots` writes the
# README's gallery (docs/screenshots) on purpose.
SCREENSHOTS = Path(os.environ.get("SME_SCREENSHOTS") or REPO / "build" / "screenshots")
CHART_DRAWN = '[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas'
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(data_dir: Path = REPO / "data"):
    """A Streamlit server of the app on a free port, serving `data_dir`: its URL, while the block runs."""
    port = free_port()
    env = {**os.environ, "SME_EVIDENCE_DATA": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError("the Streamlit server did not start: " + process.stdout.read().decode()[-2000:])
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def balanced(tmp_path_factory):
    """Two app processes behind HAProxy (`make serve-scaled`'s set-up, scripts/serve_scaled.py), each logging to
    a file outside the repository: (the set-up, the log folder). Shared by test_api_scaled.py and
    test_scaled_browser.py (one xdist group, run in that order: the last test there stops a process)."""
    assert shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists(), (
        "The scaling tests need Debian's haproxy: apt-get install haproxy (make test does it as root)"
    )
    sys.path.insert(0, str(REPO / "scripts"))
    import serve_scaled

    logs = tmp_path_factory.mktemp("scaled-logs")
    with serve_scaled.scaled(processes=2, logs=logs) as setup:
        yield setup, logs


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists() or shutil.which("chromium"), (
        "Browser tests need Debian's chromium at /usr/bin/chromium: apt-get install chromium"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A browser tab on the app that records console errors and failed requests."""

    def __init__(self, browser, server, width=1400, height=900):
        self.server = server
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A request the browser itself aborts (the tab moved on to another address before a lazy script of the
        # page it left had loaded) is not the app failing; any other failed request is.
        self.page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED"
                     else self.errors.append(f"request failed: {r.url} ({r.failure})"))

    def open(self, path: str = "/") -> "Page":
        self.page.goto(self.server + path)
        self.settle()
        return self

    def settle(self, timeout: float = 20000) -> None:
        """Wait until the script run is over and the page has drawn."""
        self.page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
        self.page.wait_for_function(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                return app && app.getAttribute('data-test-script-state') !== 'running'
                    && !document.querySelector('[data-testid="stStatusWidget"]');
            }""",
            timeout=timeout,
        )
        self.page.wait_for_timeout(400)

    def screenshot_whole(self, path) -> None:
        """A screenshot of the whole page: Streamlit scrolls inside its main block, so grow the window."""
        height = self.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        width = self.page.viewport_size["width"]
        self.page.set_viewport_size({"width": width, "height": min(int(height) + 40, 8000)})
        self.settle()
        self.page.wait_for_timeout(800)
        self.page.screenshot(path=path)

    def open_view(self, link_text: str, heading: str) -> "Page":
        """Open the app at its root, then a view through the navigation, as a user would."""
        self.open("/")
        self.page.locator('[data-testid="stSidebarNav"] a', has_text=link_text).click()
        self.settle()
        self.page.get_by_role("heading", name=heading, exact=True).wait_for()
        self.page.locator(CHART_DRAWN).first.wait_for()
        return self

    def deep_link_errors(self, page_path: str) -> list[str]:
        """Console errors other than Streamlit's base-path probes of a deep link (see the README)."""
        probe = re.compile(rf"(/{page_path}/_stcore/(health|host-config))|^Failed to load resource: the server "
                           r"responded with a status of 404")
        return [error for error in self.errors if not probe.search(error)]

    def assert_healthy(self) -> None:
        exceptions = self.page.locator('[data-testid="stException"]')
        assert exceptions.count() == 0, exceptions.first.inner_text()
        assert not self.errors, self.errors

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    opened = []

    def open_tab(width=1400, height=900):
        page = Page(browser, server, width, height)
        opened.append(page)
        return page

    yield open_tab
    for page in opened:
        page.close()
