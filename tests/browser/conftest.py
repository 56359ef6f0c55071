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
from _pytest.nodeid import NodeId
from playwright.sync_api import sync_playwright

from evidence.views import VIEWS

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Screenshots are taken only when SME_SCREENSHOTS names a folder: `make screenshots` writes the README's gallery
# (docs/screenshots) on purpose; a test run takes none (no test reads a picture), so it leaves the tree as it was.
SCREENSHOTS = Path(os.environ["SME_SCREENSHOTS"]) if os.environ.get("SME_SCREENSHOTS") else None
CHART_DRAWN = '[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas'
# The app's stylesheet (assets/app.css) arrives in Streamlit's event container a moment after the run.
APP_CSS = "() => Array.from(document.querySelectorAll('style')).some(s => s.textContent.includes('stCaptionContainer'))"
# Each view's link as the browser tests open it, read from the registry (evidence/views.py): its path, and for the
# Evidence search a search (it shows nothing without one).
SHOWN_WITH = {"search": "?search=trade+fairs"}
VIEW_LINKS = {key: "/" + view.path + SHOWN_WITH.get(key, "") for key, view in VIEWS.items()}
WITHOUT_CHARTS = {VIEW_LINKS["search"], VIEW_LINKS["data"]}
# Installed in every tab before the app's own scripts: the time of the page's last change, and of the last message
# the app sent its server and received from it, for `Page.settle`. The printed pages' foot (an @page rule that
# evidence/takeaway/offer.js rewrites when the address changes, off screen) is not a change of the page.
WATCH = """(() => {
    window.smeLastChange = performance.now();
    window.smeSentAt = 0;
    window.smeReceivedAt = 0;
    const counts = (node) => { const el = node && (node.nodeType === 1 ? node : node.parentElement);
                               return !(el && el.closest && el.closest('#sme-print-foot')); };
    new MutationObserver((records) => {
        if (records.some((record) => counts(record.target))) window.smeLastChange = performance.now();
    }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', () => { window.smeReceivedAt = performance.now(); });
        }
        send(data) { window.smeSentAt = performance.now(); return super.send(data); }
    };
})();"""
# Settled: the script run is over, and none is about to start (a click leaves the app "rerunRequested", or sends
# its request with the app still "notRunning", until the server answers; a new tab is "initial" until its first
# run starts), and the page has not changed for a moment: it has drawn.
SETTLED = """(quiet) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    return (state === 'notRunning' || state === 'compilationError')
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && window.smeReceivedAt >= window.smeSentAt
        && performance.now() - window.smeLastChange >= quiet;
}"""
QUIET_MS = 200
# Every wait is on a condition, so a generous limit costs nothing when the page is quick, and keeps a machine whose
# other core is busy (CI beside other work) from failing a test that is only slow.
WAIT_MS = 180_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """`--dist loadgroup` with pytest 9.2 and pytest-xdist 3.8 (requirements-dev.txt) ignores `xdist_group`: xdist
    puts the group into the legacy `_nodeid`, which pytest 9.2 no longer reads (pytest-dev/pytest-xdist#1386, fix
    in #1388). Until then, put it into the node id pytest reads, as xdist means to: the tests of one group run
    on one worker, one after the other (the scaled set-up, the shared loads of `whole_view`)."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid.rpartition("]")[2]:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


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
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.page.set_default_timeout(WAIT_MS)  # a wait given no limit is on a condition too
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

    def settle(self, timeout: float = WAIT_MS) -> None:
        """Wait until the script run is over and the page has drawn (no change for QUIET_MS)."""
        self.page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
        self.page.wait_for_function(SETTLED, arg=QUIET_MS, polling=50, timeout=timeout)

    def quiet(self, ms: float = 300, timeout: float = WAIT_MS) -> None:
        """Wait until nothing on the page has changed for `ms` (after a resize, the charts have redrawn)."""
        self.page.wait_for_function("(ms) => performance.now() - window.smeLastChange >= ms", arg=ms, polling=50,
                                    timeout=timeout)

    def steady(self, locator, attempts: int = 100) -> dict:
        """The element's box once it has stopped moving (a scroll into view has ended): the same on two frames."""
        for _ in range(attempts):
            before, after = locator.evaluate("""(el) => new Promise((done) => {
                const box = () => { const r = el.getBoundingClientRect();
                                    return {x: r.x, y: r.y, width: r.width, height: r.height}; };
                const first = box();
                requestAnimationFrame(() => requestAnimationFrame(() => done([first, box()])));
            })""")
            if before == after:
                return after
        raise AssertionError(f"the element never stopped moving: {before} then {after}")

    def picture(self, name: str, whole: bool = True) -> None:
        """A screenshot for the README's gallery, only when SME_SCREENSHOTS asks for them (`make screenshots`).
        `whole`: the whole page (Streamlit scrolls inside its main block, so the window grows for the picture and
        then gets its size back, so the test goes on as it would without a picture)."""
        if SCREENSHOTS is None:
            return
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        if not whole:
            self.page.screenshot(path=SCREENSHOTS / name)
            return
        size = dict(self.page.viewport_size)
        height = self.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        self.page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 8000)})
        self.settle()
        self.page.wait_for_timeout(800)  # only for the gallery: the charts redraw to the new height
        self.page.screenshot(path=SCREENSHOTS / name)
        self.page.set_viewport_size(size)
        self.settle()

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


def shared_load(path: str, width: int, height: int):
    """The mark of a test that reads `whole_view(path, width, height)`: the tests of one load share an xdist group,
    so they run one after the other on one worker, and the view is loaded once for all of them."""
    return pytest.mark.xdist_group(f"view {path} {width}x{height}")


@pytest.fixture(scope="session")
def whole_view(browser, server):
    """A view opened at a size, drawn, and grown to its whole height (a slide keeps the window's): every node on
    screen. Tests that only read it (axe-core, the phone's reflow, printing, in that order) share one load: the
    last view asked for stays open until another is."""
    opened: dict[tuple, Page] = {}

    def load(path: str, width: int, height: int) -> Page:
        key = (path, width, height)
        if key not in opened:
            for other in list(opened):
                opened.pop(other).close()
            page = Page(browser, server, width, height)
            page.page.goto(server + path)
            page.settle(WAIT_MS)  # generous: the suite shares its machine
            page.page.wait_for_function(APP_CSS, timeout=WAIT_MS)
            if path not in WITHOUT_CHARTS:
                page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
            if "present=1" not in path:  # a slide is one screen: it keeps the window's height
                full = page.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                page.page.set_viewport_size({"width": width, "height": min(int(full) + 40, 16000)})
            page.quiet()  # a resize reruns no script: only the charts redraw to the new size
            opened[key] = page
        return opened[key]

    yield load
    for page in opened.values():
        page.close()
