"""Data text is untrusted: served on a copy of data/ whose every free-text value carries markdown, HTML, an
outside image, a `javascript:` link, a formula, a colour directive and newlines, no view renders any of it as
markup, and no request leaves the machine."""

import csv
import urllib.parse

import pytest

from tests.browser.conftest import Page, serve
from tests.poison import OUTSIDE_HOST, poisoned_copy

MARKERS = ["strong-p", "html-p", "em-p", "red-p", "head-p", "list-p", "link-p"]
# What rendered markup would leave in the page: an element holding exactly one marker word (bold, a heading,
# a list item, a coloured span, a link), an image or a javascript: link from the data, a typeset formula.
RENDERED = r"""(markers) => {
  const found = [];
  for (const el of document.querySelectorAll('strong, b, em, i, h1, h2, h3, h4, h5, h6, li, span, a, code, p')) {
    const text = (el.textContent || '').trim();
    if (markers.includes(text)) found.push(el.tagName.toLowerCase() + ': ' + text);
  }
  for (const el of document.querySelectorAll('img')) {
    if ((el.getAttribute('src') || '').includes('203.0.113') || (el.alt || '').includes('img-p')) {
      found.push('img: ' + el.getAttribute('src'));
    }
  }
  for (const el of document.querySelectorAll('a[href^="javascript:"]')) found.push('a: ' + el.getAttribute('href'));
  for (const el of document.querySelectorAll('.katex, math')) found.push('formula: ' + el.textContent.slice(0, 40));
  return found;
}"""


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    folder = poisoned_copy(tmp_path_factory.mktemp("poisoned") / "data")
    with serve(folder) as url:
        yield url, folder


def views(folder) -> list[tuple[str, str]]:
    """Every view, in the states that show the most data text: (path, the heading it must show)."""
    case = next(csv.DictReader((folder / "cases.csv").open(encoding="utf-8")))["name"]
    return [
        ("/", "Internationalisation of Innovation in SMEs"),
        ("/?present=1&slide=3", None), ("/?present=1&slide=5", None),
        ("/case_studies?" + urllib.parse.urlencode({"case": case}), "Case studies"),
        ("/expert_survey?item=6.f", "Expert survey"),
        ("/policy?cell=customising-export", "Policy"),
        ("/workshop?slot=1000-welcome", "Workshop"),
        ("/search?search=strong", "Evidence search"),
        ("/data?table=cases", "Data"),
    ]


def test_the_check_finds_markup_the_app_writes(browser, poisoned):
    """The detector is not blind: the Overview's own bold words ("12 case studies") are found as bold."""
    url, _ = poisoned
    tab = Page(browser, url, 1366, 768)
    tab.open("/")
    tab.page.get_by_text("12 case studies", exact=True).first.wait_for()  # drawn after the page settles
    assert "strong: 12 case studies" in tab.page.evaluate(RENDERED, ["12 case studies"])
    tab.close()


def test_no_view_renders_data_text_as_markup_or_fetches_from_outside(browser, poisoned):
    url, folder = poisoned
    tab = Page(browser, url, 1366, 768)
    requests = []
    tab.page.on("request", lambda request: requests.append(request.url))
    for path, heading in views(folder):
        tab.open(path)
        if heading:
            tab.page.get_by_role("heading", name=heading, exact=True).wait_for()
        # The data text shows as typed (Streamlit draws the lower parts of a page after it settles).
        # (Polled every 100 ms, not on every frame: reading a long page's text each frame slows its drawing.)
        tab.page.wait_for_function("() => document.body.innerText.includes('**strong-p**')", polling=100,
                                   timeout=15000)
        tab.quiet()  # images and late widgets have come
        assert "could not be loaded" not in tab.page.inner_text("body"), f"{path}: the poisoned copy did not load"
        assert tab.page.evaluate(RENDERED, MARKERS) == [], f"{path} renders data text as markup"
        exceptions = tab.page.locator('[data-testid="stException"]')
        assert exceptions.count() == 0, f"{path}: {exceptions.first.inner_text()}"
    outside = [u for u in requests if urllib.parse.urlsplit(u).hostname not in ("localhost", "127.0.0.1", None)]
    assert outside == [], outside
    # Not even through a proxy or a relative path: no request asks for the data's images.
    assert not [u for u in requests if urllib.parse.urlsplit(u).path.endswith(("/p.png", "/q.png"))]
    assert not [u for u in requests if urllib.parse.urlsplit(u).hostname == OUTSIDE_HOST]
    tab.close()
