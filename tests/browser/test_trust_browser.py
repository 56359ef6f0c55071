"""The trust boundary in a real browser against a real server, as a stranger with a link would try it: console
links that would write, two memory bombs at once, odd data folders, and a view that fails: nobody changes what
another sees, the server keeps its memory, and no page shows a path of the server."""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from evidence.views import VIEWS
from tests.browser.conftest import REPO, WAIT_MS, Page, free_port, serve

sys.path.insert(0, str(REPO / "scripts"))
from bench_console import tree_rss_mb  # noqa: E402  (make bench measures the same way)

HOSTILE_LINKS = [
    "EXPLAIN ANALYZE DELETE FROM themes",
    "EXPLAIN ANALYZE DROP TABLE cases",
    "EXPLAIN ANALYZE CREATE VIEW cases AS SELECT 'Forged Ltd' AS name",
    "WITH gone AS (DELETE FROM themes RETURNING *) SELECT count(*) AS n FROM gone",
    "PREPARE change AS DELETE FROM themes",
]


def console_link(sql: str) -> str:
    return "/data?" + urllib.parse.urlencode({"sql": sql})


LAST_PRINT_COPY = "() => { const t = document.querySelectorAll('.sme-print-table'); return t.length > 1 ? " \
                  "t[t.length - 1].textContent : ''; }"


def printed_result(page: Page, column: str) -> str:
    """The console's answer as the page's print copy holds it (the on-screen table is drawn on a canvas): the last
    print copy, once it has been written (a moment after the answer's caption) and starts with `column`."""
    page.page.get_by_text(re.compile(r"^\d+ rows? in \d+ ms$")).wait_for()
    page.page.wait_for_function(f"() => ({LAST_PRINT_COPY})().startsWith({column!r})", timeout=WAIT_MS)
    return page.page.evaluate(LAST_PRINT_COPY)


def test_a_console_link_cannot_change_what_another_session_sees(browser, server):
    stranger = Page(browser, server)
    try:
        for sql in HOSTILE_LINKS:
            stranger.open(console_link(sql))
            stranger.page.get_by_text(re.compile("The console only reads|not allowed")).first.wait_for()
    finally:
        stranger.close()
    reader = Page(browser, server)
    try:
        assert printed_result(reader.open(console_link("SELECT count(*) AS n FROM themes")), "n") == "n17"
        names = printed_result(reader.open(console_link("SELECT name FROM cases ORDER BY name")), "name")
        assert "Forged" not in names and "Numeca" in names
        assert reader.deep_link_errors("data") == []  # Streamlit's deep-link probes are the only console errors
    finally:
        reader.close()


def test_two_memory_bombs_at_once_keep_the_server_within_a_gigabyte(browser, tmp_path):
    port = free_port()
    env = {**os.environ, "SME_EVIDENCE_DATA": str(REPO / "data")}
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port",
                                str(port), "--server.headless", "true"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://localhost:{port}"
    try:
        _wait_for(url)
        warm = Page(browser, url).open(console_link("SELECT 1 AS one"))
        printed_result(warm, "one")
        warm.close()
        idle = tree_rss_mb(process.pid)
        peak, done = [idle], threading.Event()

        def watch():
            while not done.is_set():
                peak.append(tree_rss_mb(process.pid))
                time.sleep(0.02)

        watcher = threading.Thread(target=watch)
        watcher.start()
        tabs = [Page(browser, url), Page(browser, url)]
        tabs[0].page.goto(url + console_link("SELECT list_sort(range(50000000)) AS l"))
        tabs[1].page.goto(url + console_link("SELECT repeat('x', 100000) AS s FROM range(5000)"))
        tabs[0].page.get_by_text("more memory than the console gives one query").wait_for(timeout=WAIT_MS)
        tabs[1].page.get_by_text(re.compile("cut at 5,000,000 bytes")).wait_for(timeout=WAIT_MS)
        done.set()
        watcher.join()
        assert max(peak) - idle < 1024, f"idle {idle:.0f} MB, peak {max(peak):.0f} MB"
        after = Page(browser, url).open(console_link("SELECT count(*) AS n FROM cases"))
        assert printed_result(after, "n") == "n12"  # and the console still answers
        for page in (*tabs, after):
            page.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_for(url: str) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


