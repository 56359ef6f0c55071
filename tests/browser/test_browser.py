"""End-to-end in Debian's Chromium: every page, presenter mode at two sizes, URL state, junk links, downloads."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from evidence.content.findings import FINDINGS

from .conftest import CHART_DRAWN

SIZES = [(1280, 720), (1920, 1080)]

NO_SCROLL = """() => {
    const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
    return [main.scrollHeight, main.clientHeight, document.scrollingElement.scrollHeight, window.innerHeight];
}"""
FITS = f"""() => {{ const [mainScroll, mainHeight, docScroll, viewHeight] = ({NO_SCROLL})();
    return mainScroll <= mainHeight + 2 && docScroll <= viewHeight + 2; }}"""


def test_the_overview_renders_without_errors_and_its_screenshot(tab):
    page = tab(1400, 900).open("/")
    page.page.get_by_text("Internationalisation of Innovation in SMEs").first.wait_for()
    page.page.get_by_text("Study vs experts").first.wait_for()
    height = page.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 6000)})
    page.settle()
    page.page.locator(CHART_DRAWN).first.wait_for()
    page.assert_healthy()
    # The tab's icon is the bundled one, in the page itself: nothing fetched for it.
    icon = page.page.evaluate("() => (document.querySelector('link[rel~=\"icon\"]') || {}).href || ''")
    assert icon.startswith("data:image/png;base64,"), icon[:80]
    page.picture("overview.png", whole=False)  # the window has the page's height already


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_presenter_mode_walks_every_slide_without_scrolling_and_on_a_clickers_keys(tab, width, height):
    page = tab(width, height).open("/?present=1&slide=1")
    for number, finding in enumerate(FINDINGS, start=1):
        page.page.get_by_role("heading", name=finding.headline).wait_for()
        page.page.get_by_text(f"Key finding {number} of {len(FINDINGS)}").wait_for()
        page.page.locator(CHART_DRAWN).first.wait_for()
        assert re.search(rf"[?&]slide={number}\b", page.page.url) or (number == 1)
        # The slide fits once the chart has taken its height (on a loaded machine that can be a moment later
        # than the first drawing): waited for, then measured.
        try:
            page.page.wait_for_function(FITS, polling=100, timeout=10000)
        except PlaywrightTimeout:
            pass
        main_scroll, main_height, doc_scroll, view_height = page.page.evaluate(NO_SCROLL)
        assert main_scroll <= main_height + 2 and doc_scroll <= view_height + 2, (
            f"slide {number} scrolls at {width}x{height}: {main_scroll} > {main_height}"
        )
        assert page.page.locator('[data-testid="stSidebar"]').is_hidden()
        # No empty half screen: the chart takes the height the headline, controls and quote leave.
        chart = page.page.locator(".st-key-slide-chart").bounding_box()
        assert chart["height"] >= 0.4 * height, f"slide {number}: chart {chart['height']:.0f} px of {height}"
        page.picture(f"slide-{number:02d}-{width}x{height}.png", whole=False)
        if number < len(FINDINGS):
            page.page.locator(".st-key-slide-next button").click()
            page.settle()
    # Then back to the first slide and through them on the keys a clicker sends.
    last = len(FINDINGS)
    for key, number in (("Home", 1), ("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("End", last),
                        ("PageUp", last - 1), ("ArrowLeft", last - 2), ("Home", 1)):
        # The keys are bound by the slide's buttons: a presenter presses once the controls are drawn.
        page.page.locator(".st-key-slide-nav button").first.wait_for()
        page.page.keyboard.press(key)
        page.page.get_by_role("heading", name=FINDINGS[number - 1].headline).wait_for()
        assert re.search(rf"[?&]slide={number}\b", page.page.url), (key, page.page.url)
        page.page.get_by_text(f"{number} / {last}", exact=True).wait_for()
    # The controls are big enough for a projector: at least 44 px high.
    box = page.page.locator(".st-key-slide-next button").bounding_box()
    assert box["height"] >= 44
    page.assert_healthy()


def test_links_with_state_restore_the_view(tab, server):
    page = tab(1280, 720).open("/?present=1&slide=6")
    page.page.get_by_role("heading", name=FINDINGS[5].headline).wait_for()
    page.page.get_by_text(f"6 / {len(FINDINGS)}", exact=True).wait_for()
    page.assert_healthy()
    page.open("/?outcome=qualified")  # the same tab, a new session
    page.page.get_by_text("1 of 11 findings · qualified").wait_for()
    assert findings_caption(page) == "1 of 11 findings · qualified"
    page.assert_healthy()
    page.open("/overview?outcome=qualified")  # the Overview by its own name
    page.page.get_by_text("1 of 11 findings · qualified").wait_for()
    assert page.page.get_by_text("Page not found").count() == 0
    assert page.page.url.startswith(server + "/?")


def test_presenter_toggle_writes_the_url_and_a_conclusion_links_to_its_slide(tab):
    page = tab().open("/")
    page.page.get_by_text("Presenter mode").first.click()
    page.settle()
    page.page.get_by_role("heading", name=FINDINGS[0].headline).wait_for()
    assert "present=1" in page.page.url
    page.page.get_by_text("Presenter mode").first.click()
    page.settle()
    page.page.get_by_text("Study vs experts").first.wait_for()
    assert "present" not in page.page.url
    # Back on the Overview: a conclusion's evidence button opens its slide, and Next goes on from there.
    page.page.get_by_role("link", name=re.compile("Evidence: slide 2")).first.click()
    page.settle()
    page.page.get_by_role("heading", name=FINDINGS[1].headline).wait_for()
    assert "slide=2" in page.page.url and "present=1" in page.page.url
    page.page.locator(".st-key-slide-next button").click()
    page.settle()
    page.page.get_by_role("heading", name=FINDINGS[2].headline).wait_for()
    assert "slide=3" in page.page.url
    page.assert_healthy()


JUNK = [
    "/?slide=abc", "/?slide=-3", "/?slide=999999999999", "/?present=maybe", "/?present=1&slide=0",
    "/?present=1&slide=11", "/?foo=bar&baz=", "/?%00=%00", "/?slide=1&slide=2&slide=x",
    "/?<script>alert(1)</script>=1", "/?present=1&slide=%F0%9F%92%A5", "/?present=" + "1" * 500,
]


def test_junk_links_break_nothing(tab):
    page = tab(1280, 720)
    for path in JUNK:  # one tab, each link a new page load and session
        page.open(path)
        page.page.get_by_text(re.compile("Internationalisation of Innovation in SMEs|Key finding")).first.wait_for()
        assert page.page.locator('[data-testid="stException"]').count() == 0, path
        assert not page.errors, (path, page.errors)


def test_chart_downloads_png_svg_and_csv(tab):
    page = tab().open("/")
    assert page.page.locator('[data-testid="stDownloadButton"]').count() == 0  # behind the toggle
    page.page.get_by_text("Data and downloads").first.click()
    page.settle()
    downloads = {}
    for label in ("PNG", "SVG", "CSV"):
        with page.page.expect_download() as info:
            page.page.locator('[data-testid="stDownloadButton"] button', has_text=label).first.click()
        downloads[label] = info.value.path().read_bytes()
    image = Image.open(io.BytesIO(downloads["PNG"]))
    image.verify()
    assert image.format == "PNG" and image.size[0] > 600
    assert downloads["SVG"].lstrip().startswith(b"<svg")
    lines = downloads["CSV"].decode("utf-8").strip().splitlines()
    assert lines[0].startswith("comparison_id,") and len(lines) == 12
    page.assert_healthy()


def test_share_link_shows_the_current_url(tab, server):
    page = tab(1280, 720).open("/?present=1&slide=4")
    page.page.get_by_text("Presenter mode").first.click()  # back to the overview, slide kept in the URL
    page.settle()
    page.page.get_by_role("button", name=re.compile("Share this view")).click()
    page.page.wait_for_function("() => document.querySelector('input.sme-share-link').value === location.href")
    link = page.page.locator("input.sme-share-link").input_value()
    assert link == page.page.url and link.startswith(server)
    page.assert_healthy()


def click_mark(page, selector: str) -> None:
    """Click the middle of a chart mark (the chart's svg sits over its marks for pointer events)."""
    page.settle()
    mark = page.page.locator(selector).first
    mark.scroll_into_view_if_needed()
    page.steady(mark)  # the scroll has ended: the mark is where it will be clicked
    box = mark.bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.settle()


def findings_caption(page) -> str:
    captions = page.page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    return next(text for text in captions if text.endswith("findings") or " findings · " in text)


def test_conclusion_links_to_the_view_holding_its_evidence(tab):
    page = tab().open("/")
    page.page.locator('.sme-link-list a[href*="type=collaboration"]').first.click()
    page.settle()
    page.page.get_by_text("6 of 12 cases match.").wait_for()
    assert "case_studies?type=collaboration" in page.page.url
    page.assert_healthy()