# ------------------------------------------------------------------------------ odd data folders


def _symlinked(folder: Path) -> str:
    target = folder.parent / "themes-elsewhere.csv"
    (folder / "themes.csv").rename(target)
    (folder / "themes.csv").symlink_to(target)
    return "this is a symbolic link"


def _undescribed(folder: Path) -> str:
    (folder / "datapackage.json").unlink()
    return ""


def _huge(folder: Path) -> str:
    with (folder / "routes.csv").open("r+b") as handle:  # 200 MB on disk, sparse: nothing of it is read
        handle.truncate(200_000_000)
    return "the file is 200 MB; the app reads files of at most 100 MB"


@pytest.mark.parametrize("make", [_symlinked, _undescribed, _huge], ids=["symlink", "no-descriptor", "200MB"])
def test_an_odd_data_folder_is_named_plainly(browser, tmp_path, make):
    folder = tmp_path / "odd-folder"
    shutil.copytree(REPO / "data", folder)
    expected = make(folder)
    with serve(folder) as url:
        page = Page(browser, url)
        try:
            if expected:
                page.open("/")
                # The message itself: the problems' cells say "could not be loaded" too, once the grid is drawn.
                page.page.get_by_text("The data in odd-folder could not be loaded").wait_for()
                text = page.page.locator('[data-testid="stMain"]').inner_text()
                assert "odd-folder" in text and str(tmp_path) not in text
                # The problems table is a data grid: its cells are in the page for screen readers, not drawn as text.
                page.page.get_by_text(re.compile(re.escape(expected[:40]))).first.wait_for(state="attached")
            else:
                page.open("/data")
                page.page.get_by_text("has no datapackage.json of its own").wait_for()
                page.page.get_by_role("heading", name="Tables").wait_for()
            assert page.page.locator('[data-testid="stException"]').count() == 0
        finally:
            page.close()


# ------------------------------------------------------------------------------ a view that fails

LAUNCHER = """
import sys
sys.path.insert(0, {repo!r})
import evidence.api.data, evidence.ui.page
def fail(*args, **kwargs):
    raise RuntimeError("forced failure reading " + {repo!r} + "/evidence/secret.csv")
evidence.ui.page.review_params = fail  # every view checks its link first
evidence.api.data.table_page = fail
from streamlit.web.cli import main
sys.argv = ["streamlit", "run", {app!r}, "--server.port", {port!r}, "--server.headless", "true"]
main()
"""


def test_a_failing_view_shows_an_id_and_no_path(browser, tmp_path):
    port = str(free_port())
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER.format(repo=str(REPO), app=str(REPO / "app.py"), port=port))
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, str(launcher)], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "SME_EVIDENCE_DATA": str(REPO / "data")})
    url = f"http://localhost:{port}"
    try:
        _wait_for(url)
        ids = []
        for path in ("/" + view.path for view in VIEWS.values()):
            page = Page(browser, url)
            page.open(path)
            message = page.page.get_by_text(re.compile(r"Something went wrong on this view.*error [0-9a-f]{8}"))
            message.first.wait_for()
            text = page.page.locator("body").inner_text()
            assert str(REPO) not in text and "Traceback" not in text and "secret.csv" not in text, path
            ids.append(re.search(r"error ([0-9a-f]{8})", text).group(1))
            page.close()
        status, body = _status_and_body(url + "/api/tables/cases.json")
        assert status == 500 and str(REPO) not in body and "secret.csv" not in body and "Traceback" not in body
        server_log = log.read_text(errors="replace")
        assert all(f"error {ident}" in server_log for ident in ids)
        assert "secret.csv" in server_log  # the log holds what went wrong
    finally:
        process.terminate()
        process.wait(timeout=20)


def _status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()
